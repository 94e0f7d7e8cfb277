"""A referral's page, changing its status, notes, and signposting to another service."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.outbox.models import OutboxMessage
from app.referrals.models import Referral, ReferralNote
from app.staff.overdue import contact_due_on
from demo.staff import WORKS_ORG
from demo.staff.referrals import DEMO_REFERENCE, DEMO_SIGNPOSTED_REFERENCE, DEMO_STARTED_REFERENCE
from tests.site import make_app, sign_in_as
from tests.staff_builders import HOSPITAL_JOBS, audit_entries, events, make_referral, referral, session_for

HARBOUR_CAFE = "a4f34fe0-24fc-58f9-8922-919c6081da3c"  # another organisation's service


def test_the_page_shows_the_answers_needs_consent_plan_and_history(provider):
    html = provider.get(f"/staff/referrals/{DEMO_REFERENCE}").get_data(as_text=True)
    for words in (
        "Referral KMRW-3467",
        "Cerys Morgan (demo)",
        "Tŷ Gwyn, Sandbridge",
        "Communication needs",
        "An interpreter: Polish",
        "Someone to be with them",
        "Easy read",
        "Agreed to share",
        "I would like to work with animals.",
        "Who filled it in",
        "Me, with help from a teacher",
        "Please call me first",
        "Referral made",
        "On the website",
        "A family member or carer",
    ):
        assert words in html, words
    assert html.index("Communication needs") < html.index("About the person")


def test_a_page_view_is_in_the_audit_trail(app, provider):
    provider.get(f"/staff/referrals/{DEMO_REFERENCE}")
    provider.get(f"/staff/referrals/{DEMO_REFERENCE}")
    assert len(audit_entries(app, action="view", object_type="referral", object_ref=DEMO_REFERENCE)) == 2


def test_an_overdue_referral_says_when_contact_was_due(app, provider):
    due = date.today() - timedelta(days=1)
    reference = make_referral(app, contact_due_on=due, created_at=datetime.now(UTC) - timedelta(days=8))
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert f"Not contacted within 5 working days: due {due.day} {due:%B %Y}" in html


def test_a_referral_due_today_is_not_overdue(app, provider):
    reference = make_referral(app, contact_due_on=date.today())
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert "Not contacted within" not in html
    assert "Contact the person by" in html


def test_an_under_16s_parent_or_carer_consent_is_shown(app, provider):
    now = datetime.now(UTC)
    reference = make_referral(app, age=15, parent_consent_name="Bethan Rees (demo)", parent_consent_at=now)
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert "Parent or carer who agreed (under 16)" in html and "Bethan Rees (demo)" in html


def test_a_page_without_a_plan_or_personal_data_says_so(app, provider):
    removed = datetime(2029, 3, 3, 12, tzinfo=UTC)
    reference = make_referral(
        app, person_name=None, phone=None, email=None, plan=None, personal_data_removed_at=removed
    )
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert "No work plan was sent" in html
    assert "The personal data in this referral was removed on 3 March 2029" in html


def test_a_strange_plan_snapshot_does_not_break_the_page(app, provider):
    reference = make_referral(
        app, plan={"sections": [{"id": "strengths", "sentences": [{"text": "I can draw."}]}, "odd"], "x": 3}
    )
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert "I can draw." in html


def test_personal_data_is_never_registered_for_audio(app, provider):
    from app.easyread.models import AudioClip

    provider.get(f"/staff/referrals/{DEMO_REFERENCE}")
    provider.post(f"/staff/referrals/{DEMO_REFERENCE}/notes", data={"note": "Spoke to Cerys's mum."})
    provider.get(f"/staff/referrals/{DEMO_REFERENCE}")
    with session_for(app) as session:
        texts = list(session.scalars(select(AudioClip.text)))
    assert any(text.startswith("Referral KMRW-3467") for text in texts), "the page itself has audio"
    for private in ("Cerys", "Polish", "Tŷ Gwyn", "01632", "example.org", "animals"):
        assert not any(private in text for text in texts), private


def test_the_started_referral_includes_the_job_outcome_section(provider):
    started = provider.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}").get_data(as_text=True)
    new = provider.get(f"/staff/referrals/{DEMO_REFERENCE}").get_data(as_text=True)
    assert 'id="outcome"' in started
    assert 'id="outcome"' not in new


def test_notes_show_newest_first_with_author_and_time(provider):
    html = provider.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}").get_data(as_text=True)
    assert html.index("Rhys started at Harbour Café") < html.index("Met Rhys at the job centre")
    assert "Sam Price (demo)" in html


def test_a_signposted_referral_links_both_ways(app, client):
    sign_in_as(client, "council-admin")
    html = client.get(f"/staff/referrals/{DEMO_SIGNPOSTED_REFERENCE}").get_data(as_text=True)
    with session_for(app) as session:
        onward = session.scalar(select(Referral).where(Referral.signposted_from_id.is_not(None)))
        onward_reference = onward.reference
    assert "Sent on to" in html and f'href="/staff/referrals/{onward_reference}"' in html
    back = client.get(f"/staff/referrals/{onward_reference}").get_data(as_text=True)
    assert "Sent on from" in back and f'href="/staff/referrals/{DEMO_SIGNPOSTED_REFERENCE}"' in back


def test_a_provider_sees_where_their_referral_went_without_a_link(provider):
    html = provider.get(f"/staff/referrals/{DEMO_SIGNPOSTED_REFERENCE}").get_data(as_text=True)
    assert "Harbour Café training jobs (another organisation's referral)" in html


# Status changes


def test_moving_on_from_new_records_first_contact_history_and_audit(app, provider):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"})
    assert response.status_code == 302
    changed = referral(app, reference)
    assert changed.status == "contacted"
    assert changed.contacted_at is not None and changed.status_changed_at is not None
    last = events(app, reference)[-1]
    assert (last.kind, last.from_status, last.to_status, last.detail) == ("status", "new", "contacted", None)
    assert last.staff_id is not None
    assert [e.detail for e in audit_entries(app, action="change", object_ref=reference)] == ["status:contacted"]
    page = provider.get(response.headers["Location"]).get_data(as_text=True)
    assert "Status changed to Contacted." in page
    assert "Status changed from New to Contacted" in page


def test_first_contact_is_kept_when_the_referral_moves_on_again(app, provider):
    reference = make_referral(app)
    provider.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"})
    first = referral(app, reference).contacted_at
    provider.post(f"/staff/referrals/{reference}/status", data={"status": "accepted"})
    provider.post(f"/staff/referrals/{reference}/status", data={"status": "started"})
    assert referral(app, reference).status == "started"
    assert referral(app, reference).contacted_at == first
    assert [e.to_status for e in events(app, reference)] == ["new", "contacted", "accepted", "started"]


def test_closing_needs_a_reason_and_records_it(app, provider):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/status", data={"status": "closed"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose why the referral is closed." in html and 'href="#reason"' in html
    assert "<title>Error:" in html
    assert referral(app, reference).status == "new"
    provider.post(f"/staff/referrals/{reference}/status", data={"status": "closed", "reason": "could-not-contact"})
    closed = referral(app, reference)
    assert (closed.status, closed.closed_reason) == ("closed", "could-not-contact")
    assert events(app, reference)[-1].detail == "could-not-contact"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "started"}, "You cannot make that change now"),
        ({"status": "signposted"}, "You cannot make that change now"),
        ({"status": "deleted"}, "You cannot make that change now"),
        ({}, "Choose what happened."),
        ({"status": "closed", "reason": "job-ended"}, "Choose one of the reasons in the list."),
    ],
)
def test_a_change_that_is_not_allowed_gets_a_message_and_changes_nothing(app, provider, data, message):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/status", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert referral(app, reference).status == "new"
    assert len(events(app, reference)) == 1
    assert not audit_entries(app, action="change", object_ref=reference)


def test_a_finished_referral_cannot_change(app, provider):
    reference = make_referral(app, status="closed", closed_reason="other")
    response = provider.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"})
    assert response.status_code == 400
    assert "This referral is finished" in response.get_data(as_text=True)


def test_a_status_change_without_the_form_token_is_refused(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    sign_in_as(client, "provider")
    reference = make_referral(app)
    response = client.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"})
    assert response.status_code == 400
    assert referral(app, reference).status == "new"
    html = client.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    token = html.split('name="csrf_token" value="')[1].split('"')[0]
    assert (
        client.post(
            f"/staff/referrals/{reference}/status", data={"status": "contacted", "csrf_token": token}
        ).status_code
        == 302
    )
    assert referral(app, reference).status == "contacted"


# Notes


def test_a_note_is_saved_with_a_history_line_that_holds_no_words(app, provider):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/notes", data={"note": "Rang twice, left a message."})
    assert response.status_code == 302
    with session_for(app) as session:
        notes = list(session.scalars(select(ReferralNote.text).join(Referral).where(Referral.reference == reference)))
    assert notes == ["Rang twice, left a message."]
    last = events(app, reference)[-1]
    assert (last.kind, last.detail) == ("note", None)
    assert [e.detail for e in audit_entries(app, action="change", object_ref=reference)] == ["note"]
    assert "Rang twice" not in str([(e.detail, e.object_ref) for e in audit_entries(app)])
    assert "Note saved." in provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)


@pytest.mark.parametrize(
    "text, message",
    [("   ", "Write a note before you save it."), ("x" * 2001, "Write 2000 characters or fewer. You wrote 2001.")],
)
def test_a_note_that_is_empty_or_too_long_is_refused_and_kept(app, provider, text, message):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/notes", data={"note": text})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and 'href="#note"' in html
    if text.strip():
        assert text in html
    assert len(events(app, reference)) == 1


def test_a_note_of_2000_characters_is_fine(app, provider):
    reference = make_referral(app)
    assert provider.post(f"/staff/referrals/{reference}/notes", data={"note": "y" * 2000}).status_code == 302


# Signposting


def test_the_signpost_page_lists_active_services_by_organisation(provider):
    html = provider.get(f"/staff/referrals/{DEMO_REFERENCE}/signpost").get_data(as_text=True)
    assert '<optgroup label="Sandbridge Hospital (demo)">' in html
    assert "Jobs at Sandbridge Hospital" in html
    assert 'value="5ec69b07-4433-591e-a591-34f8423d4d5d"' not in html  # the service it is with now


def test_signposting_makes_a_linked_referral_to_the_other_service_in_one_go(app, provider):
    reference = make_referral(
        app, plan={"aspirations": ["I would like to work in a hospital."]}, parent_consent_name=None
    )
    response = provider.post(
        f"/staff/referrals/{reference}/signpost", data={"service": HOSPITAL_JOBS, "reason": "better-fit"}
    )
    assert response.status_code == 302
    old = referral(app, reference)
    with session_for(app) as session:
        new = session.scalar(select(Referral).where(Referral.signposted_from_id == old.id))
        message = session.scalar(
            select(OutboxMessage).where(OutboxMessage.referral_id == new.id, OutboxMessage.kind == "new-referral")
        )
        session.expunge_all()
    assert old.status == "signposted"
    assert new.reference != reference and new.idempotency_key != old.idempotency_key
    assert (new.status, new.service_id, new.service_name) == ("new", HOSPITAL_JOBS, "Jobs at Sandbridge Hospital")
    assert new.organization_id == "dd183d14-5e33-56e5-9dcf-4c37db48a219"
    assert new.contact_due_on == contact_due_on(
        date.today(), app.config["CONTACT_WITHIN_WORKING_DAYS"], app.config["HOLIDAYS"]
    )
    for field in ("needs", "consent_at", "asker", "age_band"):  # codes and dates for the figures only
        assert getattr(new, field) == getattr(old, field), field
    for field in ("person_name", "phone", "email", "plan", "age"):  # the rest waits for the person to agree
        assert getattr(new, field) is None, field
    assert new.share_consent == "waiting" and new.share_token_hash
    assert (message.kind, message.to_address, message.status) == ("new-referral", "hospital-jobs@example.org", "queued")
    assert "They have not yet agreed to share their details with you." in message.body
    assert new.reference in message.body
    for private in ("Test Person", "01632", "test.person@example.org"):
        assert private not in message.body and private not in message.subject
    old_event, new_event = events(app, reference)[-1], events(app, new.reference)[-1]
    assert (old_event.kind, old_event.from_status, old_event.to_status, old_event.detail) == (
        "signposted",
        "new",
        "signposted",
        "better-fit",
    )
    assert (new_event.kind, new_event.detail) == ("created", "signposted")
    page = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert f"Sent to Jobs at Sandbridge Hospital. Its new reference is {new.reference}." in page
    assert "you will not see it in your referrals" in page
    assert provider.get(f"/staff/referrals/{new.reference}").status_code == 404


def test_signposting_within_the_organisation_keeps_it_visible(app, provider):
    reference = make_referral(app)
    autism_support = "c88a2f72-ed51-5898-9794-3597d7f28cca"
    provider.post(f"/staff/referrals/{reference}/signpost", data={"service": autism_support, "reason": "better-fit"})
    with session_for(app) as session:
        new = session.scalar(
            select(Referral.reference).where(
                Referral.service_id == autism_support,
                Referral.signposted_from_id.is_not(None),
                Referral.organization_id == WORKS_ORG,
            )
        )
    assert provider.get(f"/staff/referrals/{new}").status_code == 200
    assert "you will not see it" not in provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"service": "", "reason": "better-fit"}, "Choose a service from the list."),
        ({"service": "no-such-service", "reason": "better-fit"}, "Choose a service from the list."),
        ({"service": "5ec69b07-4433-591e-a591-34f8423d4d5d", "reason": "better-fit"}, "Choose a different service"),
        ({"service": HOSPITAL_JOBS, "reason": ""}, "Choose why you are sending it to another service."),
        ({"service": HOSPITAL_JOBS, "reason": "whim"}, "Choose one of the reasons in the list."),
    ],
)
def test_a_signpost_that_is_not_right_gets_a_message_and_changes_nothing(app, provider, data, message):
    reference = make_referral(app)
    response = provider.post(f"/staff/referrals/{reference}/signpost", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    if data["service"] == HOSPITAL_JOBS:
        assert f'<option value="{HOSPITAL_JOBS}" selected>' in html
    assert referral(app, reference).status == "new"
    with session_for(app) as session:
        assert (
            session.scalar(select(Referral.id).where(Referral.signposted_from_id == referral(app, reference).id))
            is None
        )


def test_signposting_twice_makes_one_new_referral(app, provider):
    reference = make_referral(app)
    data = {"service": HOSPITAL_JOBS, "reason": "better-fit"}
    assert provider.post(f"/staff/referrals/{reference}/signpost", data=data).status_code == 302
    again = provider.post(f"/staff/referrals/{reference}/signpost", data=data)
    assert again.status_code == 400
    assert "cannot be sent to another service now" in again.get_data(as_text=True)
    with session_for(app) as session:
        made = session.scalars(
            select(Referral.id).where(Referral.signposted_from_id == referral(app, reference).id)
        ).all()
    assert len(made) == 1


def test_a_started_referral_cannot_be_signposted(provider):
    html = provider.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}/signpost").get_data(as_text=True)
    assert "cannot be sent to another service now" in html
    assert "<select" not in html


def test_the_history_names_who_did_what_and_when(app, provider):
    reference = make_referral(app, created_at=datetime.now(UTC) - timedelta(days=1))
    provider.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"})
    html = provider.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    history = html[html.index("History") :]
    assert "Status changed from New to Contacted</strong>. Sam Price (demo)," in history
