"""The sustained job outcome of the national proof of concept: 16 or more paid hours in a week, for 13
weeks (not necessarily in a row) within any 26 consecutive weeks. Plain data in, plain data out: no
database and no request here, so every edge case is a unit test.

How the weeks are counted:

- Week 1 starts on the first PAID job's start date and lasts 7 days; week n starts 7 * (n - 1) days later.
  Unpaid jobs never count, so they do not move the weeks either. A 26-week window starts at any week
  boundary (weeks 1-26, 2-27, ...).
- Hours are worked out day by day. A check-in says "this many hours a week" for a period (both ends
  included): each day of the period, inside the job's own dates, gets hours_per_week / 7. So a check-in
  that covers a whole week gives that week exactly its hours, a monthly check-in gives every week it fully
  covers its hours, and a week it covers only in part gets a share pro rata by days (3 days of a 35-hour
  check-in give 15 hours). Days of a check-in before the job started or after it ended are ignored.
- Check-ins of one job that overlap: the one recorded later wins for the days they share (a correction
  replaces what was recorded before; it does not add to it). Check-ins of different jobs add up, so a week
  with a job change (or two jobs at once) counts the hours of both.
- A day with no check-in counts as 0 hours: a gap.
- A week counts once it is over (its last day is today or earlier). Later weeks are not counted yet.
- A week qualifies with 16 hours or more: exactly 16 counts, 15.5 does not. Sums are exact fractions.
- The outcome is met in the first week w where weeks max(1, w - 25) .. w hold 13 qualifying weeks;
  met_on is the last day of that week. Later check-ins cannot "unmeet" it: once met, it stays met.
- Not met yet: the progress shown is the 26-week window that can still reach 13 (counting the weeks it
  has left) with the most qualifying weeks in it; on a tie, the later one. Its last day is "needed by".
  Qualifying weeks too long ago to share a window with the weeks to come no longer count as progress.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from typing import NamedTuple

HOURS_NEEDED = 16  # paid hours in a week
WEEKS_NEEDED = 13  # qualifying weeks
WINDOW_WEEKS = 26  # consecutive weeks
ONE_DAY = timedelta(days=1)


class CheckIn(NamedTuple):
    period_start: date
    period_end: date  # inclusive
    hours_per_week: Decimal | float | int


@dataclass(frozen=True)
class JobRecord:
    start_date: date
    end_date: date | None  # still in the job when None
    paid: bool
    check_ins: list[CheckIn] = field(default_factory=list)  # in the order they were recorded


@dataclass(frozen=True)
class WeekResult:
    number: int  # week 1 starts on the first paid job's start date
    start: date
    end: date
    hours: Decimal  # rounded to 2 places for showing; qualifies is decided on the exact sum
    qualifies: bool


@dataclass(frozen=True)
class OutcomeProgress:
    met: bool
    met_on: date | None
    qualifying_weeks: int  # in the best window: the one the outcome was met in, or the one closest to it
    best_window_start: date | None
    best_window_end: date | None
    weeks_counted: int  # weeks that are over, from week 1
    weeks: list[WeekResult]
    weeks_still_needed: int
    needed_by: date | None  # the last day of the best window, when not met yet
    summary: str  # the progress in words


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _daily_hours(job: JobRecord, last_day: date) -> dict[date, Fraction]:
    """Each day's share of the job's hours; a later check-in replaces an earlier one's days."""
    rates: dict[date, Fraction] = {}
    job_end = min(job.end_date or last_day, last_day)
    for check_in in job.check_ins:
        rate = Fraction(str(check_in.hours_per_week)) / 7
        day = max(check_in.period_start, job.start_date)
        while day <= min(check_in.period_end, job_end):
            rates[day] = rate
            day += ONE_DAY
    return rates


def _window_start(week: int) -> int:
    return max(1, week - WINDOW_WEEKS + 1)


def sustained_outcome(jobs: list[JobRecord], today: date) -> OutcomeProgress:
    """Whether and when the sustained outcome is met, and what is still needed."""
    paid = [job for job in jobs if job.paid]
    if not paid:
        return OutcomeProgress(False, None, 0, None, None, 0, [], WEEKS_NEEDED, None, "No paid job is recorded yet.")
    first = min(job.start_date for job in paid)

    def week_start(number: int) -> date:
        return first + timedelta(weeks=number - 1)

    counted = max(0, ((today - first).days + 1) // 7)
    last_day = week_start(counted + 1) - ONE_DAY
    days = [_daily_hours(job, last_day) for job in paid]

    weeks = []
    for number in range(1, counted + 1):
        start = week_start(number)
        exact = sum(
            (rates.get(start + timedelta(days=i), Fraction(0)) for rates in days for i in range(7)), Fraction(0)
        )
        hours = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"))
        weeks.append(WeekResult(number, start, start + timedelta(days=6), hours, exact >= HOURS_NEEDED))

    running = [0, *accumulate(int(week.qualifies) for week in weeks)]  # running[n]: qualifying weeks in weeks 1..n

    def count(first_week: int, last_week: int) -> int:
        return running[min(last_week, counted)] - running[min(first_week - 1, counted)]

    for number in range(1, counted + 1):
        if count(_window_start(number), number) >= WEEKS_NEEDED:
            window = _window_start(number)
            met_on = week_start(number + 1) - ONE_DAY
            return OutcomeProgress(
                True,
                met_on,
                WEEKS_NEEDED,
                week_start(window),
                week_start(window + WINDOW_WEEKS) - ONE_DAY,
                counted,
                weeks,
                0,
                None,
                f"Done: 13 of 13 weeks. The outcome was met on {long_date(met_on)}.",
            )

    # Not met: the window that can still be completed with the most qualifying weeks in it. On a tie, the
    # later one, because its deadline is the last date by which that many more weeks still meet the outcome.
    best, best_count = counted + 1, 0
    for window in range(1, counted + 2):
        have = count(window, window + WINDOW_WEEKS - 1)
        still_to_come = max(0, window + WINDOW_WEEKS - 1 - counted)
        if have + still_to_come >= WEEKS_NEEDED and have >= best_count:
            best, best_count = window, have
    needed = WEEKS_NEEDED - best_count
    needed_by = week_start(best + WINDOW_WEEKS) - ONE_DAY
    more = "1 more week of 16 hours or more is" if needed == 1 else f"{needed} more weeks of 16 hours or more are"
    summary = f"{best_count} of 13 weeks done. {more} needed by {long_date(needed_by)}."
    return OutcomeProgress(
        False, None, best_count, week_start(best), needed_by, counted, weeks, needed, needed_by, summary
    )
