"""The symbol index: one picture per concept, the same in every language."""

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

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


# The first symbols of a page's main part are on its first screen on a phone (320 x 640): they come inside
# the page. Later ones load as they come near the screen, their space kept by width and height (decision 0029).
EAGER_SYMBOLS = 7
# A first-screen symbol's file is put in the page as a data: address up to this size, so it costs no request
# (each waits about 400 ms on a slow phone connection, and a browser asks for only 6 at a time). Every file
# in the index is smaller; the limit keeps a large new drawing from making every page that shows it heavy.
INLINE_MAX_BYTES = 20_000
# The characters of an SVG file kept as they are in a data: address inside a double-quoted HTML attribute.
_KEPT = " !$'()*+,-./:;=?@_~[]{}|^`"  # < and > are percent-encoded, so no tag-like text sits in an attribute


def inline_src(filename: str) -> str | None:
    """The data: address of a symbol file (its quotes made single, so the address needs no &quot;), or None
    for a file over INLINE_MAX_BYTES or with a single quote of its own. Made once per file, like symbol_url."""
    sources = current_app.extensions.setdefault("symbol_data", {})
    if filename not in sources:
        svg = (Path(current_app.config["SYMBOLS_DIR"]) / filename).read_text(encoding="utf-8").strip()
        fits = len(svg.encode()) <= INLINE_MAX_BYTES and "'" not in svg
        sources[filename] = "data:image/svg+xml," + quote(svg.replace('"', "'"), safe=_KEPT) if fits else None
    return sources[filename]


def first_screen() -> bool:
    """Is the next symbol of this page one of its first EAGER_SYMBOLS? Counts it (the body is drawn first)."""
    if not has_request_context():
        return True
    drawn = g.get("symbols_drawn", 0) + 1
    g.symbols_drawn = drawn
    return drawn <= EAGER_SYMBOLS


def symbol(concept: str, size: int = 64, alt: str = "", css_class: str = "symbol", eager: bool | None = None) -> Markup:
    """An <img> for a concept: decorative (alt="") beside text that says the same, else with alt text.
    eager: True for symbols that need not count and come with the page (the header's, a row's play icon,
    which is the header's Listen picture again); False for ones that need not count and load lazily;
    None counts: the first EAGER_SYMBOLS come with the page, later ones are lazy."""
    lazy = not (first_screen() if eager is None else eager)
    src = None if lazy else inline_src(symbol_index().file_for(concept))
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        f'<img class="{escape(css_class)}" src="{src or escape(symbol_url(concept))}" '
        f'width="{int(size)}" height="{int(size)}" alt="{escape(alt)}"{loading} decoding="async">'
    )
