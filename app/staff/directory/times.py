"""When one of the council's own services runs, as staff change it: a week of opening and closing times.

Each day with times becomes part of an HSDS 3.0 weekly schedule (`freq` WEEKLY, `byday`, `opens_at`,
`closes_at`), one schedule for each set of days with the same times, as a feed would carry them. A rule a week
cannot show (the first Wednesday of the month, every other week, dates it starts or ends) is kept as it is,
said in words, until staff remove it. A service pulled from another directory's feed is changed there."""

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.pathways.models import Schedule, Service
from app.pathways.schedule_words import DAYS
from app.staff.directory.saving import finish_change

# The fields of a rule other than its days and times: a schedule with any of them is more than a week.
MORE_THAN_A_WEEK = (
    "service_at_location_id",
    "location_id",
    "valid_from",
    "valid_to",
    "dtstart",
    "until",
    "count",
    "bymonthday",
    "byweekno",
    "byyearday",
    "schedule_link",
)
CLOCK = re.compile(r"([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?")


@dataclass(frozen=True)
class Week:
    """Opening and closing times ("09:30") for each day that has them, keyed by the iCal day ("MO"), and notes."""

    times: dict[str, tuple[str, str]]
    notes: str = ""


def clock_time(typed: str) -> str | None:
    """A time as a feed writes it ("09:30"), from "9", "9:30", "09.30" or "17:00"; None when it is not a time."""
    found = CLOCK.fullmatch(typed.strip())
    return f"{int(found.group(1)):02d}:{found.group(2) or '00'}" if found else None


def in_a_week(schedule: Schedule) -> bool:
    """Whether the week on the page says all this schedule says: every week, on plain days, with times."""
    days = (schedule.byday or "").split(",")
    return (
        (schedule.freq or "").upper() == "WEEKLY"
        and (schedule.interval or 1) == 1
        and all(day in DAYS for day in days)
        and bool(schedule.opens_at and schedule.closes_at)
        and not any(getattr(schedule, name) for name in MORE_THAN_A_WEEK)
    )


def split(service: Service) -> tuple[Week, list[Schedule]]:
    """The week the page shows, and the service's other rules, kept as they are unless removed."""
    times: dict[str, tuple[str, str]] = {}
    notes, others = [], []
    for schedule in sorted(service.schedules, key=lambda s: s.id):
        days = (schedule.byday or "").split(",")
        if in_a_week(schedule) and not any(day in times for day in days):
            times.update({day: (schedule.opens_at[:5], schedule.closes_at[:5]) for day in days})
            if schedule.notes and schedule.notes not in notes:
                notes.append(schedule.notes)
        else:
            others.append(schedule)
    return Week(times, " ".join(notes)), others


def save(session: Session, service: Service, week: Week, remove: set[str], staff_id: int, now: datetime) -> bool:
    """Write the week, and remove the other rules named in `remove`; True when anything changed."""
    before, others = split(service)
    gone = [schedule for schedule in others if schedule.id in remove]
    if before == week and not gone:
        return False
    service.schedules = [s for s in others if s not in gone]  # the week's own schedules are written again below
    groups: dict[tuple[str, str], list[str]] = {}
    for day in DAYS:
        if day in week.times:
            groups.setdefault(week.times[day], []).append(day)
    for (opens, closes), days in groups.items():
        service.schedules.append(
            Schedule(
                id=str(uuid.uuid4()),
                service_id=service.id,
                freq="WEEKLY",
                byday=",".join(days),
                opens_at=opens,
                closes_at=closes,
                notes=week.notes or None,
            )
        )
    service.last_modified = now
    finish_change(session, service, staff_id, f"times {len(groups)} weekly, {len(gone)} removed")
    return True
