"""One engine for every journey: definitions in YAML (loader), the step types (types), conditions and
the walk through the steps (walker), and the named actions that end a journey (actions). The engine
knows no journey; each journey's service hands it the answers and the facts it knows."""
