"""The session cookie is written only when the session changes. A page answered late, to a request that left
before another one changed the session, must not put the old cookie back: opening checklists with a code while
the offline worker fetches the word list once lost the checklists that way."""

from demo.checklists import DEMO_CODE
from tests.site import sign_in_as

PUBLIC_PAGES = ("/", "/glossary", "/offline", "/my-work/", "/my-work/plan", "/services", "/reading-settings")


def _session_cookie(client) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_reading_pages_leaves_the_session_cookie_alone(client):
    client.get("/my-work/resume")  # its form puts a form token in the session
    _session_cookie(client)
    for path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.getlist("Set-Cookie") == [], path


def test_a_page_answered_late_to_the_old_cookie_does_not_undo_opening_the_checklists(client):
    client.get("/my-work/resume")
    before = _session_cookie(client)
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    after = _session_cookie(client)
    assert after != before

    client.set_cookie("session", before)  # the word list, asked for just before the code was sent
    late = client.get("/glossary")
    assert late.headers.getlist("Set-Cookie") == []
    client.set_cookie("session", after)  # the browser keeps the newer cookie: nothing replaced it
    assert "There are no answers yet." not in client.get("/my-work/plan").get_data(as_text=True)


def test_staff_sessions_are_still_checked_strictly(client):
    sign_in_as(client, "council-admin")
    assert client.get("/staff/").status_code == 200
    client.environ_base["HTTP_USER_AGENT"] = "another browser"  # the signed cookie copied to another browser
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "/staff/sign-in" in response.headers["Location"]
