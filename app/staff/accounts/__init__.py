"""Staff accounts: signing in and out, new passwords through an emailed link, and the `flask staff` commands."""
