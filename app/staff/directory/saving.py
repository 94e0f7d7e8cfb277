"""The one way a staff change to a service ends: its audit entry, its directory health findings worked out
again from what is now stored, and one commit, so the change and its findings are never apart."""

from sqlalchemy.orm import Session

from app.pathways.health_store import refresh_findings
from app.pathways.models import Service
from app.staff.audit.service import record_for


def finish_change(session: Session, service: Service, staff_id: int, detail: str) -> None:
    """Record who changed the service and how, store its findings again, and commit."""
    record_for(session, staff_id, "change", "service", service.id, detail)
    refresh_findings(session, [service.id])
    session.commit()
