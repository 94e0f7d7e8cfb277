"""What staff do to a referral: move its status on, add a note, send it to another service.

Each function adds its rows to the caller's session and leaves the commit to the caller, so a change,
its history line, its audit entry and any message all go in one transaction. A status only moves if it
is still what the member of staff saw, so two people (or a double click) cannot both move it."""
import secrets
from datetime import datetime, timezone

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.outbox.models import enqueue
from app.pathways.models import Service
from app.referrals.models import Referral, ReferralEvent, ReferralNote
from app.referrals.service import new_referral_message, service_address, unused_reference
from app.staff.overdue import contact_due_on, today

NOTE_MAX = 2000  # characters

# The person's answers, consent and plan: what a signposted referral takes with it.
COPIED_FIELDS = (
    "lang", "age_band", "asker", "professional_kind", "asker_name", "asker_organisation", "asker_role", "asker_email",
    "person_name", "date_of_birth", "age", "area", "contact_methods", "phone", "email", "address", "contact_times",
    "needs", "interpreter_language", "message", "consent_at", "parent_consent_name", "parent_consent_at", "plan",
    "checklist_session_id",
)


def now() -> datetime:
    return datetime.now(timezone.utc)


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


def change_status(session: Session, referral: Referral, new: str, reason: str | None, staff_id: int | None) -> bool:
    """Move a referral to a new status (the rules are checked before, in workflow.check_change)."""
    old, at = referral.status, now()
    if not _move(session, referral, new, reason, at):
        return False
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="status",
                              from_status=old, to_status=new, detail=reason))
    return True


def add_note(session: Session, referral: Referral, text: str, staff_id: int | None) -> ReferralNote:
    """A note, and a line in the history that says one was added (without its words)."""
    at = now()
    note = ReferralNote(referral_id=referral.id, at=at, staff_id=staff_id, text=text)
    session.add(note)
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="note"))
    session.execute(update(Referral).where(Referral.id == referral.id).values(updated_at=at)
                    .execution_options(synchronize_session="fetch"))
    return note


def signpost(session: Session, referral: Referral, service: Service, reason: str, staff_id: int | None,
             settings: dict) -> Referral | None:
    """Send the person to another service: a new referral there, with the same answers, consent and plan,
    a message to that service, and this referral marked signposted. None if it was moved meanwhile."""
    at, old = now(), referral.status
    if not _move(session, referral, "signposted", None, at):
        return None
    new = Referral(
        reference=unused_reference(session), idempotency_key=f"signpost-{secrets.token_urlsafe(24)}",
        created_at=at, updated_at=at, status_changed_at=at, status="new",
        service_id=service.id, service_name=service.name, organization_id=service.organization_id,
        routed_to_council=False, ladder_step=service.ladder_step or referral.ladder_step,
        contact_due_on=contact_due_on(today(), settings["CONTACT_WITHIN_WORKING_DAYS"], settings["HOLIDAYS"]),
        signposted_from_id=referral.id,
        **{name: getattr(referral, name) for name in COPIED_FIELDS},
    )
    session.add(new)
    session.flush()
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="signposted",
                              from_status=old, to_status="signposted", detail=reason))
    session.add(ReferralEvent(referral_id=new.id, at=at, staff_id=staff_id, kind="created", to_status="new", detail="signposted"))
    enqueue(session, "new-referral", service_address(service), *new_referral_message(new), referral_id=new.id)
    return new
