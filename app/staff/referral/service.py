"""One referral's page and what staff do to it: read its notes, the people in its history, the referrals it
came from or was sent on to and the services it may go to; move its status on, add a note, send it to another
service. (Job starts and check-ins are recorded by app.staff.outcomes.service.)

Each function that changes the referral is one transaction and commits it: the change, its history line, its audit entry (through
the `audit` the route passes) and any message go in together, or, when the change cannot be made, nothing
does. A status only moves if it is still what the member of staff saw, so two people (or a double click)
cannot both move it."""

import secrets
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.clock import now, today
from app.feedback import service as feedback
from app.outbox.models import enqueue
from app.pathways.models import Service
from app.referrals.models import Referral, ReferralEvent, ReferralNote
from app.referrals.service import new_referral_message, service_address, unused_reference
from app.referrals.sharing import WAITING, ask_person, copied_at_once, record_answer
from app.staff.models import StaffUser
from app.staff.overdue import contact_due_on
from app.staff.scope import visible_referrals

NOTE_MAX = 2000  # characters

# Adds an audit entry for (reference, detail) to the same transaction.
Audit = Callable[[str, str], object]


def no_audit(reference: str, detail: str) -> None:
    return None


def notes_of(session: Session, referral: Referral) -> list[ReferralNote]:
    """The referral's notes, newest first."""
    return list(
        session.scalars(
            select(ReferralNote)
            .where(ReferralNote.referral_id == referral.id)
            .order_by(ReferralNote.at.desc(), ReferralNote.id.desc())
        )
    )


def staff_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    """The names of these members of staff, by id (None, for nobody, is left out)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(session.execute(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def links(session: Session, referral: Referral, user) -> tuple[Referral | None, list[Referral], set[int]]:
    """The referral this one came from, those it was sent on to, and which of them this user may open."""
    origin = session.get(Referral, referral.signposted_from_id) if referral.signposted_from_id else None
    onward = list(
        session.scalars(select(Referral).where(Referral.signposted_from_id == referral.id).order_by(Referral.id))
    )
    ids = [r.id for r in ([origin] if origin else []) + onward]
    visible = (
        set(session.scalars(visible_referrals(user).with_only_columns(Referral.id).where(Referral.id.in_(ids))))
        if ids
        else set()
    )
    return origin, onward, visible


def signpost_choices(session: Session, excluding: str) -> dict[str, list[Service]]:
    """The active services a referral may be sent on to (all but the one it is with), by organisation."""
    services = session.scalars(
        select(Service).where(Service.status == "active", Service.id != excluding).order_by(Service.sort_name)
    )
    groups: dict[str, list[Service]] = {}
    for service in sorted(services, key=lambda s: (s.organization.name.lower(), s.sort_name)):
        groups.setdefault(service.organization.name, []).append(service)
    return groups


def record_share_answer(
    session: Session, referral: Referral, agreed: bool, staff_id: int | None, audit: Audit = no_audit
) -> bool:
    """A worker records the person's answer from a call: agreeing copies their data to this referral."""
    return record_answer(session, referral, agreed, "worker", staff_id, audit)


def chosen_service(session: Session, service_id: str | None) -> Service | None:
    """The service picked in the signposting form, if there is one with that id."""
    return session.get(Service, service_id) if service_id else None


def _move(session: Session, referral: Referral, new: str, reason: str | None, at: datetime) -> bool:
    """Move the status on if nobody else has moved it since it was read. True when it moved."""
    old = referral.status
    values = {"status": new, "status_changed_at": at, "updated_at": at}
    if old == "new" and referral.contacted_at is None:
        values["contacted_at"] = at
    if new == "closed":
        values["closed_reason"] = reason
    moved = session.execute(
        update(Referral)
        .where(Referral.id == referral.id, Referral.status == old)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )
    return moved.rowcount == 1


def change_status(
    session: Session, referral: Referral, new: str, reason: str | None, staff_id: int | None, audit: Audit = no_audit
) -> bool:
    """Move a referral to a new status (the rules are checked before, in workflow.check_change)."""
    old, at = referral.status, now()
    if not _move(session, referral, new, reason, at):
        session.rollback()
        return False
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            at=at,
            staff_id=staff_id,
            kind="status",
            from_status=old,
            to_status=new,
            detail=reason,
        )
    )
    if new == "contacted":
        feedback.ask_person(session, referral, "contacted")
    audit(referral.reference, f"status:{new}" + (f":{reason}" if reason else ""))
    session.commit()
    return True


def add_note(
    session: Session, referral: Referral, text: str, staff_id: int | None, audit: Audit = no_audit
) -> ReferralNote:
    """A note, and a line in the history that says one was added (without its words)."""
    at = now()
    note = ReferralNote(referral_id=referral.id, at=at, staff_id=staff_id, text=text)
    session.add(note)
    session.add(ReferralEvent(referral_id=referral.id, at=at, staff_id=staff_id, kind="note"))
    session.execute(
        update(Referral)
        .where(Referral.id == referral.id)
        .values(updated_at=at)
        .execution_options(synchronize_session="fetch")
    )
    audit(referral.reference, "note")
    session.commit()
    return note


def signpost(
    session: Session,
    referral: Referral,
    service: Service,
    reason: str,
    staff_id: int | None,
    settings: dict,
    audit: Audit = no_audit,
) -> Referral | None:
    """Send the person to another service: a new referral there, a message to that service, a message asking
    the person to agree to share (when there is an email to ask them at), and this referral marked signposted.
    The new referral waits for the person's consent: until then it holds only the copied fields kept for the
    figures (app.referrals.sharing). None if it was moved meanwhile."""
    at, old = now(), referral.status
    if not _move(session, referral, "signposted", None, at):
        session.rollback()
        return None
    new = Referral(
        reference=unused_reference(session),
        idempotency_key=f"signpost-{secrets.token_urlsafe(24)}",
        created_at=at,
        updated_at=at,
        status_changed_at=at,
        status="new",
        service_id=service.id,
        service_name=service.name,
        organization_id=service.organization_id,
        routed_to_council=False,
        ladder_step=service.ladder_step or referral.ladder_step,
        contact_due_on=contact_due_on(today(), settings["CONTACT_WITHIN_WORKING_DAYS"], settings["HOLIDAYS"]),
        signposted_from_id=referral.id,
        share_consent=WAITING,
        **{name: getattr(referral, name) for name in copied_at_once()},
    )
    session.add(new)
    session.flush()
    ask_person(session, referral, new)
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            at=at,
            staff_id=staff_id,
            kind="signposted",
            from_status=old,
            to_status="signposted",
            detail=reason,
        )
    )
    session.add(
        ReferralEvent(
            referral_id=new.id, at=at, staff_id=staff_id, kind="created", to_status="new", detail="signposted"
        )
    )
    enqueue(session, "new-referral", service_address(service), *new_referral_message(new), referral_id=new.id)
    audit(referral.reference, f"signposted:{new.reference}")
    audit(new.reference, f"created-from:{referral.reference}")
    session.commit()
    return new
