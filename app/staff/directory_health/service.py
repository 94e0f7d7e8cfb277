"""The directory health page's work: the audit of every stored service, counted by rule, a page at a time."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from math import ceil

from sqlalchemy.orm import Session

from app.pathways.health import RULES, Finding, counts
from app.pathways.health_records import audit_directory
from app.staff.paging import Page

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


def directory_health(session: Session, filters: HealthFilters, size: int) -> Health:
    """Counts for every rule, and the asked-for page of findings (of one rule, or all), in service name order."""
    findings = audit_directory(session)
    shown = [f for f in findings if f.rule == filters.rule] if filters.rule else findings
    return Health(len({f.service_id for f in findings}), counts(findings), page_of_list(shown, filters.page, size))


def page_of_list(items: list[Finding], asked: int, size: int) -> Page:
    """The asked-for page of a list (the last page when asked for one past it)."""
    pages = max(1, ceil(len(items) / size))
    number = min(max(asked, 1), pages)
    return Page(items[(number - 1) * size : number * size], number, pages, len(items), size)
