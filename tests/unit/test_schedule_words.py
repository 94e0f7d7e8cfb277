"""A schedule in words: the iCal forms HSDS 3.0 describes, said in easy-read English and Welsh."""

import json
from pathlib import Path

import pytest

from app.pathways.schedule_words import schedule_sentences

SCHEDULE_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "app/pathways/schema/hsds-3.0/schedule.json").read_text(encoding="utf-8")
)["properties"]


def example(name: str):
    """The example the HSDS schedule schema gives for a field, as the type the field has."""
    value = SCHEDULE_SCHEMA[name]["example"]
    return int(value) if SCHEDULE_SCHEMA[name]["type"] == "number" else value


def words(schedule: dict, lang: str) -> list[str]:
    return [sentence.text for sentence in schedule_sentences(schedule, lang)]


CASES = [
    # (what the standard or a council says, the schedule, English, Welsh)
    (
        "first and third Wednesday of each month",
        {"freq": "MONTHLY", "byday": "1WE,3WE", "opens_at": "10:00", "closes_at": "12:00"},
        ["First and third Wednesday of the month, 10am to 12 noon."],
        ["Dydd Mercher cyntaf a thrydydd dydd Mercher y mis, 10 y bore tan 12 hanner dydd."],
    ),
    (
        "two days a week",
        {"freq": "WEEKLY", "byday": "MO,TH", "opens_at": "09:30", "closes_at": "15:00"},
        ["Every Monday and Thursday, 9:30am to 3pm."],
        ["Bob dydd Llun a dydd Iau, 9:30 y bore tan 3 y prynhawn."],
    ),
    (
        "interval: an interval of 2 for a WEEKLY frequency would represent fortnightly",
        {"freq": "WEEKLY", "interval": 2, "byday": "TU"},
        ["Every other Tuesday."],
        ["Bob yn ail ddydd Mawrth."],
    ),
    (
        "byday: -1FR is the last Friday",
        {"freq": "MONTHLY", "byday": "-1FR"},
        ["The last Friday of the month."],
        ["Dydd Gwener olaf y mis."],
    ),
    (
        "byday: 2MO is the second Monday in a month",
        {"freq": "MONTHLY", "byday": "2MO"},
        ["The second Monday of the month."],
        ["Ail ddydd Llun y mis."],
    ),
    (
        "second and fourth Monday, an afternoon into the evening",
        {"freq": "MONTHLY", "byday": "2MO,4MO", "opens_at": "13:00", "closes_at": "19:30"},
        ["Second and fourth Monday of the month, 1pm to 7:30pm."],
        ["Ail ddydd Llun a phedwerydd dydd Llun y mis, 1 y prynhawn tan 7:30 yr hwyr."],
    ),
    (
        "two different days of the month",
        {"freq": "MONTHLY", "byday": "-1FR,1MO"},
        ["The first Monday and the last Friday of the month."],
        ["Dydd Llun cyntaf a dydd Gwener olaf y mis."],
    ),
    (
        "days of the month",
        {"freq": "MONTHLY", "bymonthday": "1,15"},
        ["On the 1st and 15th of the month."],
        ["Ar y 1af a'r 15fed o'r mis."],
    ),
    (
        "bymonthday: the schema's example",
        {"freq": "MONTHLY", "bymonthday": example("bymonthday")},
        ["On the 2nd, 3rd and 4th of the month."],
        ["Ar y 2il, y 3ydd a'r 4ydd o'r mis."],
    ),
    (
        "the last day of the month",
        {"freq": "MONTHLY", "bymonthday": "-1"},
        ["On the last day of the month."],
        ["Ar ddiwrnod olaf y mis."],
    ),
    (
        "the schema's own examples: freq, interval, byday, opens_at, closes_at, valid_from",
        {
            name: example(name)
            for name in ("freq", "interval", "byday", "opens_at", "closes_at", "valid_from", "wkst", "description")
        },
        ["Every Thursday and Friday, 10am to 6pm.", "It starts on 1 January 2005."],
        ["Bob dydd Iau a dydd Gwener, 10 y bore tan 6 yr hwyr.", "Mae'n dechrau ar 1 Ionawr 2005."],
    ),
    (
        "weekdays, for a term",
        {
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR",
            "opens_at": "09:00:00Z",
            "closes_at": "17:00:00Z",
            "valid_from": "2026-09-01",
            "valid_to": "2027-03-31",
        },
        ["Monday to Friday, 9am to 5pm.", "It runs from 1 September 2026 to 31 March 2027."],
        ["Dydd Llun i ddydd Gwener, 9 y bore tan 5 y prynhawn.", "Mae'n digwydd o 1 Medi 2026 tan 31 Mawrth 2027."],
    ),
    (
        "dtstart is necessary when using interval; count instead of until",
        {"freq": "WEEKLY", "interval": 3, "byday": "MO,TH", "dtstart": "2026-09-07", "count": 6},
        ["Every 3 weeks on Monday and Thursday.", "The first session is on 7 September 2026.", "It happens 6 times."],
        ["Bob 3 wythnos ar ddydd Llun a dydd Iau.", "Mae'r sesiwn gyntaf ar 7 Medi 2026.", "Mae'n digwydd 6 gwaith."],
    ),
    (
        "fortnightly on two days, until a date",
        {"freq": "WEEKLY", "interval": 2, "byday": "WE,MO", "until": "2027-07-21", "opens_at": "18:30"},
        ["Every other week on Monday and Wednesday, from 6:30pm.", "The last session is on 21 July 2027."],
        [
            "Bob yn ail wythnos ar ddydd Llun a dydd Mercher, o 6:30 yr hwyr.",
            "Mae'r sesiwn olaf ar 21 Gorffennaf 2027.",
        ],
    ),
    (
        "every day, just a closing time",
        {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "closes_at": "00:00"},
        ["Every day, until 12 midnight."],
        ["Bob dydd, tan 12 hanner nos."],
    ),
    (
        "times with no rule",
        {"opens_at": "08:15", "closes_at": "12:45"},
        ["8:15am to 12:45pm."],
        ["8:15 y bore tan 12:45 y prynhawn."],
    ),
]

FALLBACKS = [
    # (what cannot be said simply, the schedule)
    ("byweekno: weeks 41 and 42 of the year", {"freq": "WEEKLY", "byweekno": example("byweekno")}),
    ("byyearday: days of the year", {"freq": "WEEKLY", "byyearday": example("byyearday")}),
    ("bymonthday: -5 is the 5th to last day in a month", {"freq": "MONTHLY", "bymonthday": "-5"}),
    ("every 2 months", {"freq": "MONTHLY", "interval": 2, "byday": "1MO"}),
    ("week days and month days at once", {"freq": "MONTHLY", "byday": "MO", "bymonthday": "1"}),
    ("the third from last Tuesday", {"freq": "MONTHLY", "byday": "-3TU"}),
    ("no rule and no times", {}),
]


@pytest.mark.parametrize(("case", "schedule", "english", "welsh"), CASES, ids=[c[0] for c in CASES])
def test_a_schedule_is_said_in_easy_read_english_and_welsh(case, schedule, english, welsh):
    assert words(schedule, "en") == english
    assert words(schedule, "cy") == welsh


@pytest.mark.parametrize(("case", "schedule"), FALLBACKS, ids=[c[0] for c in FALLBACKS])
def test_a_rule_that_cannot_be_said_simply_gives_its_description(case, schedule):
    described = {**schedule, "description": example("description")}
    for lang in ("en", "cy"):
        sentences = schedule_sentences(described, lang)
        assert [(s.text, s.from_record) for s in sentences] == [(example("description"), True)]


@pytest.mark.parametrize(("case", "schedule"), FALLBACKS, ids=[c[0] for c in FALLBACKS])
def test_a_rule_that_cannot_be_said_and_has_no_description_says_to_ask(case, schedule):
    assert words(schedule, "en") == ["Ask the service when it happens."]
    assert words(schedule, "cy") == ["Gofynnwch i'r gwasanaeth pryd mae'n digwydd."]


def test_a_description_gives_way_to_the_rule_it_describes():
    schedule = {"freq": "WEEKLY", "byday": "MO", "description": example("description")}
    assert words(schedule, "en") == ["Every Monday."]


def test_how_to_attend_and_notes_follow_in_the_data_own_words():
    schedule = {"freq": "WEEKLY", "byday": "TU", "attending_type": example("attending_type"), "notes": example("notes")}
    sentences = schedule_sentences(schedule, "cy")
    assert [(s.text, s.from_record) for s in sentences] == [
        ("Bob dydd Mawrth.", False),
        (example("attending_type"), True),
        (example("notes"), True),
    ]
