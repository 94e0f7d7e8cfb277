"""(to be written)"""
PAGES: dict = {}
NOT_PAGES: set = set()
