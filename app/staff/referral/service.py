"""What staff do to a referral: move its status on, add a note, send it to another service, record a job
or an hours check-in.

Each function is one transaction and commits it: the change, its history line, its audit entry (through
the `audit` the route passes) and any message go in together, or, when the change cannot be made, nothing
does. A status only moves if it is still what the member of staff saw, so two people (or a double click)
cannot both move it."""
import secrets
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.clock import now
from app.outbox.models import enqueue
from app.pathways.models import Service
from app.referrals.fields import copied_fields
from app.referrals.models import HoursCheckIn, JobStart, Referral, ReferralEvent, ReferralNote
from app.referrals.service import new_referral_message, service_address, unused_reference
from app.staff.overdue import contact_due_on, today

NOTE_MAX = 2000  # characters

# Adds an audit entry for (reference, detail) to the same transaction.
Audit = Callable[[str, str], object]


def no_audit(reference: str, detail: str) -> None:
    return None


def _move(session: Session, referral: Referral, new: str, reason: str | None, at: datetime) -> bool:
    """Move the status on if nobody else has moved it since it was read. True when it moved."""
    old = referral.status
    values = {"status": new, "status_changed_at": at, "updated_at": at}
    if old == "new" and referral.contacted_at is None:
        values["contacted_at"] = at
    if new == "closed":
        values["closed_reason"] = reason
    moved = session.execute(update(Referral).where(Referral.id == referral.id, Referral.status == old).values(**values)
                            .execution_options(synchronize_session="fetch"))
    return moved.rowcount == 1


def change_status(session: Session, referral: Referral, new: str, reason: str | None, staff_id: int | None,
                  audit: Audit = no_audit) -> bool:
    """Move a referral to a new status (the rules are checked before, in workflow.check_change)."""
    old, at = referral.status, now()
    if not _move(session, referral, new, reason, at):
        session.rollback()
        return False
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="status",
                              from_status=old, to_status=new, detail=reason))
    audit(referral.reference, f"status:{new}" + (f":{reason}" if reason else ""))
    session.commit()
    return True


def add_note(session: Session, referral: Referral, text: str, staff_id: int | None,
             audit: Audit = no_audit) -> ReferralNote:
    """A note, and a line in the history that says one was added (without its words)."""
    at = now()
    note = ReferralNote(referral_id=referral.id, at=at, staff_id=staff_id, text=text)
    session.add(note)
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="note"))
    session.execute(update(Referral).where(Referral.id == referral.id).values(updated_at=at)
                    .execution_options(synchronize_session="fetch"))
    audit(referral.reference, "note")
    session.commit()
    return note


def signpost(session: Session, referral: Referral, service: Service, reason: str, staff_id: int | None,
             settings: dict, audit: Audit = no_audit) -> Referral | None:
    """Send the person to another service: a new referral there, with the fields the registry says are
    copied (answers, consent and plan), a message to that service, and this referral marked signposted.
    None if it was moved meanwhile."""
    at, old = now(), referral.status
    if not _move(session, referral, "signposted", None, at):
        session.rollback()
        return None
    new = Referral(
        reference=unused_reference(session), idempotency_key=f"signpost-{secrets.token_urlsafe(24)}",
        created_at=at, updated_at=at, status_changed_at=at, status="new",
        service_id=service.id, service_name=service.name, organization_id=service.organization_id,
        routed_to_council=False, ladder_step=service.ladder_step or referral.ladder_step,
        contact_due_on=contact_due_on(today(), settings["CONTACT_WITHIN_WORKING_DAYS"], settings["HOLIDAYS"]),
        signposted_from_id=referral.id,
        **{name: getattr(referral, name) for name in copied_fields()},
    )
    session.add(new)
    session.flush()
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="signposted",
                              from_status=old, to_status="signposted", detail=reason))
    session.add(ReferralEvent(referral_id=new.id, at=at, staff_id=staff_id, kind="created", to_status="new", detail="signposted"))
    enqueue(session, "new-referral", service_address(service), *new_referral_message(new), referral_id=new.id)
    audit(referral.reference, f"signposted:{new.reference}")
    audit(new.reference, f"created-from:{referral.reference}")
    session.commit()
    return new


def _outcome_saved(session: Session, referral: Referral, kind: str, staff_id: int | None, audit: Audit) -> None:
    """The history line and audit entry that go with a saved job or check-in, committed with it."""
    referral.updated_at = now()
    session.add(ReferralEvent(referral_id=referral.id, staff_id=staff_id, kind=kind))
    audit(referral.reference, kind)
    session.commit()


def record_job(session: Session, referral: Referral, values: dict, ended: JobStart | None, staff_id: int | None,
               audit: Audit = no_audit) -> JobStart:
    """A job start; for a job change, the job it replaces ends on the given end date."""
    if ended is not None:
        ended.end_date = values["end_date"]
    job = JobStart(referral_id=referral.id, employer=values["employer"], job_title=values["job_title"],
                   start_date=values["start_date"], hours_per_week=values["hours_per_week"],
                   hourly_pay=values["hourly_pay"], paid=values["paid"], created_by_id=staff_id)
    session.add(job)
    _outcome_saved(session, referral, "job-start", staff_id, audit)
    return job


def record_check_in(session: Session, referral: Referral, values: dict, staff_id: int | None,
                    audit: Audit = no_audit) -> HoursCheckIn:
    """Hours worked in each week of a period, for one of the referral's jobs."""
    check_in = HoursCheckIn(job_id=values["job_id"], period_start=values["period_start"], period_end=values["period_end"],
                            hours_per_week=values["hours_per_week"], created_by_id=staff_id)
    session.add(check_in)
    _outcome_saved(session, referral, "check-in", staff_id, audit)
    return check_in
