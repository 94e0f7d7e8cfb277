"""Send checks every answer in the draft again, as each question's own form would: a draft changed outside
the site's pages (in its database row) or left from an older page saves nothing, and the person is sent to
the first question whose answer is wrong, with its easy-read error."""

import re

import pytest
from sqlalchemy import func, select

from app import clock, messages
from app.journeys.models import JourneyDraft
from app.referrals.models import Referral
from tests.site import PageCheckingClient, draft_row

SERVICE = "5ec69b07-4433-591e-a591-34f8423d4d5d"


def good_answers() -> dict:
    return {
        "asker": "self",
        "person_name": "Sam Tester",
        "age": 19,
        "date_of_birth": None,
        "area": "Harbourside",
        "contact_methods": ["phone"],
        "phone": "07700 900123",
        "contact_times": ["morning"],
        "needs": ["easy-read"],
        "contact_language": "en",
        "consent_at": clock.now().isoformat(timespec="seconds"),
        "message": "",
    }


@pytest.fixture
def client(site):
    site.test_client_class = PageCheckingClient
    return site.test_client()


def referrals(site) -> int:
    with site.app_context():
        with site.extensions["database"]["factory"]() as session:
            return session.scalar(select(func.count(Referral.id)))


def send_draft(client, answers: dict):
    """A draft started on the site, its answers then changed in its row, and Send pressed."""
    client.get("/ask-for-help/start", query_string={"service": SERVICE})
    client.post("/ask-for-help/who", data={"answer": "self"})  # the draft is written with the first answer
    row_id = draft_row(client, "ask-for-help").id
    site = client.application
    with site.app_context(), site.extensions["database"]["factory"]() as session:
        session.get(JourneyDraft, row_id).data = {"service_id": SERVICE, "answers": answers}
        session.commit()
    return client.post("/ask-for-help/send")


def test_a_good_draft_is_sent(site, client):
    before = referrals(site)
    response = send_draft(client, good_answers())
    assert response.headers["Location"].endswith("/ask-for-help/sent")
    assert referrals(site) == before + 1


FORGED = [
    ("an age in words", {"age": "thirty"}, "age", messages.AGE_NOT_A_NUMBER),
    ("an age too large", {"age": 2**70}, "age", messages.AGE_OUT_OF_RANGE),
    ("a date of birth that is not a date", {"date_of_birth": "31/02/1999"}, "age", messages.WRITE_AGE_OR_DATE),
    ("an age that does not fit the date of birth", {"date_of_birth": "2000-01-01"}, "age", None),
    ("a very long name", {"person_name": "x" * 1507}, "name", None),
    ("a name with a NUL in it", {"person_name": "Sam\x00 Tester"}, "name", messages.NOT_AN_ANSWER),
    ("a way to contact that is not an answer", {"contact_methods": ["carrier-pigeon"]}, "contact-ways", None),
    ("a phone number of letters", {"phone": "call me"}, "phone-number", messages.PHONE_NOT_VALID),
    ("an asker that is not an answer", {"asker": ["self", "parent"]}, "who", messages.NOT_AN_ANSWER),
    ("consent from long ago", {"consent_at": "1999-01-01T10:00:00+00:00"}, "consent", messages.CHOOSE_YES_OR_NO),
    ("consent that is not a time", {"consent_at": True}, "consent", messages.CHOOSE_YES_OR_NO),
]


@pytest.mark.parametrize(("changed", "step", "error"), [case[1:] for case in FORGED], ids=[c[0] for c in FORGED])
def test_a_forged_draft_saves_nothing_and_goes_to_the_wrong_answer(site, client, changed, step, error):
    before = referrals(site)
    response = send_draft(client, {**good_answers(), **changed})
    assert response.status_code == 302
    assert response.headers["Location"].split("?")[0].endswith(f"/ask-for-help/{step}")
    assert referrals(site) == before
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "error-summary" in html or 'class="error' in html, html[:3000]
    if error is not None:
        with site.test_request_context():
            assert re.sub(r"\s+", " ", str(error)).replace("'", "&#39;") in html


def test_an_answer_after_the_wrong_one_is_not_checked_first(site, client):
    response = send_draft(client, {**good_answers(), "age": "thirty", "contact_methods": ["carrier-pigeon"]})
    assert response.headers["Location"].split("?")[0].endswith("/ask-for-help/age")
