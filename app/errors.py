"""Easy-read error pages. Nobody ever sees a traceback."""

import logging
import traceback

from flask import Flask, current_app, g, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

# code -> (symbol, heading, sentences): each sentence is one idea, with its own symbol.
ERROR_PAGES = {
    400: (
        "warning",
        _l("Something went wrong with that page"),
        [("question", _l("We could not understand what your browser sent.")), ("back", _l("Go back and try again."))],
    ),
    403: (
        "lock",
        _l("You cannot see this page"),
        [("lock", _l("This page is only for some people.")), ("staff", _l("Staff may need to sign in first."))],
    ),
    404: (
        "search",
        _l("We cannot find this page"),
        [("link", _l("The link may be wrong or too old.")), ("home", _l("You can start again from the home page."))],
    ),
    405: ("warning", _l("You cannot do that on this page"), [("back", _l("Go back and try again."))]),
    413: ("warning", _l("What you sent is too big"), [("pencil", _l("Write less, then send it again."))]),
    429: (
        "clock",
        _l("You have tried too many times"),
        [
            ("lock", _l("We stop lots of tries. This keeps your information safe.")),
            ("clock", _l("Wait a few minutes, then try again.")),
        ],
    ),
    500: (
        "warning",
        _l("Something went wrong on our side"),
        [
            ("happy", _l("It is not your fault.")),
            ("save", _l("Anything you saved before is still safe.")),
            ("clock", _l("Wait a few minutes, then try again.")),
        ],
    ),
    503: ("warning", _l("This is not working right now"), [("clock", _l("Wait a few minutes, then try again."))]),
}

CSRF_PAGE = (
    "warning",
    _l("We could not take your answers"),
    [
        ("lock", _l("Your browser did not send the form in the safe way we need.")),
        ("back", _l("Go back to the page and send it again.")),
        ("save", _l("Anything you saved before is still safe.")),
    ],
)

# A write the database refused for now (locked, read-only, out of space): the person's words are not lost.
SAVE_FAILED_PAGE = (
    "warning",
    _l("We could not save that"),
    [
        ("happy", _l("It is not your fault.")),
        ("back", _l("Go back to the page. What you wrote is still there.")),
        ("clock", _l("Wait a few minutes, then send it again.")),
    ],
)

AUDIO_NOT_READY_PAGE = (
    "listen",
    _l("This audio is not ready yet"),
    [("listen", _l("We are still making it.")), ("clock", _l("Try again in a minute."))],
)

# SQLite says these in words; PostgreSQL gives a code (read-only transaction, lock not available,
# statement or lock timeout, disk full, too many connections, cannot connect now).
_SQLITE_FAULTS = ("database is locked", "readonly database", "database table is locked", "disk is full")
_POSTGRES_FAULTS = {"25006", "55P03", "57014", "53100", "53300", "57P03"}


def is_database_fault(error: BaseException) -> bool:
    """Is this the database refusing work for now (locked, read-only, full), not a mistake in the code?"""
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    if getattr(original, "sqlstate", None) in _POSTGRES_FAULTS:
        return True
    message = str(original).lower()
    return any(words in message for words in _SQLITE_FAULTS)


def render_error(code: int, page=None):
    g.pop("page_reader", None)  # a page that failed half-way must not lend its text to the error page
    symbol, heading, sentences = page or ERROR_PAGES.get(code, ERROR_PAGES[500])
    html = render_template(
        "errors/error.html", code=code, error_symbol=symbol, error_heading=heading, sentences=sentences
    )
    return html, code


def json_errors_for(app: Flask, prefix: str, handler) -> None:
    """A part of the site that answers in JSON (the API) gives its own error for any path under prefix,
    even one that failed before a view was chosen (a control character in the address, say)."""
    app.extensions.setdefault("json_errors", {})[prefix] = handler


def handle_http_error(error: HTTPException):
    for prefix, handler in current_app.extensions.get("json_errors", {}).items():
        if request.path == prefix.rstrip("/") or request.path.startswith(prefix):
            return handler(error)
    return render_error(error.code or 500)


def handle_csrf_error(_error: CSRFError):
    return render_error(400, CSRF_PAGE)


def handle_unexpected_error(error: Exception):
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    # The message can hold what a person typed, so only the type and the code path are logged.
    where = "".join(traceback.format_tb(error.__traceback__)[-3:])
    log.error("Unhandled %s\n%s", type(error).__name__, where)
    return render_error(500)


def handle_database_error(error: DBAPIError):
    if not is_database_fault(error):
        return handle_unexpected_error(error)
    session = g.get("db_session")
    if session is not None:
        session.rollback()
    log.warning("The database refused a write: %s", type(error.orig).__name__)
    html, code = render_error(503, SAVE_FAILED_PAGE)
    return html, code, {"Retry-After": "60"}


def setup_errors(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_http_error)
    app.register_error_handler(DBAPIError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected_error)
