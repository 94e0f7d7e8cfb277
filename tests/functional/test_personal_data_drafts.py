"""Answers on the server that were not sent yet (journey drafts) are part of a person's data on request: a
council admin finds them with the person's record or by the keys alone, sees and exports them, and erases them
with the rest or on their own. Other people's drafts and drafts past their time are left to the purge."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import clock
from app.feedback.models import FeedbackRequest
from app.journeys.models import JourneyDraft
from tests.functional.test_personal_data_requests import OTHER, person, search
from tests.staff_builders import audit_entries, make_referral, referral, session_for

MORWENNA_EMAIL = "morwenna.demo@example.org"  # her referral's, in tests.functional.test_referral_fields


def add_draft(app, data: dict, journey="ask-for-help", hours=20, sent=False) -> int:
    now = clock.now()
    with session_for(app) as session:
        row = JourneyDraft(
            token_hash=f"hash-{len(json.dumps(data))}-{now.timestamp()}-{journey}-{hours}",
            journey=journey,
            data=data,
            idempotency_key=f"key-{now.timestamp()}-{json.dumps(data)[:20]}-{hours}",
            created_at=now,
            updated_at=now,
            expires_at=now + timedelta(hours=hours),
            sent_at=now if sent else None,
        )
        session.add(row)
        session.commit()
        return row.id


def asking(**answers) -> dict:
    return {"service_id": None, "answers": {"asker": "self", **answers}}


def drafts_left(app) -> set[int]:
    with session_for(app) as session:
        return set(session.scalars(select(JourneyDraft.id)))


@pytest.fixture
def morwenna(app):
    return person(app)


def test_her_unsent_answers_are_in_her_record_its_export_and_its_erasure(app, admin, morwenna):
    hers = add_draft(app, asking(email=" Morwenna.Demo@example.org ", message="I like painting."))
    by_phone = add_draft(app, asking(phone="+44 1632 960777"))
    by_name = add_draft(app, asking(person_name="MORWENNA  Fields (demo)", date_of_birth="1989-02-14"))
    sent = add_draft(app, {"sent": {"reference": morwenna, "due": "2026-12-10"}}, sent=True)
    rhodris = add_draft(app, asking(email=OTHER["email"], phone=OTHER["phone"]))
    same_name_other_birthday = add_draft(app, asking(person_name="Morwenna Fields (demo)", date_of_birth="1990-01-01"))
    old = add_draft(app, asking(email=MORWENNA_EMAIL), hours=-1)  # past its time: the purge's

    page = admin.get(f"/staff/personal-data/{morwenna}").get_data(as_text=True)
    assert "Answers not sent yet" in page and "I like painting." in page
    assert page.count("Ask for help: not sent") == 3 and "Ask for help: sent" in page
    exported = json.loads(admin.get(f"/staff/personal-data/{morwenna}/export.json").get_data(as_text=True))
    assert len(exported["answers_not_sent"]) == 4
    assert {"message": "I like painting."}.items() <= exported["answers_not_sent"][0]["answers"].items()
    assert "4 sets of answers not sent yet" in admin.get(f"/staff/personal-data/{morwenna}/erase").get_data(
        as_text=True
    )

    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    left = drafts_left(app)
    assert not {hers, by_phone, by_name, sent} & left
    assert {rhodris, same_name_other_birthday, old} <= left
    (entry,) = audit_entries(app, action="erase")
    assert entry.detail.endswith(" drafts=4")


def test_answers_sent_through_her_feedback_link_are_in_her_record(app, admin, morwenna):
    with session_for(app) as session:
        found = referral(app, morwenna)
        session.add(
            FeedbackRequest(
                referral_id=found.id,
                kind="person",
                point="first-contact",
                token_hash="her-feedback-link",
                expires_at=clock.now() + timedelta(days=10),
            )
        )
        session.commit()
    hers = add_draft(app, {"link": "her-feedback-link", "answers": {"anything_else": "The bus was late."}}, "feedback")
    someone_elses = add_draft(app, {"link": "another-link", "answers": {"anything_else": "Fine."}}, "feedback")
    page = admin.get(f"/staff/personal-data/{morwenna}").get_data(as_text=True)
    assert "Feedback: not sent" in page and "The bus was late." in page and "Fine." not in page
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    assert hers not in drafts_left(app) and someone_elses in drafts_left(app)


def test_unsent_answers_of_someone_with_no_referral_are_found_by_their_keys_and_deleted_on_request(app, admin):
    theirs = add_draft(app, asking(email="ffion.nodemo@example.org", person_name="Ffion (demo)", phone="07700 900999"))
    someone_elses = add_draft(app, asking(email="other.demo@example.org"))

    found = search(admin, email="FFION.nodemo@example.org").get_data(as_text=True)
    assert "was found. Check what you typed" in found and "Answers not sent yet" in found
    assert 'name="erase_unsent" value="yes" form="find-person"' in found
    assert found.count("Ask for help: not sent") == 1

    done = search(admin, phone="07700900999", erase_unsent="yes")
    html = done.get_data(as_text=True)
    assert done.status_code == 200 and "1 set of answers not sent yet was deleted." in html
    assert drafts_left(app) >= {someone_elses} and theirs not in drafts_left(app)
    (entry,) = audit_entries(app, object_type="drafts")
    assert (entry.action, entry.detail) == ("erase", "drafts=1")
    assert "ffion" not in " ".join(str(e.detail) for e in audit_entries(app)).lower()


def test_a_search_with_mistakes_deletes_nothing(app, admin):
    theirs = add_draft(app, asking(email="ffion.nodemo@example.org"))
    refused = search(admin, email="ffion.nodemo@", erase_unsent="yes")
    assert refused.status_code == 400 and theirs in drafts_left(app)


def test_nothing_else_is_counted_as_a_draft(app, admin):
    make_referral(app, **OTHER)
    with session_for(app) as session:
        before = session.scalar(select(func.count()).select_from(JourneyDraft))
    found = search(admin, email=OTHER["email"]).get_data(as_text=True)
    assert before == 0 and "Answers not sent yet" not in found
