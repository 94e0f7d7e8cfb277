"""A programme's sustained job outcome: paid hours at or above its threshold in a week, for its number of
weeks (not necessarily in a row) within its window of consecutive weeks. Local Supported Employment asks
16 hours for 13 weeks within 26; each programme's numbers are data, in `programmes/*.yaml`. Plain data in,
plain data out: no database and no request here, so every edge case is a unit test.

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
- Pay below the legal minimum for the person's age that week (`pay.py`) leaves that job's hours out of
  the week, until a worker confirms the pay is right. A job with no hourly pay recorded counts.
- A week qualifies with the programme's hours or more: for 16, exactly 16 counts, 15.5 does not. Sums are
  exact fractions.
- The outcome is met in the first week w where the window of weeks ending at w (from week 1 at the start)
  holds the weeks needed;
  met_on is the last day of that week. Later check-ins cannot "unmeet" it: once met, it stays met.
- Not met yet: the progress shown is the 26-week window that can still reach 13 (counting the weeks it
  has left) with the most qualifying weeks in it; on a tie, the later one. Its last day is "needed by".
  Qualifying weeks too long ago to share a window with the weeks to come no longer count as progress.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from typing import NamedTuple

from app.outcomes.pay import minimum_hourly_pay

ONE_DAY = timedelta(days=1)
ONE_YEAR = timedelta(days=365)


@dataclass(frozen=True)
class Programme:
    """What a programme counts as a sustained job outcome."""

    id: str
    name: str
    hours_at_least: int  # paid hours in a week
    weeks_needed: int  # qualifying weeks
    window_weeks: int  # consecutive weeks they must fall within


LSE = Programme("lse", "Local Supported Employment", 16, 13, 26)
AgeOn = Callable[[date], int | None]


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
    hourly_pay: Decimal | None = None  # pounds; None when not recorded
    apprenticeship: bool = False
    pay_confirmed: bool = False  # a worker checked that pay below the minimum is right


def pay_counts(job: JobRecord, day: date, age_on: AgeOn) -> bool:
    """Whether the job's hours on this day count: paid, at or above the legal minimum for the person's age,
    unless a worker confirmed the pay."""
    if not job.paid:
        return False
    if job.hourly_pay is None or job.pay_confirmed:
        return True
    minimum = minimum_hourly_pay(day, age_on(day), job.apprenticeship, day < job.start_date + ONE_YEAR)
    return minimum is None or Decimal(job.hourly_pay) >= minimum


def pay_below_minimum(job: JobRecord, today: date, age_on: AgeOn) -> bool:
    """A paid job whose pay was below the legal minimum on its first day or is today, not yet confirmed."""
    if not job.paid or job.hourly_pay is None:
        return False
    last = min(job.end_date or today, today)
    return any(not pay_counts(job, day, age_on) for day in {job.start_date, max(job.start_date, last)})


def _unknown_age(_day: date) -> None:
    return None


@dataclass(frozen=True)
class WeekResult:
    number: int  # week 1 starts on the first paid job's start date
    start: date
    end: date
    hours: Decimal  # rounded to 2 places for showing; qualifies is decided on the exact sum
    qualifies: bool
    pay_too_low: bool = False  # some hours were left out: pay below the minimum, not yet confirmed


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
    programme: Programme = LSE


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


def sustained_outcome(
    jobs: list[JobRecord], today: date, programme: Programme = LSE, age_on: AgeOn = _unknown_age
) -> OutcomeProgress:
    """Whether and when the programme's sustained outcome is met, and what is still needed. `age_on` gives
    the person's age on a day (for the minimum pay), or None when it is not known."""
    hours_needed, weeks_needed, window_weeks = programme.hours_at_least, programme.weeks_needed, programme.window_weeks

    def _window_start(week: int) -> int:
        return max(1, week - window_weeks + 1)

    paid = [job for job in jobs if job.paid]
    if not paid:
        return OutcomeProgress(
            False, None, 0, None, None, 0, [], weeks_needed, None, "No paid job is recorded yet.", programme
        )
    first = min(job.start_date for job in paid)

    def week_start(number: int) -> date:
        return first + timedelta(weeks=number - 1)

    counted = max(0, ((today - first).days + 1) // 7)
    last_day = week_start(counted + 1) - ONE_DAY
    days = [_daily_hours(job, last_day) for job in paid]

    weeks = []
    for number in range(1, counted + 1):
        start = week_start(number)
        exact, left_out = Fraction(0), False
        for job, rates in zip(paid, days, strict=True):
            worked = sum((rates.get(start + timedelta(days=i), Fraction(0)) for i in range(7)), Fraction(0))
            if not worked:
                continue
            if pay_counts(job, start, age_on):
                exact += worked
            else:
                left_out = True
        hours = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"))
        weeks.append(WeekResult(number, start, start + timedelta(days=6), hours, exact >= hours_needed, left_out))

    running = [0, *accumulate(int(week.qualifies) for week in weeks)]  # running[n]: qualifying weeks in weeks 1..n

    def count(first_week: int, last_week: int) -> int:
        return running[min(last_week, counted)] - running[min(first_week - 1, counted)]

    for number in range(1, counted + 1):
        if count(_window_start(number), number) >= weeks_needed:
            window = _window_start(number)
            met_on = week_start(number + 1) - ONE_DAY
            return OutcomeProgress(
                True,
                met_on,
                weeks_needed,
                week_start(window),
                week_start(window + window_weeks) - ONE_DAY,
                counted,
                weeks,
                0,
                None,
                f"Done: {weeks_needed} of {weeks_needed} weeks. The outcome was met on {long_date(met_on)}.",
                programme,
            )

    # Not met: the window that can still be completed with the most qualifying weeks in it. On a tie, the
    # later one, because its deadline is the last date by which that many more weeks still meet the outcome.
    best, best_count = counted + 1, 0
    for window in range(1, counted + 2):
        have = count(window, window + window_weeks - 1)
        still_to_come = max(0, window + window_weeks - 1 - counted)
        if have + still_to_come >= weeks_needed and have >= best_count:
            best, best_count = window, have
    needed = weeks_needed - best_count
    needed_by = week_start(best + window_weeks) - ONE_DAY
    hours = f"{hours_needed} hours or more"
    more = f"1 more week of {hours} is" if needed == 1 else f"{needed} more weeks of {hours} are"
    summary = f"{best_count} of {weeks_needed} weeks done. {more} needed by {long_date(needed_by)}."
    return OutcomeProgress(
        False, None, best_count, week_start(best), needed_by, counted, weeks, needed, needed_by, summary, programme
    )
