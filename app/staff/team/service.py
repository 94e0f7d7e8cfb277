"""How a team shares referrals: who is working on each one, and reopening a closed one. Each change
commits with its history line and audit entry in one transaction."""

from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.clock import now
from app.referrals.models import Referral, ReferralEvent
from app.staff.models import StaffUser
from app.staff.referral.service import Audit, no_audit


@dataclass(frozen=True)
class Team:
    """What the referral page shows about who is working on it, and whether it can be reopened."""

    worker: StaffUser | None
    choices: list[StaffUser]  # who it can be given to
    reopen_to: str | None  # the status a closed referral goes back to; None when it cannot be reopened


def assignable(session: Session, referral: Referral) -> list[StaffUser]:
    """Active staff who may see the referral: council admins, and provider staff of its organisation."""
    query = select(StaffUser).where(
        StaffUser.active.is_(True),
        or_(
            StaffUser.role == "council-admin",
            (StaffUser.role == "provider") & (StaffUser.organization_id == referral.organization_id),
        ),
    )
    return sorted(session.scalars(query), key=lambda user: (user.name.lower(), user.id))


def status_before_closing(referral: Referral) -> str | None:
    """The status a closed referral had before it was closed (None when it is not closed)."""
    if referral.status != "closed":
        return None
    closings = [e for e in referral.events if e.kind == "status" and e.to_status == "closed" and e.from_status]
    return max(closings, key=lambda e: (e.at, e.id)).from_status if closings else "contacted"


def team(session: Session, referral: Referral) -> Team:
    worker = session.get(StaffUser, referral.assigned_to_id) if referral.assigned_to_id else None
    return Team(worker, assignable(session, referral), status_before_closing(referral))


def assign(session: Session, referral: Referral, worker: StaffUser | None, by: int | None, audit: Audit = no_audit):
    """Give the referral to a member of staff, or to nobody."""
    referral.assigned_to_id = worker.id if worker else None
    referral.updated_at = now()
    session.add(
        ReferralEvent(referral_id=referral.id, staff_id=by, kind="assigned", detail=worker.name if worker else None)
    )
    audit(referral.reference, f"assigned:{worker.id if worker else 'nobody'}")
    session.commit()


def reopen(session: Session, referral: Referral, by: int | None, audit: Audit = no_audit) -> bool:
    """Move a closed referral back to the status it had before; False when someone changed it meanwhile."""
    back_to, at = status_before_closing(referral), now()
    if back_to is None:
        return False
    moved = session.execute(
        update(Referral)
        .where(Referral.id == referral.id, Referral.status == "closed")
        .values(status=back_to, closed_reason=None, status_changed_at=at, updated_at=at)
        .execution_options(synchronize_session="fetch")
    )
    if moved.rowcount != 1:
        session.rollback()
        return False
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            at=at,
            staff_id=by,
            kind="status",
            from_status="closed",
            to_status=back_to,
            detail="reopened",
        )
    )
    audit(referral.reference, f"reopened:{back_to}")
    session.commit()
    return True
