"""Which GET endpoints are pages a person reads and which serve files or machine checks, and where the
paths of the pages to render come from (the command-line wiring sets a provider; the site knows no examples)."""

from collections.abc import Callable

from flask import Flask

PagePaths = Callable[[Flask], list[str]]


def not_pages(app: Flask, *endpoints: str) -> None:
    """Mark GET endpoints that serve files or machine checks: the page checks and the audio build leave them out."""
    app.extensions.setdefault("not_pages", set()).update(endpoints)


def get_endpoints(app: Flask) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())}


def page_endpoints(app: Flask) -> set[str]:
    """Every GET endpoint that shows a page."""
    return get_endpoints(app) - app.extensions.get("not_pages", set())


def set_page_paths(app: Flask, provider: PagePaths) -> None:
    app.extensions["page_paths"] = provider


def page_paths(app: Flask) -> list[str]:
    """The paths of the pages to render, from the provider that was set (none without one)."""
    provider = app.extensions.get("page_paths")
    return provider(app) if provider else []
