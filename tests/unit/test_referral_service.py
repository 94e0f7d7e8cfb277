"""Saving a request for help: one transaction, one message with no personal data, never twice for a key."""

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.outbox.models import OutboxMessage
from app.pathways.models import Service
from app.referrals import service as referral_service
from app.referrals.models import Referral, ReferralEvent
from app.referrals.reference import PATTERN
from app.referrals.routing import goes_to_council
from app.referrals.service import COUNCIL_TEAM_SERVICE_ID, age_band, create_referral
from app.referrals.views import destination

JOB_COACH = "5ec69b07-4433-591e-a591-34f8423d4d5d"  # can ask themselves; email supported-employment@example.org
PROJECT_SEARCH = "d3e44d29-a554-5026-a005-2178af9a9f44"  # a worker must refer
NOW = datetime(2026, 12, 23, 10, 0, tzinfo=UTC)  # a Wednesday, before Christmas


def a_draft(**overrides) -> dict:
    draft = {
        "service_id": JOB_COACH,
        "asker": "self",
        "person_name": "Alex Example",
        "date_of_birth": "2008-05-01",
        "area": "SB1 2AB",
        "contact_methods": ["phone"],
        "phone": "07700 900456",
        "contact_times": ["any-time"],
        "needs": ["bsl"],
        "message": "Mornings are best.",
        "consent_at": NOW.isoformat(),
        "lang": "cy",
    }
    return {**draft, **overrides}


def counts(db) -> tuple[int, int, int]:
    return tuple(db.scalar(select(func.count()).select_from(m)) for m in (Referral, ReferralEvent, OutboxMessage))


def test_a_referral_its_history_and_one_message_are_saved_together(db):
    before = counts(db)
    referral, made = create_referral(db, a_draft(), "key-" + "a" * 40, now=NOW)
    assert made and tuple(after - b for after, b in zip(counts(db), before)) == (1, 1, 1)
    assert re.fullmatch(PATTERN, referral.reference)
    assert referral.service_name == "Supported employment with a job coach" and not referral.routed_to_council
    assert referral.organization_id == db.get(Service, JOB_COACH).organization_id
    assert referral.ladder_step == "supported-employment" and referral.status == "new"
    assert referral.date_of_birth == date(2008, 5, 1) and referral.age == 18 and referral.age_band == "16-18"
    # 5 working days from Wednesday 23 December, skipping the weekend and the 25th and 28th.
    assert referral.contact_due_on == date(2027, 1, 4)
    [event] = referral.events
    assert (event.kind, event.to_status) == ("created", "new")
    message = db.scalar(select(OutboxMessage).where(OutboxMessage.referral_id == referral.id))
    assert message.kind == "new-referral" and message.status == "queued"
    assert message.to_address == "supported-employment@example.org"
    assert message.subject == f"New request for help: {referral.reference}"
    assert f"http://127.0.0.1:5000/staff/referrals/{referral.reference}" in message.body
    assert "Supported employment with a job coach" in message.body and "23 December 2026" in message.body
    for personal in ("Alex", "Example", "SB1", "07700", "Mornings", "2008"):
        assert personal not in message.body


def test_the_same_key_again_finds_the_first_and_makes_nothing(db):
    first, made = create_referral(db, a_draft(), "k" * 43, now=NOW)
    before = counts(db)
    second, made_again = create_referral(db, a_draft(person_name="Someone Else"), "k" * 43)
    assert made and not made_again and second.id == first.id and second.person_name == "Alex Example"
    assert counts(db) == before


def test_two_sends_at_the_same_moment_end_with_one_referral(app, db, monkeypatch):
    """The other request saved between our look-up and our commit: the unique key stops us, and we find theirs."""
    factory = app.extensions["database"]["factory"]
    with factory() as other:
        theirs, _ = create_referral(other, a_draft(), "race" + "r" * 40, now=NOW)
    real = referral_service.find_by_key
    calls = []

    def miss_the_first_time(session, key):
        calls.append(key)
        return None if len(calls) == 1 else real(session, key)

    monkeypatch.setattr(referral_service, "find_by_key", miss_the_first_time)
    before = counts(db)
    found, made = create_referral(db, a_draft(), "race" + "r" * 40, now=NOW)
    assert not made and found.reference == theirs.reference
    assert counts(db) == before


def test_a_reference_clash_tries_another(db, monkeypatch):
    existing, _ = create_referral(db, a_draft(), "first" + "f" * 40, now=NOW)
    fresh = iter([existing.reference] * 5 + ["WXYA-3469"])
    monkeypatch.setattr(referral_service, "new_reference", lambda: next(fresh))
    referral, made = create_referral(db, a_draft(), "second" + "s" * 40, now=NOW)
    assert made and referral.reference == "WXYA-3469"


def test_a_service_that_needs_a_worker_goes_to_the_council_team(app, db):
    referral, _ = create_referral(db, a_draft(service_id=PROJECT_SEARCH), "routed" + "r" * 40, now=NOW)
    assert referral.routed_to_council and referral.requested_service_id == PROJECT_SEARCH
    assert referral.service_id == PROJECT_SEARCH and referral.service_name == "Project SEARCH at Sandbridge Hospital"
    assert referral.organization_id == app.config["COUNCIL_ORGANIZATION_ID"]
    message = db.scalar(select(OutboxMessage).where(OutboxMessage.referral_id == referral.id))
    assert message.to_address == app.config["COUNCIL_TEAM_EMAIL"]
    assert "needs a referral from a worker" in message.body


def test_a_request_from_my_work_plan_goes_to_the_council_team(app, db):
    referral, _ = create_referral(db, a_draft(service_id=None, plan={"sections": []}), "plan" + "p" * 40, now=NOW)
    assert referral.service_id == COUNCIL_TEAM_SERVICE_ID and referral.requested_service_id is None
    assert referral.service_name == app.config["COUNCIL_TEAM_NAME"] and referral.routed_to_council
    assert referral.plan == {"sections": []}


def test_a_service_gone_from_the_directory_still_reaches_the_council_team(app, db):
    referral, _ = create_referral(db, a_draft(service_id="0" * 36), "gone" + "g" * 40, now=NOW)
    assert referral.routed_to_council and referral.requested_service_id == "0" * 36
    assert referral.organization_id == app.config["COUNCIL_ORGANIZATION_ID"]


def test_the_message_goes_to_the_organisation_when_the_service_has_no_email(app, db):
    service = db.get(Service, JOB_COACH)
    service.email = None
    db.commit()
    referral, _ = create_referral(db, a_draft(), "org" + "o" * 40, now=NOW)
    message = db.scalar(select(OutboxMessage).where(OutboxMessage.referral_id == referral.id))
    assert message.to_address == "works@example.org"
    service.organization.email = None
    db.commit()
    referral, _ = create_referral(db, a_draft(), "none" + "n" * 40, now=NOW)
    message = db.scalar(select(OutboxMessage).where(OutboxMessage.referral_id == referral.id))
    assert message.to_address == app.config["COUNCIL_TEAM_EMAIL"]


def test_only_answers_are_taken_from_the_draft(db):
    referral, _ = create_referral(
        db, a_draft(status="closed", organization_id="someone-else", reference="AAAA-AAAA"), "extra" + "e" * 40, now=NOW
    )
    assert referral.status == "new" and referral.organization_id != "someone-else" and referral.reference != "AAAA-AAAA"


@pytest.mark.parametrize(
    "age, band",
    [
        (None, None),
        (13, None),
        (14, "14-15"),
        (15, "14-15"),
        (16, "16-18"),
        (18, "16-18"),
        (19, "19-25"),
        (25, "19-25"),
        (26, "26-plus"),
        (80, "26-plus"),
    ],
)
def test_age_bands(age, band):
    assert age_band(age) == band


@pytest.mark.parametrize("service_id", [JOB_COACH, PROJECT_SEARCH, "0" * 36, None])
def test_the_pages_and_the_saved_referral_agree_on_where_a_request_goes(app, db, service_id):
    service = db.get(Service, service_id) if service_id else None
    with app.test_request_context():
        where = destination(service)
    referral, _ = create_referral(db, a_draft(service_id=service_id), f"agree-{service_id}", now=NOW)
    assert where.routed == referral.routed_to_council == goes_to_council(service)
