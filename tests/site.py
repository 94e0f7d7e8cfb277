"""The site as the tests build and use it: a migrated app with demo data, a client that checks every page
it fetches, and signing in or opening the demo plan as a person would."""

import re
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import html5lib
from flask.testing import FlaskClient

from app import clock, create_app
from app.migrate import upgrade
from demo import cli as demo_cli
from demo.cli import load_demo_data

# Everything production needs, as a council would set it.
PRODUCTION_SETTINGS = {
    "APP_ENV": "production",
    "SECRET_KEY": secrets.token_hex(32),  # made when the tests run: no usable key is written down
    "DATABASE_URL": "sqlite://",
    "COUNCIL_ORGANIZATION_ID": "0f6b5f0e-8d53-4c1e-9b0a-2d3c4e5f6a7b",
    "COUNCIL_TEAM_NAME": "Supported employment team",
    "COUNCIL_TEAM_EMAIL": "supported.employment@council.example",
    "CONTACT_EMAIL": "help@council.example",
    "PUBLIC_URL": "https://mywaytowork.council.example",
    "MAIL_BACKEND": "smtp",
    "MAIL_FROM": "My Way to Work <no-reply@council.example>",
    "SMTP_HOST": "smtp.council.example",
}


def make_app(tmp_path: Path, **overrides):
    """A test app on a fresh, migrated database with the demo data, and its own audio folder.

    An in-memory database is migrated and filled once per test process for each set of settings and clock, and
    every later app gets its own copy of it (SQLite's backup), which is what a fresh build would have written.
    """
    settings = {"APP_ENV": "test", "AUDIO_DIR": str(tmp_path / "audio"), **overrides}
    app = create_app(settings)
    key = _built_database_key(app, overrides)
    built = _BUILT.get(key) if key is not None else None
    if built is not None:
        with _raw_connection(app) as connection:
            built.backup(connection)
        return app
    upgrade(app)
    load_demo_data(app)
    if key is not None:
        _BUILT[key] = sqlite3.connect(":memory:", check_same_thread=False)
        with _raw_connection(app) as connection:
            connection.backup(_BUILT[key])
    return app


_BUILT: dict[tuple, sqlite3.Connection] = {}  # migrated in-memory databases with the demo data, by settings
_REAL_CLOCK = (clock.now, clock.today)


def _built_database_key(app, overrides: dict) -> tuple | None:
    """What the database depends on: the settings, the clock and the demo loaders (a test may take them away).
    None when the database is not in memory."""
    if app.config["DATABASE_URL"] not in ("sqlite://", "sqlite:///:memory:"):
        return None
    held = (clock.now(), clock.today()) if (clock.now, clock.today) != _REAL_CLOCK else (clock.today(),)
    settings = repr(sorted((k, v) for k, v in overrides.items() if k != "AUDIO_DIR"))
    return (settings, held, tuple(demo_cli.LOADERS))


@contextmanager
def _raw_connection(app) -> Iterator[sqlite3.Connection]:
    """The app's one in-memory SQLite connection (its pool is static), as the sqlite3 module has it."""
    with app.extensions["database"]["engine"].connect() as connection:
        yield connection.connection.driver_connection


class PageCheckingClient(FlaskClient):
    """Checks every HTML page it fetches: it parses, one h1, the title starts with it, unique ids, lang set."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data(as_text=True))
        return response


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def check_page(html: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert document.get("lang") in ("en", "cy"), "the page has no lang"
    headings = document.findall(".//h1")
    assert len(headings) == 1, f"expected exactly one h1, found {len(headings)}"
    h1 = _text(headings[0])
    title = _text(document.find(".//title"))
    title = re.sub(r"^(Error|Gwall): ", "", title)
    assert h1 and title.startswith(h1), f"title {title!r} does not start with the h1 {h1!r}"
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {sorted(duplicates)}"


def open_demo_plan(client) -> None:
    """Open the demo plan in this client, as a person would with its code."""
    from demo.checklists import DEMO_CODE

    response = client.post("/my-work/resume", data={"code": DEMO_CODE})
    assert response.status_code == 302, "the demo plan did not open"


def all_pages(app, client):
    """Every public page's path, fetched with the demo plan open where the page shows a person's answers."""
    from demo.pages import page_paths

    for path in page_paths(app, with_answers=False):
        yield path
    open_demo_plan(client)
    for path in page_paths(app, with_answers=True):
        yield path


def sign_in_as(client, role: str = "council-admin", email: str | None = None) -> None:
    """Sign this client in as the demo account for a role (or another account by email), as its cookie would."""
    from sqlalchemy import select

    from app.staff.models import StaffUser
    from demo.staff import DEMO_ACCOUNTS

    email = email or DEMO_ACCOUNTS[role]["email"]
    with client.application.app_context():
        factory = client.application.extensions["database"]["factory"]
        with factory() as session:
            user = session.scalar(select(StaffUser).where(StaffUser.email == email))
            assert user is not None, f"no staff account {email}"
            user_id = user.get_id()
    from app import clock
    from app.staff import login_manager

    with client.application.test_request_context(environ_base=client.environ_base):
        identifier = login_manager._session_identifier_generator()  # what "strong" session protection checks
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
        session["_id"] = identifier
        # The session's clock starts now, as signing in starts it (app.staff.accounts.timeout).
        session["staff_signed_in_at"] = session["staff_seen_at"] = clock.now().timestamp()


def cookie_session(client) -> dict:
    """What this browser's session cookie holds, decoded as anyone who has the cookie could."""
    from flask.sessions import SecureCookieSessionInterface

    cookie = client.get_cookie("session")
    if cookie is None:
        return {}
    return SecureCookieSessionInterface().get_signing_serializer(client.application).loads(cookie.value)


def draft_row(client, journey: str):
    """The draft row this browser's cookie points at on one journey (expired or sent ones too), or None."""
    from sqlalchemy import select

    from app.checklists.codes import code_hash
    from app.journeys.models import JourneyDraft

    token = cookie_session(client).get("drafts", {}).get(journey)
    if token is None:
        return None
    app = client.application
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        hashed = code_hash(token, app.config["SECRET_KEY"])
        return session.scalar(select(JourneyDraft).where(JourneyDraft.token_hash == hashed))
