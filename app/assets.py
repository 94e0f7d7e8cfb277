"""Static file URLs that carry a hash of the file, so browsers can keep them for a year."""

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import current_app, request, url_for


@lru_cache(maxsize=64)
def _file_hash(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """The URL of a file in static/, with its content hash as ?v=."""
    path = Path(current_app.static_folder) / filename
    return url_for("static", filename=filename, v=_file_hash(str(path), path.stat().st_mtime))


def cache_static_files(response):
    """Hashed static URLs never change, so let browsers keep them."""
    if request.endpoint == "static" and request.args.get("v"):
        response.cache_control.no_cache = None
        response.cache_control.max_age = current_app.config["STATIC_MAX_AGE"]
        response.cache_control.public = True
        response.cache_control.immutable = True
    return response
