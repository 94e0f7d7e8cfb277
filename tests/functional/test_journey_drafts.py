"""Journey drafts on the server: the session cookie, decoded as anyone holding it could, never has an answer in
it; a draft expires, a forged or unknown id is lost kindly, and closing the checklists takes the drafts too."""

import html
import json
import re
import secrets

import pytest
from sqlalchemy import func, inspect, select

from app.feedback.models import FeedbackAnswer
from app.journeys.models import JourneyDraft
from app.referrals.fields import answer_fields
from app.referrals.models import Referral
from demo.staff.feedback import DEMO_FEEDBACK_TOKEN
from tests.functional.test_feedback import walk as walk_feedback
from tests.functional.test_referral_journey import BASE, FAMILY, PERSON, SELF_SERVICE, post, walk_to_check
from tests.site import PageCheckingClient, cookie_session, draft_row, open_demo_plan

BORN = ("17", "5", "2001")
LOST = "We cannot find your answers."


class CookieReadingClient(PageCheckingClient):
    """A browser that decodes its session cookie after every page, as anyone holding the cookie could."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        self.seen.append(json.dumps(cookie_session(self), default=str))
        return response


@pytest.fixture
def reading(app):
    app.test_client_class = CookieReadingClient
    client = app.test_client()
    client.seen = []
    return client


def referrals(app) -> int:
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        return session.scalar(select(func.count(Referral.id)))


def drafts(app) -> int:
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        return session.scalar(select(func.count(JourneyDraft.id)))


def feedback_answers(app) -> int:
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        return session.scalar(select(func.count(FeedbackAnswer.id)))


def test_no_answer_is_ever_in_the_session_cookie_on_the_way_to_send(app, reading):
    walk_to_check(reading, "family")
    born = {"age": "", "day": BORN[0], "month": BORN[1], "year": BORN[2]}
    post(reading, "age", born, f"{BASE}/check", **{"from": "check"})
    answers = draft_row(reading, "ask-for-help").data["answers"]
    assert answers["person_name"] == PERSON["name"] and answers["date_of_birth"] == "2001-05-17"
    assert answers["message"] == "I like gardens."
    reading.post(f"{BASE}/send")
    sent_page = reading.get(f"{BASE}/sent").get_data(as_text=True)
    sent = draft_row(reading, "ask-for-help").data["sent"]
    shown = [
        "-".join(part.replace("\u00a0", "").strip() for part in html.unescape(spaced).split(" - "))
        for spaced in re.findall(r'class="resume-code"[^>]*>([^<]+)<', sent_page)
    ]
    assert shown[0] == sent["reference"]  # the reference, then the code to check the request
    code = shown[1]
    assert code not in json.dumps(sent), "the status code is kept sealed, never as it is"
    secrets_typed = [*PERSON.values(), *FAMILY.values(), "I like gardens.", "Polish", "2001-05-17", "Mother"]
    secrets_typed += [sent["reference"], code]  # the confirmation's reference and status code, too
    assert len(reading.seen) >= 15, "a cookie was read after every question"
    for cookie in reading.seen:
        for typed in secrets_typed:
            assert typed not in cookie, typed
    assert "drafts" in reading.seen[-1], "the cookie holds the draft's id"


def test_after_send_the_draft_holds_no_answers_only_its_key_until_it_expires(app, client):
    walk_to_check(client)
    client.post(f"{BASE}/send")
    row = draft_row(client, "ask-for-help")
    assert set(row.data) == {"sent"} and row.sent_at is not None  # what the confirmation page shows, no answers
    confirmation = {"reference", "service_id", "routed", "methods", "due", "personal", "code", "emailed"}
    assert set(row.data["sent"]) == confirmation
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        referral = session.scalar(select(Referral).where(Referral.idempotency_key == row.idempotency_key))
        assert referral.person_name == PERSON["name"]


def test_feedback_words_are_kept_on_the_server_not_in_the_cookie_and_go_when_sent(app, reading):
    walk_feedback(reading, DEMO_FEEDBACK_TOKEN)
    row = draft_row(reading, "feedback")
    assert row.data["answers"]["helped"] == "My job coach came with me."
    for cookie in reading.seen:
        assert "My job coach came with me." not in cookie and "Thank you" not in cookie
    reading.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    assert draft_row(reading, "feedback") is None and drafts(app) == 0


@pytest.mark.parametrize(
    "forged",
    [
        {"ask-for-help": secrets.token_urlsafe(32)},  # a well-made id the site never gave
        {"ask-for-help": "short"},
        {"ask-for-help": ["not", "an", "id"]},
        "not a dict",
    ],
)
def test_a_forged_draft_id_gets_the_easy_read_lost_answers_page_and_saves_nothing(app, client, forged):
    before = referrals(app)
    with client.session_transaction() as session:
        session["drafts"] = forged
    for path in (f"{BASE}/who", f"{BASE}/check"):
        assert client.get(path).headers["Location"] == f"{BASE}/start"
    assert client.post(f"{BASE}/name", data={"answer": "Sam"}).headers["Location"] == f"{BASE}/start"
    assert client.post(f"{BASE}/send").headers["Location"] == f"{BASE}/start"
    assert LOST in client.get(f"{BASE}/start").get_data(as_text=True)
    assert referrals(app) == before


def test_a_draft_lasts_a_day_after_its_last_answer_then_is_lost_kindly(app, client, moment):
    hours = app.config["DRAFT_HOURS"]
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "self"}, f"{BASE}/name")
    moment.pass_(hours=hours - 1)
    post(client, "name", {"answer": PERSON["name"]}, f"{BASE}/age")  # each answer keeps it longer
    moment.pass_(hours=hours - 1)
    assert client.get(f"{BASE}/age").status_code == 200
    walk_to_check(client)
    before = referrals(app)
    moment.pass_(hours=hours, seconds=1)
    assert client.get(f"{BASE}/check").headers["Location"] == f"{BASE}/start"
    assert LOST in client.get(f"{BASE}/start").get_data(as_text=True)
    assert client.post(f"{BASE}/send").headers["Location"] == f"{BASE}/start"
    assert referrals(app) == before


def test_an_expired_draft_is_never_brought_back_by_a_late_answer(app, client, moment):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "self"}, f"{BASE}/name")
    moment.pass_(hours=app.config["DRAFT_HOURS"] + 1)
    assert client.post(f"{BASE}/name", data={"answer": "Sam"}).headers["Location"] == f"{BASE}/start"
    assert draft_row(client, "ask-for-help").data["answers"] == {"asker": "self"}


@pytest.mark.parametrize("path", ["/my-work/forget", "/my-work/delete"])
def test_closing_or_deleting_the_checklists_on_a_device_deletes_its_drafts(app, client, path):
    open_demo_plan(client)
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "self"}, f"{BASE}/name")
    post(client, "name", {"answer": PERSON["name"]}, f"{BASE}/age")
    walk_feedback(client, DEMO_FEEDBACK_TOKEN)
    assert drafts(app) == 2
    assert client.post(path).status_code == 302
    assert drafts(app) == 0 and "drafts" not in cookie_session(client)
    assert client.get(f"{BASE}/age").headers["Location"] == f"{BASE}/start"


@pytest.mark.parametrize(
    ("changed", "step"), [({"rating": "brilliant"}, "how-it-went"), ({"helped": "x" * 5000}, "what-helped")]
)
def test_feedback_send_checks_every_kept_answer_again_and_saves_nothing_wrong(app, client, changed, step):
    before = feedback_answers(app)
    walk_feedback(client, DEMO_FEEDBACK_TOKEN)
    row_id = draft_row(client, "feedback").id
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        row = session.get(JourneyDraft, row_id)
        row.data = {**row.data, "answers": {**row.data["answers"], **changed}}
        session.commit()
    response = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    assert response.location.endswith(f"/feedback/{DEMO_FEEDBACK_TOKEN}/{step}?from=check")
    page = client.get(response.location).get_data(as_text=True)
    assert "error-summary" in page
    assert feedback_answers(app) == before


def test_every_answer_a_draft_holds_for_a_referral_column_is_a_field_in_the_registry(app, client):
    walk_to_check(client, "professional")
    answers = draft_row(client, "ask-for-help").data["answers"]
    columns = {column.key for column in inspect(Referral).columns}
    assert set(answers) & columns <= {field.name for field in answer_fields()}
    assert {"person_name", "phone", "message", "asker_name"} <= set(answers)


@pytest.mark.parametrize("target", [{"service": SELF_SERVICE}, {"from": "plan"}])
def test_opening_the_journey_stores_nothing_until_the_first_answer(app, client, target):
    if "from" in target:
        open_demo_plan(client)
    start = client.get(f"{BASE}/start", query_string=target).get_data(as_text=True)
    link = html.unescape(re.search(r'href="([^"]*/ask-for-help/who[^"]*)"', start).group(1))
    assert link.endswith("service=" + SELF_SERVICE if "service" in target else "from=plan"), link
    assert client.get(link).status_code == 200
    for _ in range(3):  # a crawler or a link checker opening the pages again and again
        client.get(f"{BASE}/start", query_string=target)
        client.get(link)
    assert drafts(app) == 0
    post(client, "who", {"answer": "self"}, f"{BASE}/name")
    assert drafts(app) == 1 and draft_row(client, "ask-for-help").data["answers"] == {"asker": "self"}
    client.get(f"{BASE}/start", query_string=target)
    assert drafts(app) == 1, "opening the start page again keeps the draft being filled in"
