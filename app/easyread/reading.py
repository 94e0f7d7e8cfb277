"""Reading settings: text size, colours, line spacing and font, kept in a cookie and applied on the server."""

from flask import request

COOKIE = "reading"

# setting -> allowed values, the first is the default.
CHOICES: dict[str, tuple[str, ...]] = {
    "size": ("normal", "large", "extra-large"),
    "contrast": ("standard", "high", "dark"),
    "spacing": ("normal", "wide"),
    "font": ("atkinson", "system"),
}
DEFAULTS = {name: values[0] for name, values in CHOICES.items()}


def parse(cookie: str | None) -> dict[str, str]:
    """Settings from a cookie value; anything unknown falls back to the default."""
    settings = dict(DEFAULTS)
    for part in (cookie or "")[:200].split("|"):
        name, _, value = part.partition(":")
        if value in CHOICES.get(name, ()):
            settings[name] = value
    return settings


def serialise(settings: dict[str, str]) -> str:
    return "|".join(f"{name}:{settings[name]}" for name in CHOICES)


def current() -> dict[str, str]:
    return parse(request.cookies.get(COOKIE))


def html_classes(settings: dict[str, str] | None = None) -> str:
    """Classes for <html>; the defaults add none, so a plain page stays plain."""
    settings = settings or current()
    return " ".join(f"{name}-{value}" for name, value in settings.items() if value != DEFAULTS[name])
