"""(to be written)"""


def load(app) -> str:
    return "nothing yet"


def is_empty(app) -> bool:
    return False
