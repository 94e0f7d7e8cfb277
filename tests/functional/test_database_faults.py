"""A locked or read-only database: the easy-read "we could not save that" page, what was typed kept, and a
health check that says the database cannot be written."""

import re
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from tests.functional.test_referral_journey import BASE, walk_to_check
from tests.site import PageCheckingClient, make_app

DREAM_JOB = "/my-work/my-work-dreams/dream-job"
TYPED = "Keeper at the zoo, feeding the penguins"
MESSAGE = {"en": "We could not save that", "cy": "Doedden ni ddim yn gallu cadw hynny"}
PAGE_AUDIO = re.compile(r'<audio class="listen-audio" controls preload="none" src="([^"]+)"')


@pytest.fixture
def file_app(tmp_path):
    """The site on a database file, so that another connection can lock it; writes wait 50 ms for a lock."""
    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/site.db", DB_BUSY_TIMEOUT_MS=50)
    app.test_client_class = PageCheckingClient
    yield app
    app.extensions["database"]["engine"].dispose()


@pytest.fixture
def locked(file_app, tmp_path):
    """Another connection holds the write lock, as a long write or a backup would."""
    other = sqlite3.connect(tmp_path / "site.db", timeout=0)
    other.execute("BEGIN IMMEDIATE")
    yield
    other.rollback()
    other.close()


@pytest.fixture
def read_only_app(file_app, tmp_path):
    """The same database file, opened read-only."""
    file_app.extensions["database"]["engine"].dispose()
    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///file:{tmp_path}/site.db?mode=ro&uri=true")
    app.test_client_class = PageCheckingClient
    yield app
    app.extensions["database"]["engine"].dispose()


def assert_could_not_save(response, lang: str) -> str:
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert MESSAGE[lang] in page
    assert 'class="symbol"' in page and PAGE_AUDIO.search(page), "symbols and Listen"
    return page


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_checklist_answer_on_a_locked_database_is_shown_again_with_the_message(file_app, locked, lang):
    client = file_app.test_client()
    response = client.post(DREAM_JOB, data={"answer": TYPED, "action": "continue"}, query_string={"lang": lang})
    page = assert_could_not_save(response, lang)
    assert TYPED in page, "what was typed is in the form again"
    assert re.search(r"<title>(Error|Gwall):", page)


def test_the_answer_saves_once_the_lock_is_gone(file_app, tmp_path):
    client = file_app.test_client()
    other = sqlite3.connect(tmp_path / "site.db", timeout=0)
    other.execute("BEGIN IMMEDIATE")
    assert client.post(DREAM_JOB, data={"answer": TYPED, "action": "continue"}).status_code == 503
    other.rollback()
    other.close()
    assert client.post(DREAM_JOB, data={"answer": TYPED, "action": "continue"}).status_code == 302
    assert TYPED in client.get(DREAM_JOB).get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_checklist_answer_on_a_read_only_database_is_shown_again_with_the_message(read_only_app, lang):
    client = read_only_app.test_client()
    response = client.post(DREAM_JOB, data={"answer": TYPED, "action": "continue"}, query_string={"lang": lang})
    assert TYPED in assert_could_not_save(response, lang)


def test_sending_a_request_on_a_locked_database_shows_the_answers_again_to_send_later(file_app, tmp_path):
    client = file_app.test_client()
    walk_to_check(client)
    other = sqlite3.connect(tmp_path / "site.db", timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        page = assert_could_not_save(client.post(f"{BASE}/send"), "en")
    finally:
        other.rollback()
        other.close()
    assert "I like gardens." in page and "Send my request" in page
    response = client.post(f"{BASE}/send")
    assert response.headers["Location"].endswith(f"{BASE}/sent")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_any_other_write_the_database_refuses_gets_the_easy_read_page(file_app, lang):
    @file_app.get("/test-refused-write")
    def refused():
        raise OperationalError("UPDATE x", {}, sqlite3.OperationalError("database is locked"))

    response = file_app.test_client().get(f"/test-refused-write?lang={lang}")
    assert_could_not_save(response, lang)
    assert response.headers["Retry-After"] == "60"


def test_other_database_errors_are_still_the_500_page(file_app):
    @file_app.get("/test-broken-query")
    def broken():
        raise OperationalError("SELECT x", {}, sqlite3.OperationalError("no such column: x"))

    assert file_app.test_client().get("/test-broken-query").status_code == 500


def test_healthz_says_when_the_database_is_locked(file_app, locked):
    response = file_app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "locked"}


def test_healthz_says_when_the_database_is_read_only(read_only_app):
    response = read_only_app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "read-only"}


def test_healthz_writes_nothing_when_all_is_well(file_app, tmp_path):
    assert file_app.test_client().get("/healthz").get_json() == {"status": "ok", "database": "ok"}
    with sqlite3.connect(tmp_path / "site.db") as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
