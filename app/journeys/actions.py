"""Where a journey ends is a named action in its definition; each journey's service registers its own.
The engine only looks the name up: it knows no journey."""

from collections.abc import Callable

ACTIONS: dict[str, Callable] = {}


def action(name: str):
    """Register a function as the action with this name (a decorator)."""

    def register(function: Callable) -> Callable:
        ACTIONS[name] = function
        return function

    return register


def run(name: str, *args, **kwargs):
    """Carry out the named action."""
    if name not in ACTIONS:
        raise LookupError(f"No journey action is registered as {name!r}.")
    return ACTIONS[name](*args, **kwargs)
