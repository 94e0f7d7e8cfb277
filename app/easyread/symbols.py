"""The symbol index: one picture per concept, the same in every language."""

import json
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, g, has_request_context, request, url_for
from markupsafe import Markup, escape


class UnknownSymbol(KeyError):
    """A template asked for a concept the index does not have."""


@dataclass(frozen=True)
class SymbolIndex:
    files: dict[str, str]  # concept or alias -> file name

    @classmethod
    def load(cls, path: str | Path) -> "SymbolIndex":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        files: dict[str, str] = {}
        for concept, entry in data["concepts"].items():
            files[concept] = entry["file"]
            for alias in entry.get("aliases", []):
                files[alias] = entry["file"]
        return cls(files)

    def file_for(self, concept: str) -> str:
        try:
            return self.files[concept]
        except KeyError:
            raise UnknownSymbol(f"No symbol for the concept {concept!r} in the symbol index.") from None


def symbol_index() -> SymbolIndex:
    index = current_app.extensions.get("symbol_index")
    if index is None:
        index = current_app.extensions["symbol_index"] = SymbolIndex.load(current_app.config["SYMBOL_INDEX"])
    return index


def symbol_url(concept: str) -> str:
    """The address of a concept's picture, worked out once (a directory page shows about 100 symbols)."""
    urls = current_app.extensions.setdefault("symbol_urls", {})
    key = (request.script_root if has_request_context() else None, concept)
    url = urls.get(key)
    if url is None:
        url = urls[key] = url_for("easyread.symbol_file", filename=symbol_index().file_for(concept))
    return url


# The first symbols of a page's main part are on its first screen on a phone (320 x 640): they load at once.
# Later ones load as they come near the screen, their space kept by width and height (decision 0029).
EAGER_SYMBOLS = 6


def first_screen() -> bool:
    """Is the next symbol of this page one of its first EAGER_SYMBOLS? Counts it (the body is drawn first)."""
    if not has_request_context():
        return True
    drawn = g.get("symbols_drawn", 0) + 1
    g.symbols_drawn = drawn
    return drawn <= EAGER_SYMBOLS


def symbol(concept: str, size: int = 64, alt: str = "", css_class: str = "symbol", eager: bool | None = None) -> Markup:
    """An <img> for a concept: decorative (alt="") beside text that says the same, else with alt text.
    eager: True for the header, False for symbols that need not count (a row's play icon); None counts."""
    lazy = not (first_screen() if eager is None else eager)
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        f'<img class="{escape(css_class)}" src="{escape(symbol_url(concept))}" '
        f'width="{int(size)}" height="{int(size)}" alt="{escape(alt)}"{loading} decoding="async">'
    )
