"""Whole public pages kept in memory, so a repeat request costs a dictionary look-up instead of a render.

A page is kept only when it is one of the public pages in `app/caching.py` (an allow-list), was a 200
with no form token, no form that posts, no cookie set, no session change and no words a person typed; and
a request that carries a session is never answered from here. A page is found again by its address,
language, language cookie and reading settings, and served before Flask with the headers it had (its weak ETag, `Vary`, security headers), compressed once per encoding.
Everything is forgotten when the directory changes. See docs/decisions/0028-whole-page-cache.md.
"""

import gzip
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import brotli
from flask import Flask, current_app, g, request, session
from sqlalchemy import event, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header, parse_cookie, parse_etags, remove_entity_headers

from app import caching
from app.database import Database
from app.easyread import reading
from app.pathways import models as directory

KEY = "mywaytowork.page_cache_key"  # where the look-up leaves its key for the render to store under
VERSION = "mywaytowork.page_cache_version"
ENCODINGS = ("br", "gzip")
POSTING_FORM = re.compile(rb"<form\b[^>]*\bmethod\s*=\s*[\"']?post", re.IGNORECASE)


def _directory_tables() -> frozenset[str]:
    """Every table the directory's models write to."""
    return frozenset(
        cls.__table__.name
        for cls in vars(directory).values()
        if isinstance(cls, type) and issubclass(cls, directory.Base) and hasattr(cls, "__table__")
    )


DIRECTORY_TABLES = _directory_tables()
_generation = 0  # moved on by every commit in this process that changes the directory
_generation_lock = threading.Lock()


@dataclass
class Entry:
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    expires: float  # time.monotonic()
    encoded: dict[str, bytes] = field(default_factory=dict)


class PageCache:
    """A bounded LRU of whole pages for one app, emptied when the data its pages show changes."""

    def __init__(self, app: Flask, entries: int, seconds: float, check_seconds: float, audio_wait: float):
        self.app = app
        self.size = entries
        self.seconds = seconds
        self.check_seconds = check_seconds
        self.audio_wait = audio_wait
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.lock = threading.Lock()
        self.version = None
        self._checked_at = float("-inf")
        self._fingerprint = None
        self.br_level = app.config["COMPRESS_BR_LEVEL"]
        self.gzip_level = app.config["COMPRESS_LEVEL"]

    def current_version(self):
        """This process's directory changes and the database's directory fingerprint, looked at once a second."""
        now = time.monotonic()
        if now - self._checked_at >= self.check_seconds:
            self._fingerprint = directory_fingerprint(self.app)
            self._checked_at = now
        return (_generation, self._fingerprint)

    def get(self, key: tuple, version) -> Entry | None:
        with self.lock:
            if version != self.version:
                self.entries.clear()
                self.version = version
                return None
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.expires <= time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: tuple, version, entry: Entry) -> None:
        with self.lock:
            if version != self.version:
                return  # rendered from data that has changed since
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def encoded(self, entry: Entry, encoding: str) -> bytes:
        body = entry.encoded.get(encoding)
        if body is None:
            if encoding == "br":
                body = brotli.compress(entry.body, quality=self.br_level)
            else:
                body = gzip.compress(entry.body, compresslevel=self.gzip_level, mtime=0)
            entry.encoded[encoding] = body
        return body


def directory_fingerprint(app: Flask):
    """Counts and the newest change of the directory's records: moves when another process imports or edits."""
    service, organization = directory.Service, directory.Organization
    query = select(
        select(func.count()).select_from(service).scalar_subquery(),
        select(func.max(service.last_modified)).scalar_subquery(),
        select(func.count()).select_from(organization).scalar_subquery(),
        select(func.count()).select_from(directory.Location).scalar_subquery(),
        select(func.count()).select_from(directory.TaxonomyTerm).scalar_subquery(),
    )
    try:
        with Database.engine(app).connect() as connection:
            return tuple(str(value) for value in connection.execute(query).one())
    except SQLAlchemyError:
        return None  # no fingerprint: nothing is served from the cache until the database answers


def page_key(environ: dict, languages: tuple, default_lang: str) -> tuple:
    """What a public page's words depend on: its address and query, the language it is in, the language
    cookie (a ?lang= different from it sets a new one), and the reading settings."""
    cookies = parse_cookie(environ)
    cookie_lang = cookies.get("lang")
    cookie_lang = cookie_lang if cookie_lang in languages else ""
    query = environ.get("QUERY_STRING", "")
    args_lang = None
    if "lang=" in query:
        args_lang = (parse_qs(query).get("lang") or [None])[0]
    # The same choice as app.i18n.select_locale; a page rendered in another language is not kept under this key.
    lang = next((c for c in (args_lang, cookie_lang) if c in languages), None)
    if lang is None:
        accept = parse_accept_header(environ.get("HTTP_ACCEPT_LANGUAGE"), LanguageAccept)
        lang = accept.best_match(languages) or default_lang
    settings = reading.serialise(reading.parse(cookies.get(reading.COOKIE)))
    host = (environ.get("wsgi.url_scheme", "http"), environ.get("HTTP_HOST", ""), environ.get("SCRIPT_NAME", ""))
    return (*host, environ.get("PATH_INFO", ""), query, lang, cookie_lang, settings)


# Addresses that are never a kept page: answered without looking at the cache or the directory's fingerprint.
NEVER_PAGES = ("/static/", "/symbols/", "/audio/", "/api", "/staff", "/sw.js", "/manifest.webmanifest")


class PageCacheMiddleware:
    """Answers a GET for a kept page before Flask; otherwise leaves a key for `keep_page`."""

    def __init__(self, app: Flask, wsgi_app, cache: PageCache):
        self.app = app
        self.wsgi_app = wsgi_app
        self.cache = cache
        self.languages = tuple(app.config["LANGUAGES"])
        self.default_lang = app.config["BABEL_DEFAULT_LOCALE"]
        self.session_cookie = app.config["SESSION_COOKIE_NAME"] + "="

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "GET" or self.session_cookie in environ.get("HTTP_COOKIE", ""):
            # Someone with a session (a checklist open, staff signed in) is never answered from the cache.
            return self.wsgi_app(environ, start_response)
        if environ.get("PATH_INFO", "").startswith(NEVER_PAGES):
            return self.wsgi_app(environ, start_response)  # files, audio, the API and staff: no look at the database
        version = self.cache.current_version()
        if version[1] is None:
            return self.wsgi_app(environ, start_response)
        key = page_key(environ, self.languages, self.default_lang)
        entry = self.cache.get(key, version)
        if entry is None:
            environ[KEY], environ[VERSION] = key, version
            return self.wsgi_app(environ, start_response)
        return self.serve(entry, environ, start_response)

    def serve(self, entry: Entry, environ, start_response):
        headers = list(entry.headers)
        if parse_etags(environ.get("HTTP_IF_NONE_MATCH")).contains_weak(entry.etag):
            remove_entity_headers(headers)
            start_response("304 NOT MODIFIED", headers)
            return []
        encoding = parse_accept_header(environ.get("HTTP_ACCEPT_ENCODING")).best_match(ENCODINGS)
        body = entry.body if encoding is None else self.cache.encoded(entry, encoding)
        if encoding is not None:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [body]


def storable(response) -> bool:
    """A public page that reads the same for everyone with the same key: nothing personal, no form that posts."""
    page = g.get("page_reader")
    return (
        request.environ.get(KEY) is not None
        and request.endpoint in caching.PUBLIC_PAGES
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not response.direct_passthrough
        and not response.is_streamed
        and response.get_etag()[0] is not None  # app.caching found it shareable
        and "csrf_token" not in g
        and "Set-Cookie" not in response.headers
        and "Content-Encoding" not in response.headers
        and not response.cache_control.private
        and not response.cache_control.no_store
        and not session.modified
        and _same_language()
        and (page is None or not any(c.typed for c in page.clips))
        and not POSTING_FORM.search(response.get_data())
    )


def _same_language() -> bool:
    from app.i18n import current_lang

    return request.environ[KEY][-3] == current_lang()


def _audio_waiting() -> bool:
    """The page says its audio is not available yet: keep it only a short time, until the clips are built."""
    from app.easyread.audio import clips_ready

    page = g.get("page_reader")
    if page is None:
        return False
    return not clips_ready(page.stored_clips())


def keep_page(response):
    """Store a page the look-up missed, as it is before compression, once every other hook has finished with it."""
    cache: PageCache | None = current_app.extensions.get("page_cache")
    if cache is None or not storable(response):
        return response
    response.vary.add("Accept-Encoding")
    headers = [(name, value) for name, value in response.headers.items() if name != "Content-Length"]
    seconds = cache.audio_wait if _audio_waiting() else cache.seconds
    etag = response.get_etag()[0]
    entry = Entry(headers, response.get_data(), etag, time.monotonic() + seconds)
    cache.put(request.environ[KEY], request.environ[VERSION], entry)
    return response


def _note_directory_change(session: Session, *_args) -> None:
    if any(type(obj).__table__.name in DIRECTORY_TABLES for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info["directory_changed"] = True


def _note_directory_statement(state) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and state.bind_mapper is not None:
        if state.bind_mapper.local_table.name in DIRECTORY_TABLES:
            state.session.info["directory_changed"] = True


def _after_commit(session: Session) -> None:
    global _generation
    if session.info.pop("directory_changed", False):
        with _generation_lock:
            _generation += 1


def _after_rollback(session: Session) -> None:
    session.info.pop("directory_changed", None)


def watch_directory_changes() -> None:
    """Every session in this process moves the generation on when it commits a change to the directory."""
    if not event.contains(Session, "before_flush", _note_directory_change):
        event.listen(Session, "before_flush", _note_directory_change)
        event.listen(Session, "do_orm_execute", _note_directory_statement)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_rollback", _after_rollback)


def setup_page_cache(app: Flask) -> None:
    """Registered between compression and the ETags, so `keep_page` sees the finished page before compression."""
    config = app.config
    if config["PAGE_CACHE_ENTRIES"] <= 0:
        return
    watch_directory_changes()
    cache = PageCache(
        app,
        config["PAGE_CACHE_ENTRIES"],
        config["PAGE_CACHE_SECONDS"],
        config["PAGE_CACHE_CHECK_SECONDS"],
        config["PAGE_CACHE_AUDIO_WAIT_SECONDS"],
    )
    app.extensions["page_cache"] = cache
    app.after_request(keep_page)
    app.wsgi_app = PageCacheMiddleware(app, app.wsgi_app, cache)
