"""Directory health, for council admins: the content audit of every stored service, a rule at a time."""
