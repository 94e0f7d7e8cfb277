"""The directory's content audit, rule by rule, on plain service records."""

from datetime import date, timedelta

import pytest

from app.pathways.health import (
    RULES,
    Finding,
    applies,
    audit,
    audit_lasting,
    counts,
    has_published_summary,
    months_before,
    stale_from,
)
from tests.pathways_builders import make_record, term_attribute

TODAY = date(2026, 12, 2)


def healthy(**overrides) -> dict:
    """A record that passes every rule; keyword arguments replace top-level fields."""
    return make_record(assured_date="2026-11-20", **overrides)


def rules_of(record: dict, today: date = TODAY) -> list[str]:
    return [finding.rule for finding in audit([record], today)]


def messages_of(record: dict, rule: str) -> list[str]:
    return [finding.message for finding in audit([record], TODAY) if finding.rule == rule]


def test_a_complete_record_has_no_findings():
    assert rules_of(healthy()) == []


@pytest.mark.parametrize(
    "description, short",
    [
        ("Help to find a job near you.", False),  # 6 different words
        ("Help to find a job.", True),  # 5
        ("Jobs jobs jobs jobs jobs jobs jobs.", True),  # 1 word, said 7 times
        ("", True),
        (None, True),
    ],
)
def test_a_description_needs_six_different_words(description, short):
    record = healthy(description=description)
    assert ("short-description" in rules_of(record)) is short


def test_the_short_description_message_says_how_many_words_and_what_to_write():
    [message] = messages_of(healthy(description="Cafe jobs."), "short-description")
    assert "2 different words" in message and "at least 6" in message


def test_no_email_phone_or_web_address_anywhere_is_no_contact():
    record = healthy(contacts=[{"id": "c1", "name": "Reception"}])
    assert rules_of(record) == ["no-contact"]


@pytest.mark.parametrize(
    "where",
    [
        {"email": "jobs@example.org"},
        {"url": "https://example.org/jobs"},
        {"phones": [{"id": "p1", "number": "01632 960000"}]},
        {"organization": {"id": "o1", "name": "Org", "description": "An org.", "email": "hello@example.org"}},
        {"organization": {"id": "o1", "name": "Org", "description": "An org.", "website": "https://example.org"}},
    ],
)
def test_one_channel_on_the_service_or_its_organisation_is_enough(where):
    record = healthy(contacts=[], **where)
    assert "no-contact" not in rules_of(record)


@pytest.mark.parametrize("email", ["jobs.example.org", "jobs@example", "jobs @example.org", "a@b@c.org"])
def test_a_malformed_email_is_an_error(email):
    record = healthy(email=email)
    [finding] = audit([record], TODAY)
    assert (finding.rule, finding.severity) == ("bad-email", "error")
    assert email in finding.message


def test_a_contacts_malformed_email_is_found_too():
    record = healthy(contacts=[{"id": "c1", "email": "reception-at-example.org"}], url="https://example.org")
    assert rules_of(record) == ["bad-email"]


@pytest.mark.parametrize(
    "url, bad",
    [("https://example.org", False), ("HTTP://example.org/a", False), ("www.example.org", True), ("example", True)],
)
def test_a_web_address_needs_its_scheme(url, bad):
    assert ("bad-url" in rules_of(healthy(url=url))) is bad


@pytest.mark.parametrize(
    "number, bad",
    [
        ("01632 960000", False),
        ("+44 (0)1632 960000", False),
        ("029-2000-0000", False),
        ("ring reception", True),
        ("0800", True),  # too few digits
        ("01632 960000 or 960001", True),
        ("1234567890123456", True),  # more than 15 digits
    ],
)
def test_a_phone_number_must_look_like_one(number, bad):
    record = healthy(phones=[{"id": "p1", "number": number}])
    assert ("bad-phone" in rules_of(record)) is bad


def test_a_service_needs_exactly_one_step_on_the_ladder():
    none = healthy()
    none["attributes"] = [a for a in none["attributes"] if a["taxonomy_term"]["code"] != "social-enterprise"]
    two = healthy()
    two["attributes"].append(term_attribute("ladder-step", "volunteering"))
    assert rules_of(none) == ["ladder-step"]
    assert rules_of(two) == ["ladder-step"]
    assert "no step" in messages_of(none, "ladder-step")[0]
    assert "2 steps" in messages_of(two, "ladder-step")[0]


@pytest.mark.parametrize(
    "assured, stale",
    [
        ("2026-09-02", False),  # exactly 3 months ago
        ("2026-09-01", True),
        ("2026-09-01T10:00:00Z", True),
        ("2025-12-25", True),
        (None, True),
        ("last spring", True),
    ],
)
def test_details_must_have_been_checked_in_the_last_three_months(assured, stale):
    record = make_record(assured_date=assured) if assured else make_record()
    assert ("not-checked" in rules_of(record)) is stale


def test_an_old_check_says_the_date_in_words():
    [message] = messages_of(make_record(assured_date="2026-05-14"), "not-checked")
    assert "14 May 2026" in message


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 12, 2), date(2026, 9, 2)),
        (date(2026, 5, 31), date(2026, 2, 28)),
        (date(2026, 2, 15), date(2025, 11, 15)),
    ],
)
def test_three_months_before_keeps_the_day_or_takes_the_months_last(day, expected):
    assert months_before(day, 3) == expected


def test_a_service_with_no_easy_read_summary_is_found():
    record = healthy()
    del record["x_mywaytowork"]
    blank = healthy()
    blank["x_mywaytowork"]["summary"] = {"en": "  ", "cy": "Gwaith."}
    assert rules_of(record) == ["no-easy-read"]
    assert rules_of(blank) == ["no-easy-read"]
    assert has_published_summary(healthy())


def test_findings_name_the_service_and_counts_list_every_rule():
    record = healthy(name="Garden team", description="Gardens.", email="nope")
    findings = list(audit([record], TODAY))
    assert {(f.service_id, f.service_name) for f in findings} == {(record["id"], "Garden team")}
    assert counts(findings) == dict.fromkeys(RULES, 0) | {"short-description": 1, "bad-email": 1}
    assert Finding(record["id"], "bad-email", "x").as_dict()["severity"] == "error"


def test_a_check_goes_stale_on_the_first_day_it_is_more_than_three_months_old():
    for checked in (date(2024, 1, 1) + timedelta(days=n) for n in range(3 * 366)):
        starts = stale_from(checked)
        assert checked < months_before(starts, 3)
        assert not checked < months_before(starts - timedelta(days=1), 3)


def test_a_stored_finding_about_the_date_applies_from_its_day_as_the_audit_of_that_day_finds_it():
    record = make_record(assured_date="2026-08-31")
    [(finding, starts)] = [(f, s) for f, s in audit_lasting([record]) if f.rule == "not-checked"]
    assert starts == date(2026, 12, 1)
    for day in (date(2026, 11, 30), starts, date(2027, 3, 1)):
        assert (finding in list(audit([record], day))) == applies(starts, day)
    assert applies(None, date(2000, 1, 1))
