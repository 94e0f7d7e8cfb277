"""Failure counts and waits on the database in use (SQLite, and PostgreSQL when TEST_DATABASE_URL is set):
staff wrong passwords wait per account from one address, and resume codes per browser."""

from demo.checklists import DEMO_CODE
from demo.staff import DEMO_ACCOUNTS
from tests.site import make_app

ADMIN = DEMO_ACCOUNTS["council-admin"]


def _client(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_wrong_passwords_wait_for_one_address_only(database_url, tmp_path):
    app = make_app(tmp_path, DATABASE_URL=database_url, SIGN_IN_FREE_FAILURES_PER_ACCOUNT=2)
    try:
        guesser = _client(app, "127.0.0.50")
        for _ in range(2):
            guesser.post("/staff/sign-in", data={"email": ADMIN["email"], "password": "a-wrong-guess-here"})
        data = {"email": ADMIN["email"], "password": ADMIN["password"]}
        assert guesser.post("/staff/sign-in", data=data).status_code == 429
        assert _client(app, "127.0.0.51").post("/staff/sign-in", data=data).status_code == 302
    finally:
        app.extensions["database"]["engine"].dispose()


def test_wrong_codes_wait_for_one_browser_only(database_url, tmp_path):
    app = make_app(tmp_path, DATABASE_URL=database_url, RESUME_FREE_FAILURES_PER_BROWSER=2)
    try:
        browser = _client(app, "127.0.0.60")
        for number in range(2):
            assert browser.post("/my-work/resume", data={"code": f"acid acorn acre {number:04d}"}).status_code == 200
        assert browser.post("/my-work/resume", data={"code": DEMO_CODE}).status_code == 429
        assert _client(app, "127.0.0.60").post("/my-work/resume", data={"code": DEMO_CODE}).status_code == 302
    finally:
        app.extensions["database"]["engine"].dispose()
