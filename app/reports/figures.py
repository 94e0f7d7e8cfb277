"""The dashboard's figures for a period, counted from the database in one place. Each figure is a list of
(key, label, count) rows with a title and a summary in words; charts, tables, CSVs and the public results
page are all drawn from these. Counts are of referrals or of people; a person is a referral here, because
the site keeps no identity that links two referrals.

Small numbers: anything that leaves the staff side shows counts of 1 to 4 as "fewer than 5"; when that
hides only one row of a figure, the next smallest is hidden too, so the total cannot give it away."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from statistics import median

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.checklists import current as checklists
from app.checklists.models import ChecklistAnswer, ChecklistSession
from app.clock import UK
from app.outcomes.ledger import outcomes as outcomes_of
from app.outcomes.rules import Programme
from app.referrals.models import JobStart, Referral
from app.referrals.working_days import working_days_between
from app.staff.overdue import is_overdue
from app.staff.words import AGE_BANDS, ASKERS, LADDER_STEPS, NEEDS, STATUS_NAMES, uk_time

SMALL = 5  # counts below this (and above 0) are hidden outside the staff side
NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int | None  # None: hidden, because it is a small number


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    unit: str  # what is counted: "referrals", "people"
    rows: tuple[Row, ...]
    note: str = ""

    @property
    def total(self) -> int | None:
        counts = [row.count for row in self.rows]
        return None if None in counts else sum(counts)

    @property
    def biggest(self) -> int:
        return max((row.count or 0 for row in self.rows), default=0)

    @property
    def summary(self) -> str:
        """The figure in one or two sentences, for the chart's description and for listening."""
        shown = [row for row in self.rows if row.count]
        if not shown:
            return f"No {self.unit} in these dates."
        top = max(shown, key=lambda row: row.count)
        total = self.total
        start = f"{total} {self.unit} in all. " if total is not None else ""
        return f"{start}The most: {top.label}, {top.count}."


@dataclass(frozen=True)
class KeyNumbers:
    referrals: int
    contacted: int
    median_days_to_contact: float | None  # working days from made to first contact
    overdue_now: int
    checklists_finished: int
    job_starts: int
    outcomes: dict[str, int]  # programme id -> outcomes met in the period


@dataclass(frozen=True)
class Report:
    first: date
    last: date
    key: KeyNumbers
    figures: tuple[Figure, ...]
    programmes: tuple[Programme, ...]

    def figure(self, figure_id: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.id == figure_id), None)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UK).astimezone(UTC)


def _rows(counter: Counter, labels: dict[str, str], keep_order: bool = True) -> tuple[Row, ...]:
    """Every known choice in its usual order (zeros too), then anything else, then "not given"."""
    rows = [Row(key, label, counter.get(key, 0)) for key, label in labels.items()] if keep_order else []
    known = set(labels) if keep_order else set()
    others = sorted(
        ((key, count) for key, count in counter.items() if key not in known and key is not None),
        key=lambda item: (-item[1], str(item[0])),
    )
    rows += [Row(str(key), labels.get(key, str(key)), count) for key, count in others]
    if counter.get(None):
        rows.append(Row("", NOT_GIVEN, counter[None]))
    return tuple(rows)


POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$")


def area_name(typed: str | None) -> str | None:
    """An area as typed, for counting: a full postcode counts by its district (SB1 4TT -> SB1), so no
    figure holds anyone's street."""
    text = " ".join((typed or "").split())
    if not text:
        return None
    postcode = POSTCODE.match(text.upper())
    return postcode.group(1) if postcode else text.title()


def checklists_finished(session: Session, first: date, last: date) -> int:
    """Checklist codes (people) with at least one checklist whose every step has an answer or was skipped,
    last answered in the period. Codes that expired are no longer counted."""
    steps = {c.id: set(c.steps) for c in checklists.definitions().values()}
    answered: dict[int, dict[str, set]] = {}
    latest: dict[int, datetime] = {}
    query = select(
        ChecklistAnswer.session_id, ChecklistAnswer.checklist_id, ChecklistAnswer.step_id, ChecklistAnswer.updated_at
    ).join(ChecklistSession)
    for session_id, checklist_id, step_id, updated_at in session.execute(query):
        answered.setdefault(session_id, {}).setdefault(checklist_id, set()).add(step_id)
        if updated_at is not None and (session_id not in latest or updated_at > latest[session_id]):
            latest[session_id] = updated_at
    start, end = _start_of(first), _start_of(last + timedelta(days=1))
    finished = 0
    for session_id, by_checklist in answered.items():
        moment = latest.get(session_id)
        if moment is None or not start <= (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) < end:
            continue
        if any(steps.get(checklist_id, {None}) <= done for checklist_id, done in by_checklist.items()):
            finished += 1
    return finished


def build(
    session: Session,
    referrals: Select,
    first: date,
    last: date,
    today: date,
    programmes: Iterable[Programme],
    holidays: Iterable[str] = (),
) -> Report:
    """Every figure for referrals made from `first` to `last` (and job starts and outcomes in those dates),
    among the referrals of the `referrals` query (all, or one provider's)."""
    programmes = tuple(programmes)
    made = session.scalars(
        referrals.where(
            Referral.created_at >= _start_of(first), Referral.created_at < _start_of(last + timedelta(days=1))
        )
    ).all()
    status, step, asker, age, need, area, service = (Counter() for _ in range(7))
    days_to_contact = []
    for referral in made:
        status[referral.status] += 1
        step[referral.ladder_step] += 1
        asker[referral.asker] += 1
        age[referral.age_band] += 1
        area[area_name(referral.area)] += 1
        service[referral.service_name] += 1
        for each in referral.needs or ["none"]:
            need[each] += 1
        if referral.contacted_at is not None:
            days_to_contact.append(
                working_days_between(
                    uk_time(referral.created_at).date(), uk_time(referral.contacted_at).date(), holidays
                )
            )
    overdue_now = sum(1 for r in session.scalars(referrals) if is_overdue(r.status, r.contact_due_on, today))

    with_jobs = session.scalars(
        referrals.where(Referral.id.in_(select(JobStart.referral_id).where(JobStart.paid.is_(True)))).options(
            selectinload(Referral.jobs).selectinload(JobStart.check_ins)
        )
    ).all()
    starts_by_age, outcomes = Counter(), {programme.id: Counter() for programme in programmes}
    in_work_on = min(last, today)
    in_work = Counter(
        hours_band(hours)
        for hours in (paid_hours_on(referral.jobs, in_work_on) for referral in with_jobs)
        if hours is not None
    )
    for referral in with_jobs:
        first_start = min(job.start_date for job in referral.jobs if job.paid)
        if first <= first_start <= last:
            starts_by_age[referral.age_band] += 1
        for programme_id, progress in outcomes_of(referral, programmes, today).items():
            if progress.met and first <= progress.met_on <= last:
                outcomes[programme_id][referral.age_band] += 1

    figures = (
        Figure("status", "Referrals by where they are now", "referrals", _rows(status, STATUS_NAMES)),
        Figure("asker", "Referrals by who asked", "referrals", _rows(asker, ASKERS)),
        Figure("step", "Referrals by step on the ladder", "referrals", _rows(step, LADDER_STEPS)),
        Figure("age", "Referrals by age", "referrals", _rows(age, AGE_BANDS)),
        Figure(
            "need",
            "Referrals by support needed to take part",
            "referrals",
            _rows(need, {**NEEDS, "none": "None of these"}),
            "A referral can need more than one, so these add up to more than the referrals.",
        ),
        Figure("area", "Referrals by area", "referrals", _rows(area, {}, keep_order=False)),
        Figure("service", "Referrals by service", "referrals", _rows(service, {}, keep_order=False)),
        Figure("starts", "People who started a paid job, by age", "people", _rows(starts_by_age, AGE_BANDS)),
        Figure(
            "hours",
            f"People in paid work on {in_work_on.day} {in_work_on:%B %Y}, by hours a week",
            "people",
            _rows(in_work, HOURS_BANDS),
            "The bands the adult social care return (SALT) counts paid work in. Hours are the jobs' contracted"
            " hours, added up for someone with more than one job.",
        ),
        *(
            Figure(
                f"outcome-{programme.id}",
                f"Sustained job outcomes, {programme.name}, by age",
                "people",
                _rows(outcomes[programme.id], AGE_BANDS),
            )
            for programme in programmes
        ),
    )
    key = KeyNumbers(
        referrals=len(made),
        contacted=len(days_to_contact),
        median_days_to_contact=median(days_to_contact) if days_to_contact else None,
        overdue_now=overdue_now,
        checklists_finished=checklists_finished(session, first, last),
        job_starts=sum(starts_by_age.values()),
        outcomes={programme.id: sum(outcomes[programme.id].values()) for programme in programmes},
    )
    return Report(first, last, key, figures, programmes)


# Paid work by hours a week, in the bands of the adult social care return (SALT).
HOURS_BANDS = {"under-16": "Less than 16 hours", "16-to-29": "16 to 29 hours", "30-plus": "30 hours or more"}


def hours_band(hours: Decimal) -> str:
    if hours < 16:
        return "under-16"
    return "16-to-29" if hours < 30 else "30-plus"


def paid_hours_on(jobs: Iterable, day: date) -> Decimal | None:
    """The contracted hours a week of the paid jobs a person has on this day, added up; None when they have none."""
    hours = [
        job.hours_per_week
        for job in jobs
        if job.paid and job.start_date <= day and (job.end_date is None or job.end_date >= day)
    ]
    return sum(hours, Decimal(0)) if hours else None


def hide_small(count: int | None) -> int | None:
    return None if count is not None and 0 < count < SMALL else count


def suppress(figure: Figure) -> Figure:
    """The figure as it may leave the staff side: counts of 1 to 4 hidden, and one more when only one is."""
    rows = [replace(row, count=hide_small(row.count)) for row in figure.rows]
    hidden = [i for i, row in enumerate(rows) if row.count is None]
    if len(hidden) == 1:
        candidates = [i for i, row in enumerate(rows) if row.count]
        if candidates:
            smallest = min(candidates, key=lambda i: rows[i].count)
            rows[smallest] = replace(rows[smallest], count=None)
    return replace(figure, rows=tuple(rows))
