"""School mode: school staff start and follow checklists for their pupils."""
