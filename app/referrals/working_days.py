"""Working days: Monday to Friday, less the holidays in the HOLIDAYS setting."""

from collections.abc import Iterable
from datetime import date, timedelta


def _holidays(holidays: Iterable[str | date]) -> set[date]:
    return {day if isinstance(day, date) else date.fromisoformat(day) for day in holidays}


def is_working_day(day: date, holidays: Iterable[str | date] = ()) -> bool:
    return day.weekday() < 5 and day not in _holidays(holidays)


def add_working_days(start: date, days: int, holidays: Iterable[str | date] = ()) -> date:
    """The date `days` working days after start (start itself does not count)."""
    closed = _holidays(holidays)
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            days -= 1
    return day


def working_days_between(start: date, end: date, holidays: Iterable[str | date] = ()) -> int:
    """Working days after start, up to and including end (0 when end is not after start)."""
    closed = _holidays(holidays)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            count += 1
    return count
