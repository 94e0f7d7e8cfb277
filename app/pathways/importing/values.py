"""Checks the HSDS schema leaves to us: schedules in their iCal shape, links and email addresses.

HSDS 3.0 schedules are RFC 5545 recurrence rules in separate fields. The schema only says they are
strings and numbers; these checks hold each field to what the schedule schema's descriptions allow.
"""

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from app.pathways.importing.problems import Problem, field_path

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_PART = re.compile(r"^(?P<ordinal>[+-]?[1-5])?(?P<day>MO|TU|WE|TH|FR|SA|SU)$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$")
DATES = ("valid_from", "valid_to", "dtstart", "until")
# field -> (smallest and largest number allowed, never 0, the frequency it belongs with)
NUMBER_LISTS = {
    "bymonthday": (31, "MONTHLY", "days of the month like 1,15 or -1"),
    "byweekno": (53, "WEEKLY", "weeks of the year like 1,27 or -1"),
    "byyearday": (366, None, "days of the year like 1,100 or -1"),
}
LINK_FIELDS = {"url", "website", "schedule_link", "uri", "term_uri", "logo"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
EMAIL = re.compile(r"^[^@\s:/\\<>()\[\],;\"'?&=]+@[\w-]+(\.[\w-]+)+$")
TIMEZONES = (-12, 14)  # hours from UTC


def parse_date(value: str) -> date:
    """An HSDS date (YYYY-MM-DD), or the date of an ISO date and time."""
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value).date()


def day_parts(byday: str) -> list[tuple[int | None, str]]:
    """ "1WE,-1FR,MO" -> [(1, "WE"), (-1, "FR"), (None, "MO")]; ValueError if any part is not a day."""
    parts = []
    for part in byday.split(","):
        match = DAY_PART.match(part.strip().upper())
        if not match:
            raise ValueError(part)
        ordinal = match["ordinal"]
        parts.append((int(ordinal) if ordinal else None, match["day"]))
    return parts


def numbers(text: str, largest: int) -> list[int]:
    """ "1,15,-1" -> [1, 15, -1]; ValueError for anything else, 0 or a number past largest."""
    out = []
    for part in text.split(","):
        number = int(part.strip())
        if number == 0 or abs(number) > largest:
            raise ValueError(part)
        out.append(number)
    return out


def check_schedule(schedule, label: str, path: list) -> list[Problem]:
    """Every problem with one schedule's iCal fields."""
    if not isinstance(schedule, dict):
        return []
    problems = []

    def problem(name: str, message: str) -> None:
        problems.append(Problem(label, field_path([*path, name]), message))

    freq = schedule.get("freq")
    byday = schedule.get("byday")
    if isinstance(byday, str):
        try:
            parts = day_parts(byday)
        except ValueError:
            problem("byday", "must be days like MO,TH, or with freq MONTHLY like 1WE,3WE or -1FR.")
        else:
            if any(ordinal for ordinal, _ in parts) and freq != "MONTHLY":
                problem("byday", "can give which week of the month (like 1WE or -1FR) only when freq is MONTHLY.")
    for name, (largest, belongs, example) in NUMBER_LISTS.items():
        value = schedule.get(name)
        if not isinstance(value, str):
            continue
        try:
            numbers(value, largest)
        except ValueError:
            problem(name, f"must be {example}, each between -{largest} and {largest} and not 0.")
            continue
        if belongs and freq != belongs:
            problem(name, f"can be used only when freq is {belongs}.")
    for name in ("interval", "count"):
        value = schedule.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 1:
            problem(name, "must be 1 or more.")
    if schedule.get("count") is not None and schedule.get("until") is not None:
        problem("count", "and until cannot both be given: use one or the other.")
    dates = {}
    for name in DATES:
        value = schedule.get(name)
        if not isinstance(value, str):
            continue
        try:
            dates[name] = parse_date(value)
        except ValueError:
            problem(name, "must be a date like 2026-09-01.")
    if "valid_from" in dates and "valid_to" in dates and dates["valid_from"] > dates["valid_to"]:
        problem("valid_to", "is before valid_from.")
    if "dtstart" in dates and "until" in dates and dates["dtstart"] > dates["until"]:
        problem("until", "is before dtstart.")
    zone = schedule.get("timezone")
    if isinstance(zone, (int, float)) and not isinstance(zone, bool) and not TIMEZONES[0] <= zone <= TIMEZONES[1]:
        problem("timezone", "must be hours from UTC, between -12 and 14.")
    return problems


def check_link(name: str, value: str) -> str | None:
    """What is wrong with a link or an email address, or None."""
    if name != "email" and name not in LINK_FIELDS:
        return None
    if any(ord(char) < 33 or ord(char) == 127 for char in value):
        return "must not hold spaces or control characters."
    if name == "email":
        return None if EMAIL.match(value) else "must be an email address like name@example.org."
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return "must be a web address starting https:// or http:// (or a mailto: or tel: link)."
    if scheme in ("http", "https") and not parts.netloc:
        return "must be a whole web address, like https://example.org/."
    return None
