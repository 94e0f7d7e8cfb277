"""Finding and erasing a person's data on SQLite and on PostgreSQL: the phone, email and name comparisons and
the one-transaction erasure (referrals, notes, messages, checklists, pupil, audit entry) work the same on both."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.checklists.models import ChecklistAnswer, ChecklistSession
from app.outbox.models import OutboxMessage
from app.referrals.models import ReferralNote
from app.staff.models import AuditEntry, Pupil
from app.staff.privacy import service
from tests.functional.test_personal_data_requests import (
    NOTE,
    OTHER,
    add_message,
    add_note,
    link_checklists,
    person,
    signposted_copy,
)
from tests.staff_builders import make_referral, referral, session_for


@pytest.mark.parametrize(
    "wanted",
    [
        service.Wanted(email="Morwenna.Demo@EXAMPLE.org"),
        service.Wanted(phone="+44 1632 960 777"),
        service.Wanted(phone="01632-960-777"),
        service.Wanted(name="MORWENNA fields (demo)", date_of_birth=date(1989, 2, 14)),
    ],
    ids=["email", "phone-international", "phone-dashes", "name-and-birth"],
)
def test_each_key_finds_the_person_and_nobody_else(site, wanted):
    morwenna = person(site)
    make_referral(site, **OTHER)
    with site.app_context(), session_for(site) as session:
        assert [match.referral.reference for match in service.find(session, wanted)] == [morwenna]


def test_the_erasure_reaches_everything_linked_in_one_transaction(site):
    morwenna = person(site)
    rhodri = make_referral(site, **OTHER)
    add_note(site, morwenna, NOTE)
    add_message(site, morwenna)
    add_message(site, rhodri)
    checklists_id = link_checklists(site, morwenna)
    copy = signposted_copy(site, morwenna)
    with site.app_context(), session_for(site) as session:
        counts = service.erase(session, service.record_of(session, morwenna), None)
    assert counts == {
        "referrals": 2,
        "notes": 1,
        "messages": 1,
        "checklists": 1,
        "answers": 3,  # the first name is an answer too
        "share-links": 1,
        "pupils": 1,
        "drafts": 0,
    }
    assert referral(site, morwenna).person_name is None and referral(site, copy).phone is None
    assert referral(site, rhodri).person_name == OTHER["person_name"]
    with session_for(site) as session:
        count = lambda model, *where: session.scalar(select(func.count()).select_from(model).where(*where))  # noqa: E731
        assert count(ReferralNote, ReferralNote.text == NOTE) == 0
        assert count(OutboxMessage, OutboxMessage.subject == f"New request for help: {morwenna}") == 0
        assert count(OutboxMessage, OutboxMessage.subject == f"New request for help: {rhodri}") == 1
        assert count(ChecklistSession, ChecklistSession.id == checklists_id) == 0
        assert count(ChecklistAnswer, ChecklistAnswer.session_id == checklists_id) == 0
        assert count(Pupil, Pupil.pupil_name == "Morwenna Fields (demo)") == 0
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase"))
    assert entry.detail == service.audit_words(counts)
