"""Static file URLs that carry a hash of the file, so browsers can keep them for a year."""

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import current_app, request, url_for

from app.easyread import reading


@lru_cache(maxsize=64)
def _file_hash(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """The URL of a file in static/, with its content hash as ?v=."""
    path = Path(current_app.static_folder) / filename
    return url_for("static", filename=filename, v=_file_hash(str(path), path.stat().st_mtime))


# The site's font in the two weights every page uses, one file each with the letters of English and Welsh.
# A page names them in its first answer, so the browser fetches them beside the stylesheet instead of after
# it has read it (decision 0029). The URLs are exactly those in site.css, so each font is fetched once.
PRELOAD_FONTS = ("fonts/atkinson-next-400.woff2", "fonts/atkinson-next-700.woff2")


def preload_fonts(response):
    """A page shown in the site's own font asks for that font at once (a Link header; no change to the page)."""
    if response.status_code != 200 or response.mimetype != "text/html":
        return response
    if reading.current()["font"] != "atkinson":  # the person chose their system's font: nothing to fetch
        return response
    links = (
        f'<{url_for("static", filename=name)}>; rel=preload; as=font; type="font/woff2"; crossorigin'
        for name in PRELOAD_FONTS
    )
    response.headers.add("Link", ", ".join(links))
    return response


def cache_static_files(response):
    """Hashed static URLs never change, so let browsers keep them."""
    if request.endpoint == "static" and request.args.get("v"):
        response.cache_control.no_cache = None
        response.cache_control.max_age = current_app.config["STATIC_MAX_AGE"]
        response.cache_control.public = True
        response.cache_control.immutable = True
    return response
