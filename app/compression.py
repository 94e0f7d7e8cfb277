"""Responses sent compressed (brotli or gzip) when the browser accepts it, from the app itself.

Pages and JSON are compressed as they are made (Flask-Compress). Stylesheets, scripts and symbols are
compressed once per process at the highest level and kept in memory, so a file costs no work after its
first request. See docs/decisions/0012-compression-and-repeat-views.md.
"""

import gzip
from functools import lru_cache
from pathlib import Path

import brotli
from flask import Flask, current_app, g, request
from flask_compress import Compress

compress = Compress()

# Files that are text underneath; fonts (woff2), pictures and audio (mp3) are compressed already.
FILE_TYPES = {"text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"}
FILE_ENDPOINTS = {"static": "static_folder", "easyread.symbol_file": "SYMBOLS_DIR"}
MIN_SIZE = 500  # bytes; below this the headers cost more than compression saves
ENCODINGS = ("br", "gzip")  # in the order chosen when a browser accepts both equally


@lru_cache(maxsize=512)
def _compressed_file(path: str, mtime_ns: int, size: int, encoding: str) -> bytes:
    """The file compressed at the best level; the key changes when the file does."""
    data = Path(path).read_bytes()
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _file_path(filename: str) -> Path | None:
    folder = FILE_ENDPOINTS[request.endpoint]
    root = Path(current_app.static_folder if folder == "static_folder" else current_app.config[folder]).resolve()
    path = (root / filename).resolve()
    return path if path.is_file() and path.is_relative_to(root) else None


def _reflects_other_sites_words() -> bool:
    """True when a page carries a form token and words from the address: a cross-site page could then
    measure compressed sizes to guess the token (BREACH). The language is never shown back as typed."""
    return "csrf_token" in g and any(name != "lang" for name in request.args)


def compress_file(response):
    """Send a static file or symbol compressed, from memory, with its own ETag for each encoding."""
    filename = (request.view_args or {}).get("filename")
    if (
        request.endpoint not in FILE_ENDPOINTS
        or response.status_code != 200
        or response.mimetype not in FILE_TYPES
        or "Content-Encoding" in response.headers
        or not filename
    ):
        return response
    response.vary.add("Accept-Encoding")
    encoding = compress_choice()
    path = _file_path(filename)
    if encoding is None or path is None:
        return response
    stat = path.stat()
    if stat.st_size < MIN_SIZE:
        return response
    etag, _weak = response.get_etag()
    response.direct_passthrough = False
    response.set_data(_compressed_file(str(path), stat.st_mtime_ns, stat.st_size, encoding))
    response.headers["Content-Encoding"] = encoding
    response.headers.pop("Accept-Ranges", None)  # ranges of the compressed bytes are not offered
    if etag:
        response.set_etag(f"{etag}-{encoding}")
    return response.make_conditional(request)


def compress_choice() -> str | None:
    """br or gzip, whichever the browser accepts and prefers, or None."""
    return request.accept_encodings.best_match(ENCODINGS)


def compress_response(response):
    """Pages and JSON, compressed as they leave, unless the page could leak its form token that way."""
    if request.endpoint in FILE_ENDPOINTS:
        return response
    if _reflects_other_sites_words():
        response.vary.add("Accept-Encoding")
        return response
    return compress.after_request(response)


def setup_compression(app: Flask) -> None:
    app.config.update(
        COMPRESS_REGISTER=False,  # compress_response decides which responses it sees
        COMPRESS_ALGORITHM=list(ENCODINGS),
        COMPRESS_MIMETYPES=sorted(FILE_TYPES | {"text/html"}),
        COMPRESS_MIN_SIZE=MIN_SIZE,
        COMPRESS_LEVEL=6,  # gzip: most of level 9's saving for a fraction of the work
        COMPRESS_BR_LEVEL=5,  # brotli made per request: smaller than gzip 9 and about as quick as gzip 6
        COMPRESS_STREAMS=False,  # streamed responses (audio, downloads) go as they are
    )
    compress.init_app(app)
    # Flask runs after_request functions last-registered first: files before pages.
    app.after_request(compress_response)
    app.after_request(compress_file)
