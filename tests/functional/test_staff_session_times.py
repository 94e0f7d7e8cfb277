"""Staff sessions end after STAFF_IDLE_MINUTES without a page and STAFF_MAX_HOURS after signing in, with an
easy message, and signing in again goes back to the page the person was on."""

from demo.staff import DEMO_ACCOUNTS

ADMIN = DEMO_ACCOUNTS["council-admin"]


def _sign_in(client, next_url: str | None = None):
    path = "/staff/sign-in" + (f"?next={next_url}" if next_url else "")
    response = client.post(path, data={"email": ADMIN["email"], "password": ADMIN["password"]})
    assert response.status_code == 302
    return response


def test_the_settings_are_30_minutes_idle_and_12_hours_in_all(app):
    assert app.config["STAFF_IDLE_MINUTES"] == 30 and app.config["STAFF_MAX_HOURS"] == 12


def test_a_session_left_idle_ends_and_signing_in_again_returns_to_the_page(app, client, moment):
    _sign_in(client)
    assert client.get("/staff/referrals?status=new").status_code == 200
    moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"])
    ended = client.get("/staff/referrals?status=new")
    assert ended.status_code == 302
    assert ended.headers["Location"] == "/staff/sign-in?done=timed-out&next=/staff/referrals?status%3Dnew"
    page = client.get(ended.headers["Location"]).get_data(as_text=True)
    assert "You were signed out, to keep people&#39;s information safe. Sign in again to carry on." in page
    assert "after 30 minutes without using the staff pages, or 12 hours after you signed in" in page
    back = _sign_in(client, "/staff/referrals?status%3Dnew")
    assert back.headers["Location"] == "/staff/referrals?status=new"
    assert client.get("/staff/referrals?status=new").status_code == 200


def test_using_the_staff_pages_keeps_the_session_going(app, client, moment):
    _sign_in(client)
    for _ in range(6):
        moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"] - 1)
        assert client.get("/staff/").status_code == 200


def test_a_busy_session_still_ends_after_the_most_hours(app, client, moment):
    _sign_in(client)
    busy_minutes = 0
    while busy_minutes < app.config["STAFF_MAX_HOURS"] * 60 - 20:
        moment.pass_(minutes=20)
        busy_minutes += 20
        assert client.get("/staff/").status_code == 200
    moment.pass_(minutes=20)
    assert client.get("/staff/").headers["Location"].startswith("/staff/sign-in?done=timed-out")


def test_a_form_sent_after_the_session_ended_returns_to_the_page_it_was_on(app, client, moment):
    _sign_in(client)
    moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"] + 1)
    sent = client.post("/staff/sign-out", headers={"Referer": "http://localhost/staff/messages"})
    assert sent.headers["Location"] == "/staff/sign-in?done=timed-out&next=/staff/messages"


def test_a_form_sent_from_another_site_after_the_session_ended_returns_nowhere_else(app, client, moment):
    _sign_in(client)
    moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"] + 1)
    sent = client.post("/staff/sign-out", headers={"Referer": "https://evil.example/staff/messages"})
    assert sent.headers["Location"] == "/staff/sign-in?done=timed-out"


def test_an_ended_session_keeps_nothing_of_the_staff_member_on_public_pages(app, client, moment):
    _sign_in(client)
    with client.session_transaction() as session:
        session["something_a_pupil_opened"] = 1
    moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"])
    assert client.get("/").status_code == 200
    with client.session_transaction() as session:
        assert "_user_id" not in session and "something_a_pupil_opened" not in session


def test_a_session_without_its_times_has_ended(app, client, moment):
    _sign_in(client)
    with client.session_transaction() as session:
        del session["staff_signed_in_at"]
    assert client.get("/staff/").headers["Location"].startswith("/staff/sign-in?done=timed-out")


def test_pictures_and_files_do_not_keep_a_session_going_or_get_a_cookie(app, client, moment):
    _sign_in(client)
    moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"] - 1)
    machine_check = client.get("/healthz")
    assert machine_check.status_code == 200 and "Set-Cookie" not in machine_check.headers
    moment.pass_(minutes=2)
    assert client.get("/staff/").headers["Location"].startswith("/staff/sign-in?done=timed-out")


def test_a_public_page_keeps_a_staff_session_going_in_school_mode(app, client, moment):
    _sign_in(client)
    for _ in range(3):
        moment.pass_(minutes=app.config["STAFF_IDLE_MINUTES"] - 1)
        assert client.get("/my-work/").status_code == 200
    assert client.get("/staff/").status_code == 200
