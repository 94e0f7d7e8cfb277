"""Directory health, stored: the content audit's findings kept per service and worked out again for exactly
the services that change (an import, a pull, a staff edit), so the staff page reads rows instead of auditing
the whole directory on every view. The rules stay in one place, app/pathways/health.py.

A finding that waits for a date (details checked more than 3 months ago) is stored with the day it starts
to apply, and the page asks for the findings that apply today, so it never goes stale while stored.
"""

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock
from app.pathways.health import Finding, applies, audit_lasting
from app.pathways.health_records import BATCH, audit_directory, stored_records
from app.pathways.models import HealthChecked, HealthFinding, Service
from app.pathways.text import fold

ROWS = 1_000  # finding rows written at a time


def refresh_findings(session: Session, service_ids: Iterable[str], now: datetime | None = None) -> list[Finding]:
    """Work out these services' findings again and store them, inside the caller's transaction (which
    commits). A service that is gone keeps nothing. Gives the findings that apply today."""
    ids = list(dict.fromkeys(service_ids))
    in_order = sorted(ids)  # two refreshes lock the same services in the same order
    for start in range(0, len(ids), BATCH):
        part = in_order[start : start + BATCH]
        # On PostgreSQL, a refresh of the same service at the same moment waits for this one to commit, so
        # it replaces these rows instead of adding to them (SQLite has one writer at a time anyway).
        session.execute(select(Service.id).where(Service.id.in_(part)).order_by(Service.id).with_for_update())
        session.execute(delete(HealthFinding).where(HealthFinding.service_id.in_(part)))
        session.execute(delete(HealthChecked).where(HealthChecked.service_id.in_(part)))
    return _store(session, stored_records(session, ids), now or clock.now())


def store_directory(session: Session, now: datetime | None = None) -> list[Finding]:
    """Audit every service and store what is found in place of everything stored before, in one
    transaction (`flask directory audit`); commits. Gives the findings that apply today, in name order."""
    session.execute(delete(HealthFinding))
    session.execute(delete(HealthChecked))
    found = _store(session, stored_records(session), now or clock.now())
    session.commit()
    return found


def audit_after_import(session: Session, service_ids: Iterable[str]) -> list[Finding]:
    """The hook after an import or a pull has committed: store the findings for the services it wrote, and
    for the other services of their organisations (whose email and website the audit reads too); give the
    findings of the services it wrote that apply today."""
    ids = list(dict.fromkeys(service_ids))
    try:
        found = refresh_findings(session, ids + _same_organisations(session, ids))
        session.commit()
    except SQLAlchemyError:  # what was imported stays; the page audits services never audited
        session.rollback()
        return audit_directory(session, ids=ids)
    wanted = set(ids)
    return [finding for finding in found if finding.service_id in wanted]


def _same_organisations(session: Session, ids: list[str]) -> list[str]:
    wanted, others = set(ids), set()
    for start in range(0, len(ids), BATCH):
        organisations = select(Service.organization_id).where(Service.id.in_(ids[start : start + BATCH]))
        others |= set(session.scalars(select(Service.id).where(Service.organization_id.in_(organisations))))
    return sorted(others - wanted)


def never_audited(session: Session, limit: int) -> list[str]:
    """Up to `limit` services, in name order, whose findings were never worked out (a database from before
    findings were stored, or a service written behind the app's back)."""
    query = (
        select(Service.id)
        .outerjoin(HealthChecked, HealthChecked.service_id == Service.id)
        .where(HealthChecked.service_id.is_(None))
        .order_by(Service.sort_name, Service.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def _store(session: Session, records: Iterator[dict], now: datetime) -> list[Finding]:
    today = clock.uk_time(now).date()
    found: list[Finding] = []
    rows: list[dict] = []
    checked: list[dict] = []
    for record in records:
        checked.append({"service_id": record["id"], "worked_out_at": now})
        sort_name = fold(record.get("name") or "")[:255]
        for position, (finding, starts) in enumerate(audit_lasting([record])):
            rows.append(_row(finding, starts, sort_name, position, now))
            if applies(starts, today):
                found.append(finding)
        if len(rows) >= ROWS or len(checked) >= ROWS:
            _write(session, rows, checked)
            rows, checked = [], []
    _write(session, rows, checked)
    return found


def _row(finding: Finding, starts: date | None, sort_name: str, position: int, now: datetime) -> dict:
    return {
        "service_id": finding.service_id,
        "sort_name": sort_name,
        "position": position,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "starts": starts,
        "worked_out_at": now,
    }


def _write(session: Session, rows: list[dict], checked: list[dict]) -> None:
    if rows:
        session.execute(insert(HealthFinding), rows)
    if checked:
        session.execute(insert(HealthChecked), checked)
