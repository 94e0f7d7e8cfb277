"""The importer's checks, on records alone: the HSDS schema, our extension, and what the schema misses."""

from pathlib import Path

import pytest

from app.pathways.importing import symbol_concepts
from app.pathways.importing.checks import check_record
from app.pathways.importing.consistency import EmptyDirectory, check_file
from app.pathways.importing.problems import ImportFailed
from app.pathways.importing.reading import parse_records
from app.pathways.taxonomies import VOCABULARIES
from tests.pathways_builders import changed, make_record, new_id, term_attribute

SYMBOLS = symbol_concepts(str(Path(__file__).resolve().parents[2] / "easyread_assets" / "symbols.json"))


def problems_of(*records):
    found = []
    valid = []
    for position, record in enumerate(records, 1):
        own = check_record(record, position, SYMBOLS)
        found += own
        if not own:
            valid.append((position, record))
    return found + check_file(valid, EmptyDirectory())


def test_a_good_record_has_no_problems():
    assert problems_of(make_record(), make_record(name="Another")) == []


def test_schema_problems_name_the_record_and_the_field():
    record = changed(make_record(), **{"contacts.0.email": 5, "minimum_age": "sixteen"})
    found = problems_of(record)
    assert {(p.record, p.field) for p in found} >= {(record["id"], "contacts[0].email"), (record["id"], "minimum_age")}


def test_every_problem_in_every_record_is_listed():
    first = make_record(status="open")
    second = changed(make_record(), **{"x_mywaytowork.symbol": "no-such-picture"})
    third = make_record(minimum_age=30, maximum_age=18)
    found = problems_of(first, second, third)
    assert {p.record for p in found} == {first["id"], second["id"], third["id"]}


def test_a_record_without_a_usable_id_is_named_by_its_place_in_the_file():
    found = problems_of(make_record(), make_record(id="not-a-uuid" * 20))
    assert found and all(p.record == "#2" for p in found)


def test_ids_must_be_uuids():
    found = problems_of(make_record(id="service-1"))
    assert any(p.field == "id" and "uuid" in p.message for p in found)


@pytest.mark.parametrize(
    "ages, message",
    [
        ({"minimum_age": -1}, "between 0 and 120"),
        ({"maximum_age": 400}, "between 0 and 120"),
        ({"minimum_age": 16.5}, "whole number"),
        ({"minimum_age": 25, "maximum_age": 16}, "more than maximum_age"),
    ],
)
def test_ages_that_make_no_sense_are_problems(ages, message):
    found = problems_of(make_record(**ages))
    assert any(message in p.message for p in found), found


def test_huge_strings_are_problems_with_their_length():
    found = problems_of(make_record(name="x" * 300, description="y" * 20_000))
    messages = {p.field: p.message for p in found}
    assert "300 characters long; at most 255" in messages["name"]
    assert "20,000 characters long; at most 10,000" in messages["description"]


def test_a_nul_character_is_a_problem():
    found = problems_of(make_record(name="Caf\x00e"))
    assert any(p.field == "name" and "NUL" in p.message for p in found)


def test_times_and_days_must_be_readable():
    record = changed(make_record(), **{"schedules.0.opens_at": "9 in the morning", "schedules.0.byday": "Monday"})
    fields = {p.field for p in problems_of(record)}
    assert {"schedules[0].opens_at", "schedules[0].byday"} <= fields


def test_last_modified_must_be_a_date_and_time():
    found = problems_of(make_record(last_modified="last Tuesday"))
    assert [p.field for p in found] == ["last_modified"]


def test_our_extension_is_checked_strictly():
    record = changed(make_record(), **{"x_mywaytowork.paid": "yes", "x_mywaytowork.colour": "red"})
    found = problems_of(record)
    assert any(p.field == "x_mywaytowork.paid" for p in found)
    assert any("colour" in p.message for p in found)


def test_an_unknown_symbol_concept_is_a_problem():
    record = changed(make_record(), **{"x_mywaytowork.symbol": "unicorn"})
    assert any("not a symbol" in p.message for p in problems_of(record))


def test_an_unknown_term_in_our_vocabulary_is_a_problem_that_lists_the_known_terms():
    attribute = term_attribute("kind-of-support", "job-coaching")
    attribute["taxonomy_term"]["code"] = "juggling"
    attribute["taxonomy_term"]["id"] = attribute["taxonomy_term_id"] = new_id()
    found = problems_of(make_record(attributes=[attribute]))
    assert any(
        "'juggling' is not a term in 'kind-of-support'" in p.message and "job-coaching" in p.message for p in found
    )


def test_our_term_with_the_wrong_id_is_a_problem():
    attribute = term_attribute("ladder-step", "volunteering")
    attribute["taxonomy_term"]["id"] = attribute["taxonomy_term_id"] = new_id()
    found = problems_of(make_record(attributes=[attribute]))
    assert any(VOCABULARIES["ladder-step"].term_id("volunteering") in p.message for p in found)


def test_a_service_on_two_steps_of_the_ladder_is_a_problem():
    attributes = [term_attribute("ladder-step", "volunteering"), term_attribute("ladder-step", "social-enterprise")]
    found = problems_of(make_record(attributes=attributes))
    assert any("more than one step" in p.message for p in found)


def test_a_term_known_only_by_an_id_nobody_has_is_a_problem():
    found = problems_of(make_record(attributes=[{"id": new_id(), "taxonomy_term_id": new_id()}]))
    assert any("not a taxonomy term in the file or the directory" in p.message for p in found)


def test_duplicate_service_ids_are_problems_for_both_records():
    first = make_record()
    found = problems_of(first, make_record(id=first["id"]))
    assert len([p for p in found if p.field == "id" and "more than one record" in p.message]) == 2


def test_the_same_child_id_in_two_services_is_a_problem():
    first, second = make_record(), make_record()
    second["contacts"][0]["id"] = first["contacts"][0]["id"]
    found = problems_of(first, second)
    assert any(p.field == "contacts[0].id" and "more than one contact" in p.message for p in found)


def test_one_organisation_given_two_ways_is_a_problem_that_says_what_differs():
    first = make_record()
    second = changed(make_record(), **{"organization.name": "Someone Else"})
    found = problems_of(first, second)
    assert any(p.record == second["id"] and "given differently" in p.message and "(name)" in p.message for p in found)


def test_one_location_given_two_ways_is_a_problem():
    second = changed(make_record(), **{"service_at_locations.0.location.addresses.0.postal_code": "SB1 1AA"})
    found = problems_of(make_record(), second)
    assert any("Location" in p.message and "given differently" in p.message for p in found)


def test_a_service_needs_its_organisation():
    record = make_record()
    del record["organization"]
    assert any(p.field == "organization" for p in problems_of(record))


def test_an_organisation_known_only_by_an_id_nobody_has_is_a_problem():
    record = make_record(organization_id=new_id())
    del record["organization"]
    assert any(p.field == "organization_id" and "not in the file" in p.message for p in problems_of(record))


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"{not json", "not valid JSON"),
        (b'{"services": []}', "JSON array"),
        (b'"just text"', "JSON array"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[NaN]", "not valid JSON"),
    ],
)
def test_files_that_are_not_lists_of_records_are_explained(raw, words):
    with pytest.raises(ImportFailed) as failure:
        parse_records(raw)
    assert words in str(failure.value.problems[0])


def test_a_page_of_records_is_read_like_a_list():
    assert parse_records(b'{"total_items": 1, "contents": [{"id": "x"}]}') == [{"id": "x"}]


def test_a_record_that_is_not_an_object_is_a_problem():
    assert problems_of(make_record(), ["a", "list"])[0].record == "#2"


@pytest.mark.parametrize(
    "schedule",
    [
        {"freq": "MONTHLY", "byday": "1WE,3WE", "opens_at": "10:00", "closes_at": "12:00"},
        {"freq": "MONTHLY", "byday": "-1FR", "wkst": "MO"},
        {"freq": "MONTHLY", "bymonthday": "1,15,-1"},
        {"freq": "WEEKLY", "interval": 2, "byday": "TU", "dtstart": "2026-09-01", "until": "2027-07-20"},
        {"freq": "WEEKLY", "byday": "TH,FR", "count": 6, "timezone": 1, "opens_at": "10:00:00Z"},
        {"freq": "WEEKLY", "byweekno": "41,42", "byyearday": "-1", "closes_at": "18:00+01:00"},
        {"valid_from": "2026-09-01", "valid_to": "2026-09-01", "schedule_link": "https://example.org/sessions"},
    ],
)
def test_schedules_in_the_ical_forms_hsds_allows_are_accepted(schedule):
    record = make_record(schedules=[{"id": new_id(), **schedule}])
    assert problems_of(record) == []


@pytest.mark.parametrize(
    ("schedule", "field", "message"),
    [
        ({"freq": "MONTHLY", "byday": "first Wednesday"}, "byday", "must be days like"),
        ({"freq": "MONTHLY", "byday": "6WE"}, "byday", "must be days like"),
        ({"freq": "WEEKLY", "byday": "1WE"}, "byday", "only when freq is MONTHLY"),
        ({"freq": "MONTHLY", "bymonthday": "0,32"}, "bymonthday", "not 0"),
        ({"freq": "WEEKLY", "bymonthday": "1"}, "bymonthday", "only when freq is MONTHLY"),
        ({"freq": "WEEKLY", "byweekno": "54"}, "byweekno", "between -53 and 53"),
        ({"freq": "WEEKLY", "interval": 0}, "interval", "1 or more"),
        ({"freq": "WEEKLY", "count": 2.5}, "count", "whole number"),
        ({"freq": "WEEKLY", "count": 3, "until": "2027-01-01"}, "count", "cannot both be given"),
        ({"dtstart": "next Monday"}, "dtstart", "must be a date"),
        ({"valid_from": "2027-01-02", "valid_to": "2027-01-01"}, "valid_to", "before valid_from"),
        ({"dtstart": "2027-01-02", "until": "2027-01-01"}, "until", "before dtstart"),
        ({"timezone": 30}, "timezone", "between -12 and 14"),
        ({"wkst": "Monday"}, "wkst", "is not one of"),
        ({"freq": "DAILY"}, "freq", "is not one of"),
        ({"opens_at": "25:00"}, "opens_at", "must be a time"),
        ({"schedule_link": "javascript:alert(1)"}, "schedule_link", "must be a web address"),
    ],
)
def test_a_schedule_that_breaks_the_ical_rules_is_a_problem(schedule, field, message):
    record = make_record(schedules=[{"id": new_id(), **schedule}])
    found = [p for p in problems_of(record) if p.field == f"schedules[0].{field}"]
    assert found and message in found[0].message, problems_of(record)


def test_schedules_at_a_location_are_checked_too():
    record = changed(make_record(), **{"service_at_locations.0.schedules": [{"id": new_id(), "byday": "1MO"}]})
    assert [p.field for p in problems_of(record)] == ["service_at_locations[0].schedules[0].byday"]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("url", "javascript:alert(1)"),
        ("url", "JavaScript:alert(1)"),
        ("url", "java\tscript:alert(1)"),
        ("url", "data:text/html,<script>alert(1)</script>"),
        ("url", "//example.org/no-scheme"),
        ("url", "https:nowhere"),
        ("organization.website", "vbscript:msgbox(1)"),
        ("service_areas", [{"id": "6f7c6f7c-0000-4000-8000-00000000000a", "uri": "file:///etc/passwd"}]),
        ("email", "javascript:alert(1)//@example.org"),
        ("contacts.0.email", "someone@example.org?subject=x"),
        ("organization.email", "not an email@example.org"),
    ],
)
def test_links_that_are_not_web_mail_or_phone_links_are_problems(path, value):
    record = changed(make_record(), **{path: value})
    fields = {p.field for p in problems_of(record)}
    expected = "service_areas[0].uri" if path == "service_areas" else path.replace(".0.", "[0].")
    assert expected in fields, problems_of(record)


@pytest.mark.parametrize(
    "url", ["https://example.org/jobs", "http://example.org", "mailto:jobs@example.org", "tel:+441632960999"]
)
def test_web_mail_and_phone_links_are_accepted(url):
    assert problems_of(make_record(url=url)) == []
