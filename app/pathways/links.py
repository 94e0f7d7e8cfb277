"""Directory addresses: each keeps the filters, so a search can be shared, widened or paged."""

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _

from app.pathways.forms import DirectoryQuery
from app.pathways.search import Page
from app.pathways.views import area_name
from app.vocab import AGE_BANDS, KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    symbol: str


def query_args(query: DirectoryQuery) -> dict:
    """The checked filters as query arguments, without the page."""
    filters = query.filters
    args = {
        "q": query.query,
        "step": list(filters.steps),
        "kind": list(filters.kinds),
        "need": list(filters.needs),
        "work": list(filters.work),
        "area": list(filters.areas),
        "age": query.age,
        "pay": list(filters.pay),
        "ask": "yes" if filters.ask_myself else "",
    }
    return {name: value for name, value in args.items() if value}


def directory_url(args: dict, page: int = 1) -> str:
    return url_for("pathways.directory", **args, **({"page": page} if page > 1 else {}))


def _without(args: dict, name: str, value: str | None = None) -> dict:
    out = dict(args)
    if value is None or not isinstance(out.get(name), list):
        out.pop(name, None)
    else:
        out[name] = [v for v in out[name] if v != value]
    return out


def filter_links(query: DirectoryQuery, areas) -> list[Link]:
    """A link for each filter in use that shows the same search without it."""
    args = query_args(query)
    if not args:
        return []
    area_names = {area.id: area_name(area) for area in areas}
    links = []
    if "q" in args:
        links.append(Link(query.query, directory_url(_without(args, "q")), "search"))
    for name, vocabulary in (
        ("step", LADDER_STEPS),
        ("kind", KINDS_OF_SUPPORT),
        ("need", SUPPORT_NEEDS),
        ("work", KINDS_OF_WORK),
    ):
        for value in args.get(name, []):
            term = vocabulary[value]
            links.append(Link(str(term.name), directory_url(_without(args, name, value)), term.symbol))
    for value in args.get("area", []):
        links.append(Link(area_names[value], directory_url(_without(args, "area", value)), "area"))
    if "age" in args:
        band = AGE_BANDS.get(query.age)
        text = _("Age: %(age)s", age=band.name if band else query.age)
        links.append(Link(text, directory_url(_without(args, "age")), "age"))
    for value in args.get("pay", []):
        links.append(
            Link(_("Paid") if value == "paid" else _("Unpaid"), directory_url(_without(args, "pay", value)), value)
        )
    if "ask" in args:
        links.append(Link(_("I can ask myself"), directory_url(_without(args, "ask")), "ask-for-help"))
    return links


def page_links(query: DirectoryQuery, found: Page) -> dict:
    """Addresses of the page before and after this one (None at either end)."""
    args = query_args(query)
    return {
        "previous": directory_url(args, found.number - 1) if found.number > 1 else None,
        "next": directory_url(args, found.number + 1) if found.number < found.pages else None,
    }
