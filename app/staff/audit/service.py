"""The audit trail: who looked at or changed what. Entries hold ids and codes, never personal data."""
from flask import current_app
from flask_login import current_user

from app.extensions import db
from app.staff.models import AuditEntry


def _staff_id() -> int | None:
    return current_user.id if getattr(current_user, "is_authenticated", False) else None


def record(action: str, object_type: str, object_ref: str | int | None = None, detail: str | None = None) -> AuditEntry:
    """Add an entry to the request's transaction: it is kept when the change it describes is committed."""
    entry = AuditEntry(staff_id=_staff_id(), action=action, object_type=object_type,
                       object_ref=None if object_ref is None else str(object_ref)[:64], detail=detail and detail[:200])
    db.session.add(entry)
    return entry


def record_now(action: str, object_type: str, object_ref: str | int | None = None, detail: str | None = None) -> None:
    """Add an entry in its own transaction, for views and refusals that commit nothing else."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        session.add(AuditEntry(staff_id=_staff_id(), action=action, object_type=object_type,
                               object_ref=None if object_ref is None else str(object_ref)[:64], detail=detail and detail[:200]))
        session.commit()
