"""The directory health page's work: the stored findings of the content audit, counted by rule with one
grouped query, and a page at a time in service name order."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock
from app.pathways.health import RULES, Finding
from app.pathways.health_store import never_audited, refresh_findings
from app.pathways.models import HealthChecked, HealthFinding, Service
from app.staff.paging import Page, page_of

FILL = 500  # services never audited that one view audits and stores (a database from before findings were stored)

UNKNOWN_RULE = "We did not know that check, so we left it out. Choose from the list."


@dataclass
class HealthFilters:
    rule: str | None = None
    page: int = 1
    problems: dict[str, str] = field(default_factory=dict)

    def args(self) -> dict[str, str]:
        return {"rule": self.rule} if self.rule else {}


@dataclass(frozen=True)
class Health:
    services: int  # services with at least one finding
    counts: dict[str, int]  # rule -> findings, every rule
    findings: Page
    not_audited: int = 0  # services whose findings were never worked out, left out of the counts
    oldest: datetime | None = None  # when the longest-unchanged service's findings were worked out
    fill: int = 0  # services never audited that each view audits


def parse_filters(args: Mapping[str, str]) -> HealthFilters:
    """The check to show and the page, read from the address; a check that is not ours is left out."""
    found = HealthFilters()
    rule = (args.get("rule") or "").strip()
    if rule in RULES:
        found.rule = rule
    elif rule:
        found.problems["rule"] = UNKNOWN_RULE
    page = args.get("page") or ""
    found.page = int(page) if page.isascii() and page.isdigit() and 0 < int(page) < 100_000 else 1
    return found


def directory_health(session: Session, filters: HealthFilters, size: int, today: date | None = None) -> Health:
    """Counts for every rule, and the asked-for page of findings (of one rule, or all), in service name order,
    from the stored findings that apply today. Services never audited are audited first, FILL a view."""
    not_audited = _not_audited(session)
    if not_audited:
        fill_never_audited(session, FILL)
        not_audited = _not_audited(session)
    today = today or clock.today()
    applying = or_(HealthFinding.starts.is_(None), HealthFinding.starts <= today)
    found = dict.fromkeys(RULES, 0)
    stored = dict(
        session.execute(select(HealthFinding.rule, func.count()).where(applying).group_by(HealthFinding.rule)).all()
    )
    if set(stored) - set(RULES):  # stored by an older version of the rules: left out until `directory audit`
        applying = and_(applying, HealthFinding.rule.in_(list(RULES)))
    found |= {rule: number for rule, number in stored.items() if rule in RULES}
    services = session.scalar(select(func.count(func.distinct(HealthFinding.service_id))).where(applying)) or 0
    query = (
        select(HealthFinding.service_id, HealthFinding.rule, HealthFinding.message)
        .where(applying)
        .order_by(HealthFinding.sort_name, HealthFinding.service_id, HealthFinding.position)
    )
    if filters.rule:
        query = query.where(HealthFinding.rule == filters.rule)
    total = found[filters.rule] if filters.rule else sum(found.values())
    page = page_of(session, query, filters.page, size, total=total)
    shown = {service_id for service_id, _, _ in page.items}
    names = dict(session.execute(select(Service.id, Service.name).where(Service.id.in_(shown))).all()) if shown else {}
    items = [Finding(service_id, rule, message, names.get(service_id, "")) for service_id, rule, message in page.items]
    return Health(
        services,
        found,
        Page(items, page.number, page.pages, page.total, page.size),
        not_audited=not_audited,
        oldest=session.scalar(select(func.min(HealthChecked.worked_out_at))),
        fill=FILL,
    )


def _not_audited(session: Session) -> int:
    """Services whose findings were never worked out (every row in health_checked is a service's)."""
    services = session.scalar(select(func.count(Service.id))) or 0
    return services - (session.scalar(select(func.count(HealthChecked.service_id))) or 0)


def fill_never_audited(session: Session, limit: int) -> None:
    """Audit and store up to `limit` services that were never audited; commits. Another view doing the same
    at the same moment wins, and this one reads what it stored."""
    ids = never_audited(session, limit)
    if not ids:
        return
    try:
        refresh_findings(session, ids)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
