"""`flask data purge`: each rule with rows just inside and just outside its limit, the dry run, and logs."""

import logging
import os
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import create_app
from app.checklists.models import ChecklistAnswer, ChecklistSession, ShareLink
from app.journeys.models import JourneyDraft
from app.migrate import upgrade
from app.outbox.models import OutboxMessage
from app.purge import purge
from app.ratelimit import RateLimit
from app.referrals.models import JobStart, Referral, ReferralEvent, ReferralNote
from app.staff.models import PasswordReset, Pupil, School, SignInLink, StaffUser
from tests.db.conftest import _empty_postgres

NOW = datetime.now(UTC)
HOUR = timedelta(hours=1)
# Everything a person could be found by. None of it may be left in a purged row, or appear in a log.
PERSONAL = {
    "person_name": "Robin Keepsake",
    "email": "robin.keepsake@example.org",
    "phone": "07700 900123",
    "address": "1 Harbour Row, Sandbridge",
    "area": "SB1 2AB",
    "message": "Robin likes the early shift",
    "interpreter_language": "Polish",
    "asker_name": "Morgan Keepsake",
    "asker_email": "morgan.keepsake@example.org",
    "asker_role": "Transition lead",
    "asker_organisation": "Keepsake Academy",
    "parent_consent_name": "Morgan Keepsake",
}
PUPIL_NAME = "Casey Oldpupil"
NOTE = "Rang Robin Keepsake on Tuesday"


@pytest.fixture
def bare_app(tmp_path):
    """An app on a migrated database with no demo data: every row here is one a test made.
    On PostgreSQL (TEST_DATABASE_URL) the database is emptied first."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        _empty_postgres(url)
    app = create_app({"APP_ENV": "test", "AUDIO_DIR": str(tmp_path / "audio")})
    upgrade(app)
    return app


def _session(app):
    return app.extensions["database"]["factory"]()


def add_referral(
    session,
    reference: str,
    last_change: datetime,
    status_changed: datetime | None = None,
    checklist: ChecklistSession | None = None,
) -> Referral:
    referral = Referral(
        reference=reference,
        idempotency_key=reference,
        created_at=last_change - timedelta(days=30),
        updated_at=last_change,
        status="closed",
        status_changed_at=status_changed or last_change,
        contact_due_on=date(2020, 1, 10),
        service_id="service-1",
        service_name="Supported employment",
        organization_id="org-1",
        ladder_step="supported-employment",
        age_band="19-25",
        asker="professional",
        professional_kind="school",
        date_of_birth=date(2005, 4, 1),
        age=19,
        contact_methods=["email", "phone"],
        contact_times=["morning"],
        needs=["easy-read", "interpreter"],
        consent_at=last_change - timedelta(days=30),
        plan={"strengths": ["Robin is kind"]},
        checklist_session_id=checklist.id if checklist else None,
        **PERSONAL,
    )
    session.add(referral)
    session.flush()
    session.add(ReferralNote(referral_id=referral.id, text=NOTE))
    session.add(ReferralEvent(referral_id=referral.id, kind="created", to_status="new"))
    session.add(
        JobStart(
            referral_id=referral.id,
            employer="Bay Foods",
            job_title="Shelf filler",
            start_date=date(2021, 3, 1),
            hours_per_week=Decimal("16.5"),
            hourly_pay=Decimal("11.44"),
            paid=True,
        )
    )
    return referral


def add_checklist(session, expires_at: datetime, code: str) -> ChecklistSession:
    record = ChecklistSession(code_hash=code, expires_at=expires_at)
    session.add(record)
    session.flush()
    session.add(
        ChecklistAnswer(
            session_id=record.id, checklist_id="my-work-dreams", step_id="dream-job", text="Robin wants to bake"
        )
    )
    session.add(ShareLink(session_id=record.id, token_hash=f"share-{code}", expires_at=expires_at))
    return record


def add_message(session, status: str, sent_at: datetime | None = None, created_at: datetime = NOW) -> OutboxMessage:
    message = OutboxMessage(
        kind="new-referral",
        to_address=PERSONAL["email"],
        subject="New request",
        body="Body",
        status=status,
        sent_at=sent_at,
        created_at=created_at,
        next_attempt_at=created_at,
    )
    session.add(message)
    return message


@pytest.fixture
def rows(bare_app) -> dict:
    """Rows on both sides of every limit. Names say what should happen to each."""
    keep_days = timedelta(days=bare_app.config["REFERRAL_KEEP_DAYS"])
    pupil_days = timedelta(days=bare_app.config["CHECKLIST_DAYS"])
    with _session(bare_app) as session:
        school = School(name="School")
        staff = StaffUser(email="staff@example.org", name="Staff", password_hash="x", role="school", school=school)
        session.add(staff)
        session.flush()
        checklists = {
            "expired": add_checklist(session, NOW - HOUR, "expired"),
            "live": add_checklist(session, NOW + HOUR, "live"),
            "expired-with-kept-referral": add_checklist(session, NOW - HOUR, "kept-link"),
            "expired-with-purged-referral": add_checklist(session, NOW - HOUR, "purged-link"),
        }
        referrals = {
            "purged": add_referral(
                session, "PURG-ED11", NOW - keep_days - HOUR, checklist=checklists["expired-with-purged-referral"]
            ),
            "kept": add_referral(
                session, "KEPT-0001", NOW - keep_days + HOUR, checklist=checklists["expired-with-kept-referral"]
            ),
            "kept-status-changed": add_referral(
                session, "KEPT-0002", NOW - keep_days - HOUR, status_changed=NOW - keep_days + HOUR
            ),
        }
        pupils = {
            "old-checklist-gone": Pupil(
                checklist_session_id=checklists["expired"].id, created_at=NOW - pupil_days - HOUR
            ),
            "old-no-checklist": Pupil(checklist_session_id=None, created_at=NOW - pupil_days - HOUR),
            "old-checklist-live": Pupil(checklist_session_id=checklists["live"].id, created_at=NOW - pupil_days - HOUR),
            "young-no-checklist": Pupil(checklist_session_id=None, created_at=NOW - pupil_days + HOUR),
        }
        for pupil in pupils.values():
            pupil.school, pupil.pupil_name, pupil.year_group = school, PUPIL_NAME, "Year 11"
            pupil.consent_by, pupil.consent_at, pupil.created_by_id = "pupil", NOW, staff.id
            session.add(pupil)
        messages = {
            "sent-31-days-ago": add_message(session, "sent", NOW - timedelta(days=31)),
            "sent-29-days-ago": add_message(session, "sent", NOW - timedelta(days=29)),
            "queued-old": add_message(session, "queued", created_at=NOW - timedelta(days=90)),
            "failed-old": add_message(session, "failed", created_at=NOW - timedelta(days=90)),
        }
        resets = {
            "expired-25-hours-ago": PasswordReset(token_hash="r1", expires_at=NOW - 25 * HOUR),
            "expired-23-hours-ago": PasswordReset(token_hash="r2", expires_at=NOW - 23 * HOUR),
            "used-25-hours-ago": PasswordReset(token_hash="r3", expires_at=NOW + HOUR, used_at=NOW - 25 * HOUR),
            "used-23-hours-ago": PasswordReset(token_hash="r4", expires_at=NOW - 22 * HOUR, used_at=NOW - 23 * HOUR),
        }
        links = {
            "expired-25-hours-ago": SignInLink(token_hash="s1", expires_at=NOW - 25 * HOUR),
            "expired-23-hours-ago": SignInLink(token_hash="s2", expires_at=NOW - 23 * HOUR),
            "used-25-hours-ago": SignInLink(token_hash="s3", expires_at=NOW + HOUR, used_at=NOW - 25 * HOUR),
        }
        for reset in [*resets.values(), *links.values()]:
            reset.staff_id = staff.id
            session.add(reset)
        limits = {
            "window-25-hours-ago": RateLimit(key="old", window_start=NOW - 25 * HOUR, count=3),
            "window-23-hours-ago": RateLimit(key="recent", window_start=NOW - 23 * HOUR, count=3),
        }
        session.add_all(limits.values())
        session.commit()
        found = {
            "checklists": checklists,
            "referrals": referrals,
            "pupils": pupils,
            "messages": messages,
            "resets": resets,
            "links": links,
            "limits": limits,
        }
        return {
            group: {name: row.id if hasattr(row, "id") else row.key for name, row in named.items()}
            for group, named in found.items()
        }


def surviving(app, column) -> set:
    with _session(app) as session:
        return set(session.scalars(select(column)))


def test_each_rule_removes_what_is_just_past_its_limit_and_keeps_what_is_just_inside(bare_app, rows):
    counts = purge(bare_app, now=NOW)
    assert (
        counts.referrals,
        counts.notes,
        counts.checklists,
        counts.pupils,
        counts.messages,
        counts.password_resets,
        counts.sign_in_links,
        counts.rate_limits,
    ) == (1, 1, 2, 2, 1, 2, 2, 1)

    with _session(bare_app) as session:
        purged = session.get(Referral, rows["referrals"]["purged"])
        for field in PERSONAL:
            assert getattr(purged, field) is None, field
        assert purged.date_of_birth is None and purged.age is None and purged.plan is None
        assert purged.contact_methods == [] and purged.contact_times == [] and purged.checklist_session_id is None
        assert purged.personal_data_removed_at is not None
        # What the council's figures need is kept.
        assert (
            purged.reference,
            purged.service_id,
            purged.status,
            purged.ladder_step,
            purged.age_band,
            purged.asker,
            purged.professional_kind,
            purged.needs,
        ) == (
            "PURG-ED11",
            "service-1",
            "closed",
            "supported-employment",
            "19-25",
            "professional",
            "school",
            ["easy-read", "interpreter"],
        )
        [job] = purged.jobs
        assert (job.hours_per_week, job.start_date, job.employer, job.paid) == (
            Decimal("16.5"),
            date(2021, 3, 1),
            "Bay Foods",
            True,
        )
        assert len(purged.events) == 1 and purged.notes == []
        for name in ("kept", "kept-status-changed"):
            kept = session.get(Referral, rows["referrals"][name])
            assert kept.person_name == PERSONAL["person_name"] and kept.personal_data_removed_at is None
            assert [note.text for note in kept.notes] == [NOTE]
        assert (
            session.get(Referral, rows["referrals"]["kept"]).checklist_session_id
            == rows["checklists"]["expired-with-kept-referral"]
        )

    ids = rows["checklists"]
    assert surviving(bare_app, ChecklistSession.id) == {ids["live"], ids["expired-with-kept-referral"]}
    assert surviving(bare_app, ChecklistAnswer.session_id) == {ids["live"], ids["expired-with-kept-referral"]}
    assert surviving(bare_app, ShareLink.session_id) == {ids["live"], ids["expired-with-kept-referral"]}
    ids = rows["pupils"]
    assert surviving(bare_app, Pupil.id) == {ids["old-checklist-live"], ids["young-no-checklist"]}
    ids = rows["messages"]
    assert surviving(bare_app, OutboxMessage.id) == {ids["sent-29-days-ago"], ids["queued-old"], ids["failed-old"]}
    ids = rows["resets"]
    assert surviving(bare_app, PasswordReset.id) == {ids["expired-23-hours-ago"], ids["used-23-hours-ago"]}
    assert surviving(bare_app, SignInLink.id) == {rows["links"]["expired-23-hours-ago"]}
    assert surviving(bare_app, RateLimit.key) == {"recent"}

    again = purge(bare_app, now=NOW)
    assert again.summary() == (
        "Removed personal data from 0 referrals (and deleted 0 notes, emptied 0 feedback answers); deleted 0 checklists, 0 pupils, "
        "0 sent messages, 0 password resets, 0 sign-in links, 0 square-code links, 0 drafts, 0 rate-limit counts and 0 typed audio clips."
    )


def _snapshot(app) -> dict:
    with _session(app) as session:
        tables = {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (
                Referral,
                ReferralNote,
                ChecklistSession,
                ChecklistAnswer,
                ShareLink,
                Pupil,
                OutboxMessage,
                PasswordReset,
                SignInLink,
                RateLimit,
            )
        }
        people = sorted(
            (r.reference, r.person_name, r.email, r.personal_data_removed_at) for r in session.scalars(select(Referral))
        )
        return {"tables": tables, "people": people}


def test_the_dry_run_counts_the_same_and_changes_nothing(bare_app, rows):
    before = _snapshot(bare_app)
    result = bare_app.test_cli_runner().invoke(args=["data", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Dry run, nothing changed. Would remove personal data from 1 referral (and would delete 1 note, "
        "would empty 0 feedback answers); "
        "would delete 2 checklists, 2 pupils, 1 sent message, 2 password resets, 2 sign-in links, 0 square-code links, 0 drafts, "
        "1 rate-limit count and 0 typed audio clips."
    )
    assert _snapshot(bare_app) == before
    real = bare_app.test_cli_runner().invoke(args=["data", "purge"])
    assert real.output.strip() == (
        "Removed personal data from 1 referral (and deleted 1 note, emptied 0 feedback answers); "
        "deleted 2 checklists, 2 pupils, 1 sent message, 2 password resets, 2 sign-in links, 0 square-code links, 0 drafts, "
        "1 rate-limit count and 0 typed audio clips."
    )
    assert _snapshot(bare_app) != before


def test_the_logs_hold_counts_and_no_personal_data(bare_app, rows, caplog):
    with caplog.at_level(logging.DEBUG, logger="app"), caplog.at_level(logging.INFO):
        bare_app.test_cli_runner().invoke(args=["data", "purge", "--dry-run"])
        bare_app.test_cli_runner().invoke(args=["data", "purge"])
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Data purge: Removed personal data from 1 referral" in logged
    for words in (*PERSONAL.values(), PUPIL_NAME, NOTE, "Robin", "Keepsake", "PURG-ED11"):
        assert words not in logged


def test_drafts_go_once_they_expire_with_their_answers_and_live_ones_stay(bare_app):
    with _session(bare_app) as session:
        for name, expires in (("expired", NOW - timedelta(minutes=1)), ("live", NOW + timedelta(minutes=1))):
            session.add(
                JourneyDraft(
                    token_hash=f"hash-{name}",
                    journey="ask-for-help",
                    data={"answers": {"person_name": PERSONAL["person_name"]}},
                    idempotency_key=f"key-{name}",
                    expires_at=expires,
                )
            )
        session.commit()
    assert purge(bare_app, now=NOW, dry_run=True).drafts == 1
    assert surviving(bare_app, JourneyDraft.token_hash) == {"hash-expired", "hash-live"}
    counts = purge(bare_app, now=NOW)
    assert counts.drafts == 1 and "1 draft," in counts.summary()
    assert surviving(bare_app, JourneyDraft.token_hash) == {"hash-live"}
