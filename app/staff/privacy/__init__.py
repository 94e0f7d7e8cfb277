"""A person's data on their request: find, export and erase everything held about them."""
