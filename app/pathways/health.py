"""Directory health: the national Open Referral UK validator's content audit, and ours, over service records.

A pure function: HSDS 3.0 service records (the shape import and export use) in, findings out. Nothing
here refuses data; a finding is a warning for the people who keep the directory, with the fix in easy words.
The validator's rules and their thresholds are kept: a description of fewer than 6 different words,
no contact channel, an email, web address or phone number that does not look right. Ours add a date of
the last check (`assured_date`) older than 3 months, a ladder step that does not fit, and a service with
no easy-read summary.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from app.pathways.extension import KEY
from app.pathways.taxonomies import LADDER, TERM_IDS

WORD = re.compile(r"[a-z0-9]+", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # the validator's own test
WEB_ADDRESS = re.compile(r"^https?://\S+$", re.IGNORECASE)
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-.]+$")
FEWEST_WORDS = 6  # different words in a description
PHONE_DIGITS = (7, 15)  # fewest and most digits in a phone number (15: the international limit)
ASSURED_MONTHS = 3  # months a check of the details stays fresh


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # "error": the data is wrong; "warning": it is weak or missing


RULES = {
    rule.code: rule
    for rule in (
        Rule("short-description", "Description too short", "warning"),
        Rule("no-contact", "No way to get in touch", "warning"),
        Rule("bad-email", "Email does not look right", "error"),
        Rule("bad-url", "Web address does not look right", "error"),
        Rule("bad-phone", "Phone number does not look right", "warning"),
        Rule("ladder-step", "Ladder step does not fit", "warning"),
        Rule("not-checked", "Not checked in the last 3 months", "warning"),
        Rule("no-easy-read", "No easy-read summary", "warning"),
    )
}


@dataclass(frozen=True, order=True)
class Finding:
    service_id: str
    rule: str
    message: str
    service_name: str = ""

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    def as_dict(self) -> dict:
        return asdict(self) | {"severity": self.severity}


def has_published_summary(record: dict) -> bool:
    """Whether the service has an easy-read summary people can read (in English, the source language)."""
    summary = ((record.get(KEY) or {}).get("summary")) or {}
    return bool((summary.get("en") or "").strip())


def months_before(day: date, months: int) -> date:
    """The same day of the month, `months` earlier (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_from(checked: date) -> date:
    """The first day on which a check made on `checked` is more than ASSURED_MONTHS old."""
    day = checked + timedelta(days=28 * ASSURED_MONTHS - 5)  # always before it: 3 months are at least 89 days
    while months_before(day, ASSURED_MONTHS) <= checked:
        day += timedelta(days=1)
    return day


def audit(records: Iterable[dict], today: date) -> Iterator[Finding]:
    """Every finding in the records that applies today, service by service, in the order of RULES."""
    for finding, starts in audit_lasting(records):
        if applies(starts, today):
            yield finding


def audit_lasting(records: Iterable[dict]) -> Iterator[tuple[Finding, date | None]]:
    """Every finding in the records with the first day it applies (None: whatever the day), to be stored:
    a finding that waits for a date needs no new audit when the day comes."""
    for record in records:
        for rule, message, starts in _check(record):
            yield Finding(record["id"], rule, message, record.get("name") or ""), starts


def applies(starts: date | None, today: date) -> bool:
    return starts is None or starts <= today


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each rule, every rule listed."""
    found = dict.fromkeys(RULES, 0)
    for finding in findings:
        found[finding.rule] += 1
    return found


def _check(record: dict) -> Iterator[tuple[str, str, date | None]]:
    for rule, message in _check_now(record):
        yield rule, message, None
    yield from _assured(record.get("assured_date"))
    if not has_published_summary(record):
        yield (
            "no-easy-read",
            "There is no easy-read summary yet. Write one, so everyone can read about the service.",
            None,
        )


def _check_now(record: dict) -> Iterator[tuple[str, str]]:
    description = record.get("description") or ""
    words = {word.lower() for word in WORD.findall(description)}
    if len(words) < FEWEST_WORDS:
        yield (
            "short-description",
            f"The description has {len(words)} different words. Write at least {FEWEST_WORDS}: "
            "what the service does, who it is for and how to start.",
        )
    emails, addresses, phones = channels(record)
    if not (emails or addresses or phones):
        yield "no-contact", "There is no email, phone number or web address. Add at least 1 way to get in touch."
    for email in emails:
        if not EMAIL.match(email):
            yield "bad-email", f"The email “{email}” does not look right. Write it like name@example.org."
    for address in addresses:
        if not WEB_ADDRESS.match(address):
            yield (
                "bad-url",
                f"The web address “{address}” does not start with https:// or http://. "
                "Write the whole address, like https://example.org.",
            )
    for number in phones:
        if not phone_looks_right(number):
            yield "bad-phone", f"The phone number “{number}” does not look right. Write it like 01632 960000."
    yield from _ladder(record)


def channels(record: dict) -> tuple[list[str], list[str], list[str]]:
    """The emails, web addresses and phone numbers a person could use: the service's, its contacts' and
    its organisation's, each once."""
    organization = record.get("organization") or {}
    contacts = record.get("contacts") or []
    emails = [record.get("email"), organization.get("email"), *(c.get("email") for c in contacts)]
    addresses = [record.get("url"), organization.get("website")]
    phones = [p.get("number") for p in record.get("phones") or []]
    phones += [p.get("number") for c in contacts for p in c.get("phones") or []]
    return _present(emails), _present(addresses), _present(phones)


def _present(values: list) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if isinstance(value, str) and value.strip()))


def phone_looks_right(number: str) -> bool:
    digits = sum(character.isdigit() for character in number)
    return bool(PHONE_CHARACTERS.match(number)) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]


def _ladder(record: dict) -> Iterator[tuple[str, str]]:
    steps = []
    for attribute in record.get("attributes") or []:
        term_id = attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get("id")
        vocabulary, code = TERM_IDS.get(term_id, (None, None))
        if vocabulary is LADDER and code not in steps:
            steps.append(code)
    if not steps:
        yield (
            "ladder-step",
            "The service has no step on the ladder, so people who look by step do not find it. Choose 1 step.",
        )
    elif len(steps) > 1:
        yield (
            "ladder-step",
            f"The service is on {len(steps)} steps of the ladder ({', '.join(steps)}). "
            "Choose the 1 step that fits best.",
        )


def _assured(value) -> Iterator[tuple[str, str, date | None]]:
    if not value:
        yield ("not-checked", "Nobody has said when the details were last checked. Check them and add the date.", None)
        return
    try:
        checked = date.fromisoformat(str(value)[:10])
    except ValueError:
        yield "not-checked", f"The date of the last check, “{value}”, is not a date. Write it like 2026-11-01.", None
        return
    yield (
        "not-checked",
        f"The details were last checked on {checked.day} {checked:%B %Y}, more than "
        f"{ASSURED_MONTHS} months ago. Check them again and change the date.",
        stale_from(checked),
    )
