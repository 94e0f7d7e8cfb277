"""Feedback at key points: links queued through the outbox when staff record a first contact, a job start and
a sustained outcome; the person's easy-read journey and the employer's form through a one-use link; the words
on the referral page, in an erasure and an export."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.clock import now, today
from app.feedback import service as feedback
from app.feedback.models import FeedbackAnswer, FeedbackRequest
from app.outbox.models import OutboxMessage
from app.outbox.sending import SENT_SECRET, send_due
from app.referrals.models import Referral
from app.referrals.service import erase_personal_data, personal_data
from demo.staff import WORKS_ORG
from demo.staff.feedback import DEMO_EMPLOYER_FEEDBACK_TOKEN, DEMO_FEEDBACK_TOKEN, DEMO_USED_FEEDBACK_TOKEN
from demo.staff.referrals import DEMO_STARTED_REFERENCE
from tests.site import sign_in_as

REFERENCE = "FFFF-4444"
PERSON = {"person_name": "Robin Testperson", "email": "robin@example.com", "phone": "07700 900123"}


def db(app):
    return app.extensions["database"]["factory"]()


def add_referral(app, status="new", **overrides) -> None:
    with db(app) as session:
        session.add(
            Referral(
                reference=REFERENCE,
                idempotency_key=f"test-{REFERENCE}",
                service_id="test-service",
                service_name="Test service",
                organization_id=WORKS_ORG,
                status=status,
                contact_due_on=date(2026, 1, 1),
                asker="self",
                consent_at=datetime.now(UTC),
                lang="en",
                **{**PERSON, **overrides},
            )
        )
        session.commit()


def messages(app, kind_prefix: str = "") -> list[OutboxMessage]:
    with db(app) as session:
        referral_id = session.scalar(select(Referral.id).where(Referral.reference == REFERENCE))
        found = session.scalars(
            select(OutboxMessage).where(OutboxMessage.referral_id == referral_id).order_by(OutboxMessage.id)
        )
        return [m for m in found if m.kind.startswith(kind_prefix or "")]


def token_in(message: OutboxMessage) -> str:
    return re.search(r"/feedback/(?:employer/)?([A-Za-z0-9_-]{16,64})", message.body).group(1)


@pytest.fixture
def provider(app, client):
    sign_in_as(client, "provider")
    return client


def parts(prefix: str, day: date) -> dict:
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


def job_form(start: date, **overrides) -> dict:
    return {
        "employer": "Harbour Café",
        "job_title": "Kitchen porter",
        **parts("start", start),
        "hours": "18",
        "paid": "paid",
        "pay": "13.00",
        "apprenticeship": "no",
        **overrides,
    }


# Asking


def test_first_contact_queues_one_feedback_link_with_nothing_personal_in_it(app, provider):
    add_referral(app)
    assert provider.post(f"/staff/referrals/{REFERENCE}/status", data={"status": "contacted"}).status_code == 302
    [message] = messages(app, "feedback")
    assert (message.kind, message.to_address) == ("feedback", "robin@example.com")
    assert REFERENCE in message.body and "A service talked with you" in message.body
    assert "Robin" not in message.body + message.subject and "07700" not in message.body
    token = token_in(message)
    with db(app) as session:
        referral_id = session.scalar(select(Referral.id).where(Referral.reference == REFERENCE))
        [request] = session.scalars(select(FeedbackRequest).where(FeedbackRequest.referral_id == referral_id)).all()
        assert (request.kind, request.point, request.used_at) == ("person", "contacted", None)
        assert token not in request.token_hash and len(request.token_hash) == 64
    assert provider.get(f"/feedback/{token}").status_code == 200


def test_a_job_start_asks_the_person_and_the_employer_and_keeps_no_employer_address(app, provider):
    add_referral(app, status="started")
    form = job_form(today(), employer_email="boss@harbour.example")
    assert provider.post(f"/staff/referrals/{REFERENCE}/job", data=form).status_code == 302
    person, employer = messages(app, "feedback")[0], messages(app, "employer")[0]
    assert "You started a new job" in person.body
    assert employer.to_address == "boss@harbour.example" and "/feedback/employer/" in employer.body
    assert "Robin" not in employer.body
    with db(app) as session:
        assert not session.scalars(select(FeedbackRequest).where(FeedbackRequest.token_hash.contains("harbour"))).all()
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today()))
    assert len(messages(app, "feedback")) == 1  # once for each point


def test_a_wrong_employer_address_is_explained_and_kept(app, provider):
    add_referral(app, status="started")
    page = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), employer_email="boss at work"))
    html = page.get_data(as_text=True)
    assert "Write the employer&#39;s email address like name@example.com" in html and 'value="boss at work"' in html
    assert not messages(app)


def test_reaching_the_sustained_outcome_asks_once(app, provider):
    add_referral(app, status="started")
    start = today() - timedelta(days=20 * 7)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start))
    with db(app) as session:
        job_id = session.scalar(select(Referral).where(Referral.reference == REFERENCE)).jobs[0].id
    short = {"evidence": "payslip", "job": str(job_id), "period": "week", **parts("from", start), "hours": "18"}
    provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=short)
    assert [m for m in messages(app, "feedback") if "kept your job" in m.body] == []
    rest = {
        "evidence": "payslip",
        "job": str(job_id),
        "period": "dates",
        **parts("from", start + timedelta(days=7)),
        **parts("to", today() - timedelta(days=1)),
        "hours": "18",
    }
    assert provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=rest).status_code == 302
    assert len([m for m in messages(app, "feedback") if "kept your job" in m.body]) == 1


def test_only_a_phone_number_gets_no_link_without_a_way_to_text(app, provider):
    add_referral(app, email=None)
    provider.post(f"/staff/referrals/{REFERENCE}/status", data={"status": "contacted"})
    assert messages(app, "feedback") == []


def test_a_sent_feedback_message_keeps_no_copy_of_its_link(app, provider):
    add_referral(app)
    provider.post(f"/staff/referrals/{REFERENCE}/status", data={"status": "contacted"})

    class Fake:
        def send(self, message):
            return None

    send_due(app, delivery=Fake())
    [message] = messages(app, "feedback")
    assert message.status == "sent" and message.body == SENT_SECRET


# The person's journey


def walk(client, token: str, lang: str = "en") -> None:
    q = f"?lang={lang}"
    assert client.post(f"/feedback/{token}/how-it-went{q}", data={"answer": "good"}).status_code == 302
    client.post(f"/feedback/{token}/what-helped{q}", data={"answer": "My job coach came with me."})
    client.post(f"/feedback/{token}/what-did-not-help{q}", data={"answer": ""})
    client.post(f"/feedback/{token}/anything-else{q}", data={"answer": "Thank you"})
    response = client.post(f"/feedback/{token}/share-words{q}", data={"answer": "yes"})
    assert response.location.endswith(f"/feedback/{token}/check")


def test_the_journey_keeps_the_answers_and_spends_the_link(app, client):
    start = client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}").get_data(as_text=True)
    assert "You started a new job" in start and "Start now" in start
    walk(client, DEMO_FEEDBACK_TOKEN)
    check = client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}/check").get_data(as_text=True)
    assert "It went well" in check and "My job coach came with me." in check and "Send my answers" in check
    sent = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    assert sent.location.endswith("/feedback/thank-you")
    with db(app) as session:
        request = session.scalar(select(FeedbackRequest).where(FeedbackRequest.token_hash == _hash(app)))
        answer = request.answer
        assert request.used_at is not None
        assert (answer.rating, answer.helped, answer.not_helped, answer.anything_else, answer.quote_ok) == (
            "good",
            "My job coach came with me.",
            None,
            "Thank you",
            True,
        )
    again = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send").get_data(as_text=True)
    assert "This link does not work now" in again
    assert "This link does not work now" in client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}/what-helped").get_data(
        as_text=True
    )
    with db(app) as session:
        assert len(session.scalars(select(FeedbackAnswer).where(FeedbackAnswer.request_id == request.id)).all()) == 1


def _hash(app, token=DEMO_FEEDBACK_TOKEN) -> str:
    with app.test_request_context():
        from app.referrals.after import keyed_hash

        return keyed_hash(token)


def test_the_journey_is_in_welsh(client):
    page = client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}/how-it-went?lang=cy").get_data(as_text=True)
    assert 'lang="cy"' in page and "Sut aeth hi?" in page and "Aeth hi&#39;n dda" in page
    walk(client, DEMO_FEEDBACK_TOKEN, "cy")
    check = client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}/check").get_data(as_text=True)
    assert "Anfon fy atebion" in check


def test_sending_with_a_question_unanswered_goes_back_to_it(client):
    client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/how-it-went", data={"answer": "okay"})
    response = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    assert response.location.endswith(f"/feedback/{DEMO_FEEDBACK_TOKEN}/what-helped?from=check")


@pytest.mark.parametrize("answer", ["", "brilliant", "<script>good</script>"])
def test_a_missing_or_strange_choice_gets_an_easy_read_message(client, answer):
    page = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/how-it-went", data={"answer": answer})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "There is a problem" in html
    assert "Choose one answer." in html or "Choose from the answers on this page." in html


def test_too_many_words_are_explained_and_kept(client):
    long = "word " * 500
    html = client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/what-helped", data={"answer": long}).get_data(as_text=True)
    assert "There is a problem" in html and long.strip() in html


def test_used_expired_and_unknown_links_get_the_kind_page(app, client):
    assert "Each link works once" in client.get(f"/feedback/{DEMO_USED_FEEDBACK_TOKEN}").get_data(as_text=True)
    assert "Each link works once" in client.get("/feedback/not-a-link-we-ever-sent").get_data(as_text=True)
    with db(app) as session:
        request = session.scalar(select(FeedbackRequest).where(FeedbackRequest.token_hash == _hash(app)))
        request.expires_at = now() - timedelta(minutes=1)
        session.commit()
    html = client.get(f"/feedback/{DEMO_FEEDBACK_TOKEN}").get_data(as_text=True)
    assert "This link does not work now" in html and "A link works for 28 days." in html
    assert client.get("/feedback/short").status_code == 404


def test_an_employer_link_does_not_open_the_persons_journey_or_the_other_way(client):
    assert "does not work now" in client.get(f"/feedback/{DEMO_EMPLOYER_FEEDBACK_TOKEN}").get_data(as_text=True)
    assert "does not work now" in client.get(f"/feedback/employer/{DEMO_FEEDBACK_TOKEN}").get_data(as_text=True)


# The employer's form


def test_the_employer_form_explains_what_is_missing_keeps_words_and_then_saves_once(app, client):
    url = f"/feedback/employer/{DEMO_EMPLOYER_FEEDBACK_TOKEN}"
    html = client.post(url, data={"helped": "A job coach on the first days"}).get_data(as_text=True)
    assert "Choose how the placement is going." in html and "Choose whether you would offer another placement." in html
    assert "A job coach on the first days" in html
    data = {"rating": "good", "helped": "A job coach on the first days", "again": "yes", "anything_else": ""}
    assert client.post(url, data=data).location.endswith("/feedback/thank-you")
    with db(app) as session:
        answer = session.scalar(select(FeedbackAnswer).order_by(FeedbackAnswer.id.desc()))
        assert (answer.kind, answer.rating, answer.again, answer.helped, answer.quote_ok) == (
            "employer",
            "good",
            "yes",
            "A job coach on the first days",
            False,
        )
    assert "does not work now" in client.post(url, data=data).get_data(as_text=True)


# Staff, erasure and export


def test_staff_see_the_words_on_the_referral_page(app, client):
    walk(client, DEMO_FEEDBACK_TOKEN)
    client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    sign_in_as(client, "provider")
    html = client.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}").get_data(as_text=True)
    section = html[html.index(">Feedback</h2>") :]
    assert "My job coach came with me." in section and "after a job start" in section
    assert "Yes, without a name" in section


def test_an_erasure_empties_the_words_keeps_the_rating_and_an_export_holds_them(app, client):
    walk(client, DEMO_FEEDBACK_TOKEN)
    client.post(f"/feedback/{DEMO_FEEDBACK_TOKEN}/send")
    with db(app) as session, app.test_request_context():
        referral = session.scalar(select(Referral).where(Referral.reference == DEMO_STARTED_REFERENCE))
        exported = personal_data(referral)["feedback"]
        assert {"point": "job-start", "helped": "My job coach came with me.", "may_quote": True}.items() <= (
            exported[0].items()
        )
        erase_personal_data(session, referral)
        for answer in feedback.answers_of(session, referral):
            session.refresh(answer)
            assert (answer.helped, answer.not_helped, answer.anything_else, answer.quote_ok) == (
                None,
                None,
                None,
                False,
            )
            assert answer.words_removed_at is not None
        assert "good" in [a.rating for a in feedback.answers_of(session, referral)]
    sign_in_as(client, "provider")
    html = client.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}").get_data(as_text=True)
    section = html[html.index(">Feedback</h2>") : html.index(">Notes</h2>")]
    assert "My job coach" not in section and "Removed with the referral's personal data." in section


def test_a_removed_referral_is_never_asked(app):
    add_referral(app)
    with db(app) as session, app.test_request_context():
        referral = session.scalar(select(Referral).where(Referral.reference == REFERENCE))
        erase_personal_data(session, referral)
        assert feedback.ask_person(session, referral, "contacted") is None
