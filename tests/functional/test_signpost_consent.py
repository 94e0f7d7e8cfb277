"""Signposting asks the person first: the new service sees only the reference and the service until the
person agrees, by a link in a message to them or on the phone to a worker; both staff pages show where
that is up to."""

import re

import pytest
from sqlalchemy import select

from app.outbox.models import OutboxMessage
from app.referrals.models import Referral
from tests.site import sign_in_as
from tests.staff_builders import HOSPITAL_JOBS, audit_entries, events, make_referral, referral, session_for

LINK = re.compile(r"/ask-for-help/share/([A-Za-z0-9_-]+)")


def signpost(app, client, **person) -> tuple[str, Referral]:
    """A referral signposted by the provider to the hospital's jobs service; returns (old reference, new)."""
    reference = make_referral(app, plan={"aspirations": ["I would like to work in a hospital."]}, **person)
    sign_in_as(client, "provider")
    response = client.post(
        f"/staff/referrals/{reference}/signpost", data={"service": HOSPITAL_JOBS, "reason": "better-fit"}
    )
    assert response.status_code == 302
    with session_for(app) as session:
        new = session.scalar(select(Referral).where(Referral.signposted_from_id == referral(app, reference).id))
        session.expunge_all()
    return reference, new


def asking_message(app, new: Referral) -> OutboxMessage | None:
    with session_for(app) as session:
        return session.scalar(
            select(OutboxMessage).where(OutboxMessage.referral_id == new.id, OutboxMessage.kind == "share-consent")
        )


def test_the_person_is_asked_by_email_with_a_link_and_no_personal_details(app, client):
    _old, new = signpost(app, client)
    message = asking_message(app, new)
    assert message.to_address == "test.person@example.org"
    assert "Jobs at Sandbridge Hospital" in message.subject and new.reference in message.body
    assert LINK.search(message.body)
    for private in ("Test Person", "01632 960999", "hospital."):
        assert private not in message.body
    assert LINK.search(message.body).group(1) not in (new.share_token_hash or "")  # only its hash is kept


def test_saying_yes_by_the_link_copies_the_details_and_the_link_then_stops_working(app, client):
    old_reference, new = signpost(app, client)
    path = LINK.search(asking_message(app, new).body).group(0)
    person = app.test_client()
    page = person.get(path).get_data(as_text=True)
    assert "Can we share your request with Jobs at Sandbridge Hospital?" in page and "It is your choice." in page
    assert "Test Person" not in page
    assert person.post(path, data={"answer": "yes"}).status_code == 302
    assert "We sent your request to Jobs at Sandbridge Hospital." in person.get(
        "/ask-for-help/share/answered"
    ).get_data(as_text=True)
    agreed = referral(app, new.reference)
    assert agreed.share_consent == "agreed" and agreed.share_consent_at is not None
    assert agreed.person_name == "Test Person (demo)" and agreed.plan == referral(app, old_reference).plan
    assert agreed.share_token_hash is None
    assert (events(app, new.reference)[-1].kind, events(app, new.reference)[-1].detail) == ("share-agreed", "person")
    assert person.get(path).status_code == 404 and person.post(path, data={"answer": "no"}).status_code == 404


def test_saying_no_by_the_link_copies_nothing_and_a_worker_can_record_yes_later(app, client):
    _old, new = signpost(app, client)
    path = LINK.search(asking_message(app, new).body).group(0)
    person = app.test_client()
    assert person.post(path, data={"answer": "no"}).status_code == 302
    declined = referral(app, new.reference)
    assert declined.share_consent == "declined" and declined.person_name is None and declined.plan is None
    admin = app.test_client()
    sign_in_as(admin, "council-admin")
    page = admin.get(f"/staff/referrals/{new.reference}").get_data(as_text=True)
    assert "The person said no to sharing their details with this service." in page
    assert "The person said no to sharing (through the link we sent them)" in page
    assert admin.post(f"/staff/referrals/{new.reference}/share-consent", data={"answer": "yes"}).status_code == 302
    assert referral(app, new.reference).person_name == "Test Person (demo)"


def test_both_staff_pages_show_that_consent_is_waiting_and_then_that_it_was_given(app, client):
    old_reference, new = signpost(app, client)
    admin = app.test_client()
    sign_in_as(admin, "council-admin")
    page = admin.get(f"/staff/referrals/{new.reference}").get_data(as_text=True)
    assert "Waiting for the person to agree to share their details with this service." in page
    for private in ("Test Person", "01632 960999", "test.person@example.org", "hospital.", "About the person"):
        assert private not in page
    origin = admin.get(f"/staff/referrals/{old_reference}").get_data(as_text=True)
    assert "Waiting for the person to agree to share their details with Jobs at Sandbridge Hospital" in origin
    response = admin.post(
        f"/staff/referrals/{new.reference}/share-consent", data={"answer": "yes", "back_to": old_reference}
    )
    assert response.headers["Location"].endswith(f"/staff/referrals/{old_reference}")
    origin = admin.get(f"/staff/referrals/{old_reference}").get_data(as_text=True)
    assert "Recorded: the person agreed to share their details with Jobs at Sandbridge Hospital." in origin
    assert "The person agreed on" in origin
    page = admin.get(f"/staff/referrals/{new.reference}").get_data(as_text=True)
    assert "Test Person (demo)" in page and "Agreed to share with this service" in page
    assert (events(app, new.reference)[-1].kind, events(app, new.reference)[-1].detail) == ("share-agreed", "worker")
    assert "The person agreed to share their details with this service (on a call, recorded by a worker)" in page
    assert audit_entries(app, object_ref=new.reference, action="change")[-1].detail == "share-agreed"
    assert asking_message(app, new) is not None


def test_with_no_email_the_worker_is_told_to_ask_on_the_phone(app, client):
    _old, new = signpost(app, client, email=None)
    assert asking_message(app, new) is None and new.share_consent == "waiting"
    page = client.get(f"/staff/referrals/{_old}").get_data(as_text=True)
    assert "ask them on the phone if they agree to share" in page


def test_the_question_and_the_message_are_in_welsh_for_a_welsh_request(app, client):
    _old, new = signpost(app, client, lang="cy")
    message = asking_message(app, new)
    assert "Allwn ni rannu eich cais gyda Jobs at Sandbridge Hospital?" in message.subject
    page = app.test_client().get(LINK.search(message.body).group(0), query_string={"lang": "cy"})
    assert "Eich dewis chi yw e." in page.get_data(as_text=True)


@pytest.mark.parametrize("token", ["x" * 43, "not-a-token-at-all-here"])
def test_an_unknown_link_gets_an_easy_read_page(client, token):
    response = client.get(f"/ask-for-help/share/{token}")
    assert response.status_code == 404 and "This link does not work now" in response.get_data(as_text=True)
