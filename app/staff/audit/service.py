"""The audit trail: recording who looked at or changed what, and reading it a page at a time. Entries hold
ids and codes, never personal data."""

from flask import current_app
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.extensions import db
from app.staff.audit.filters import AuditFilters
from app.staff.models import AuditEntry, StaffUser
from app.staff.paging import Page, page_of


def current_staff_id() -> int | None:
    """The signed-in member of staff's id, or None."""
    return current_user.id if getattr(current_user, "is_authenticated", False) else None


def record_for(
    session: Session,
    staff_id: int | None,
    action: str,
    object_type: str,
    object_ref: str | int | None = None,
    detail: str | None = None,
) -> AuditEntry:
    """Add an entry to this session's transaction, by this member of staff (None: nobody signed in, or a command)."""
    entry = AuditEntry(
        staff_id=staff_id,
        action=action,
        object_type=object_type,
        object_ref=None if object_ref is None else str(object_ref)[:64],
        detail=detail and detail[:200],
    )
    session.add(entry)
    return entry


def record(action: str, object_type: str, object_ref: str | int | None = None, detail: str | None = None) -> AuditEntry:
    """Add an entry to the request's transaction: it is kept when the change it describes is committed."""
    return record_for(db.session, current_staff_id(), action, object_type, object_ref, detail)


def audit_change(reference: str, detail: str) -> None:
    """An audit entry for a change to a referral, in the change's own transaction."""
    record("change", "referral", reference, detail)


def record_now(action: str, object_type: str, object_ref: str | int | None = None, detail: str | None = None) -> None:
    """Add an entry in its own transaction, for views and refusals that commit nothing else."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        record_for(session, current_staff_id(), action, object_type, object_ref, detail)
        session.commit()


def staff_and_actions(session: Session) -> tuple[list[StaffUser], list[str]]:
    """Every member of staff by name, and every action in the trail, for the audit page's choices."""
    staff = list(session.scalars(select(StaffUser).order_by(StaffUser.name)))
    actions = sorted(session.scalars(select(AuditEntry.action).distinct()))
    return staff, actions


def entries_page(session: Session, filters: AuditFilters, size: int) -> Page:
    """One page of the entries these filters ask for, newest first."""
    query = select(AuditEntry)
    if filters.staff:
        query = query.where(AuditEntry.staff_id == filters.staff)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.object:
        query = query.where(func.upper(AuditEntry.object_ref) == filters.object.upper())
    return page_of(session, query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()), filters.page, size)
