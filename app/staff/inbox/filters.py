"""The inbox filters, read from the address: the inbox and the CSV export share them.

A value that is not one of ours (a typo, an old bookmark, a changed link) never causes an error: the
filter is left out and the page says so in plain words, keeping what was typed in the box."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, func, or_

from app.clock import UK
from app.referrals.models import STATUSES, Referral
from app.staff.overdue import overdue_condition
from app.staff.words import AGE_BANDS, LADDER_STEPS

LAST_YEAR = 9998  # a day can be added to any date up to here
FILTER_NAMES = ("q", "status", "service", "step", "age", "from", "to", "overdue", "mine")
SEARCH_LENGTH = 100  # letters kept of a search


@dataclass
class InboxFilters:
    search: str | None = None  # a name or a reference
    status: str | None = None
    service: str | None = None
    step: str | None = None
    age: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    mine: int | None = None  # the id of the member of staff whose referrals these are
    page: int = 1
    typed: dict[str, str] = field(default_factory=dict)  # what was sent, to show again in the form
    problems: dict[str, str] = field(default_factory=dict)  # filter name -> message

    def args(self) -> dict[str, str]:
        """The filters in force, as address arguments (for page links and the CSV link)."""
        values = {
            "q": self.search,
            "status": self.status,
            "service": self.service,
            "step": self.step,
            "age": self.age,
            "from": self.date_from and self.date_from.isoformat(),
            "to": self.date_to and self.date_to.isoformat(),
            "overdue": "1" if self.overdue else None,
            "mine": "1" if self.mine else None,
        }
        return {name: value for name, value in values.items() if value}

    @property
    def any(self) -> bool:
        return bool(self.args())


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def parse_filters(args: Mapping[str, str], services: set[str], staff_id: int | None = None) -> InboxFilters:
    """Read the filters; services are the service ids this member of staff may filter by, and staff_id
    is theirs (for "my referrals")."""
    typed = {name: (args.get(name) or "").strip()[:SEARCH_LENGTH] for name in (*FILTER_NAMES, "page")}
    found = InboxFilters(typed=typed)
    found.search = " ".join(typed["q"].split()) or None
    if typed["mine"] not in ("", "1"):
        found.problems["mine"] = "We did not know that choice, so we left it out."
    found.mine = staff_id if typed["mine"] == "1" else None
    choices = {"status": set(STATUSES), "service": services, "step": set(LADDER_STEPS), "age": set(AGE_BANDS)}
    for name, allowed in choices.items():
        value = typed[name]
        if value and value in allowed:
            setattr(found, name, value)
        elif value:
            found.problems[name] = "We did not know that choice, so we left it out."
    for name, attribute in (("from", "date_from"), ("to", "date_to")):
        if typed[name]:
            day = _day(typed[name])
            if day is None:
                found.problems[name] = "Write the date like 2026-11-27 (year, month, day). We left this date out."
            elif day.year > LAST_YEAR:
                found.problems[name] = f"Choose a date in {LAST_YEAR} or before. We left this date out."
            else:
                setattr(found, attribute, day)
    if found.date_from and found.date_to and found.date_from > found.date_to:
        found.problems["to"] = "The 'to' date is before the 'from' date, so we left it out."
        found.date_to = None
    if typed["overdue"] not in ("", "1"):
        found.problems["overdue"] = "We did not know that choice, so we left it out."
    found.overdue = typed["overdue"] == "1"
    if typed["page"]:
        found.page = (
            int(typed["page"])
            if typed["page"].isascii() and typed["page"].isdigit() and 0 < int(typed["page"]) < 100_000
            else 1
        )
    return found


def _start_of(day: date) -> datetime:
    """Midnight at the start of a UK day, in UTC (SQLite keeps times in UTC without their zone)."""
    return datetime.combine(day, time.min, tzinfo=UK).astimezone(UTC)


def _like(text: str) -> str:
    """A LIKE pattern that finds the text anywhere, with LIKE's own characters taken as they are."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def apply_filters(query: Select, filters: InboxFilters, today: date) -> Select:
    """Narrow a referral query to the filters in force."""
    if filters.search:
        reference = filters.search.upper().replace(" ", "").replace("-", "")
        query = query.where(
            or_(
                func.replace(Referral.reference, "-", "") == reference,
                func.lower(Referral.person_name).like(_like(filters.search.lower()), escape="\\"),
            )
        )
    if filters.mine:
        query = query.where(Referral.assigned_to_id == filters.mine)
    if filters.status:
        query = query.where(Referral.status == filters.status)
    if filters.service:
        query = query.where(Referral.service_id == filters.service)
    if filters.step:
        query = query.where(Referral.ladder_step == filters.step)
    if filters.age:
        query = query.where(Referral.age_band == filters.age)
    if filters.date_from:
        query = query.where(Referral.created_at >= _start_of(filters.date_from))
    if filters.date_to:
        query = query.where(Referral.created_at < _start_of(filters.date_to + timedelta(days=1)))
    if filters.overdue:
        query = query.where(overdue_condition(today))
    return query
