"""The directory's queries on SQLite and PostgreSQL: import, filters, words, pages and services for me."""

import random
from dataclasses import replace
from datetime import UTC, datetime
from typing import get_args

import pytest
from sqlalchemy import func, select, update

from app.checklists.profile import MatchProfile
from app.config import PROJECT_ROOT
from app.migrate import upgrade
from app.pathways.exporting import export_records
from app.pathways.importing import import_records, symbol_concepts
from app.pathways.models import Contact, Service, ServiceWord
from app.pathways.rules import (
    AgesAllow,
    AgesWithin,
    Condition,
    HasTerm,
    HoursAre,
    ServiceFacts,
    group_by_step,
    rank_services,
)
from app.pathways.search import Filters, has_demo_services, search_services
from app.pathways.suggestions import suggest
from app.pathways.text import search_words
from app.vocab import KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS
from demo.pathways import load_demo
from tests.pathways_builders import codes_of, demo_records, expected_names, ical_feed, make_record, schedules_of

RECORDS = demo_records()
SYMBOLS = symbol_concepts(str(PROJECT_ROOT / "easyread_assets" / "symbols.json"))


@pytest.fixture
def session(empty_app):
    upgrade(empty_app)
    load_demo(empty_app)
    with empty_app.app_context():
        with empty_app.extensions["database"]["factory"]() as session:
            yield session


def every_service(session, filters: Filters) -> list[Service]:
    services, number = [], 1
    while True:
        page = search_services(session, filters, number, 10)
        services += page.services
        if number >= page.pages:
            return services
        number += 1


def every_name(session, filters: Filters) -> tuple[set[str], int]:
    names, number, total = set(), 1, None
    while True:
        page = search_services(session, filters, number, 10)
        names |= {service.name for service in page.services}
        total = page.total
        if number >= page.pages:
            return names, total
        number += 1


@pytest.mark.parametrize(
    "filters, wanted",
    [
        (Filters(), {}),
        (Filters(steps=("social-enterprise",), pay=("paid",)), {"step": ["social-enterprise"], "pay": ["paid"]}),
        (
            Filters(kinds=("work-experience", "work-trial"), ages=(16, 18)),
            {"kind": ["work-experience", "work-trial"], "ages": (16, 18)},
        ),
        (Filters(needs=("physical-sensory",), ask_myself=True), {"need": ["physical-sensory"], "ask": True}),
        (
            Filters(areas=("west-hill",), steps=("volunteering", "independent-employment")),
            {"area": ["west-hill"], "step": ["volunteering", "independent-employment"]},
        ),
    ],
)
def test_filters_give_the_same_services_on_every_database(session, filters, wanted):
    names, total = every_name(session, filters)
    assert names == expected_names(RECORDS, **wanted) and total == len(names)


def test_kinds_of_work_filter_by_their_code(session):
    names, _ = every_name(session, Filters(work=("animals",)))
    assert names == {r["name"] for r in RECORDS if "animals" in codes_of(r, "kind-of-work")}


@pytest.mark.parametrize(
    "words, name",
    [
        ("café", "Harbour Café training jobs"),
        ("CAFE harbour", "Harbour Café training jobs"),
        ("garde", "Green Shoots garden nursery"),
        ("gwirfoddoli anifeiliaid", "Volunteer with animals"),
        ("Pontywod ysbyty", "Project SEARCH at Sandbridge Hospital"),
        ("apprenticeship", "Council apprenticeships"),
        ("Glan yr Harbwr", "Seaside Laundry jobs"),
    ],
)
def test_words_find_services_by_the_start_of_any_word_in_english_or_welsh(session, words, name):
    names, _ = every_name(session, Filters(words=tuple(search_words(words))))
    assert name in names


def test_words_that_nothing_has_find_nothing(session):
    assert search_services(session, Filters(words=("zzzz",))).total == 0


def test_pages_come_in_name_order_and_a_page_past_the_end_is_the_last(session):
    first = search_services(session, Filters(), 1, 10)
    assert [s.sort_name for s in first.services] == sorted(s.sort_name for s in first.services)
    last = search_services(session, Filters(), 99, 10)
    assert last.number == 5 and len(last.services) == 4
    assert search_services(session, Filters(), 99, 10, clamp=False).services == []


@pytest.mark.parametrize(
    "words, filters",
    [
        ("jobs", Filters(steps=("social-enterprise", "independent-employment"))),
        ("work", Filters(kinds=("work-trial", "work-experience"), ages=(16, 18))),
        ("a", Filters(needs=("autism",), ask_myself=True, pay=("paid", "unpaid"))),
        ("s", Filters(areas=("west-hill",))),
    ],
)
def test_words_with_filters_find_the_services_that_have_both_in_name_order(session, words, filters):
    """Words and filters are answered together (the filters read from an index found by id): the result is the
    services the words find that the filters keep, page by page in name order, with their number."""
    by_words = {s.id for s in every_service(session, Filters(words=(words,)))}
    by_filters = [s.id for s in every_service(session, filters)]
    both = every_service(session, replace(filters, words=(words,)))
    assert [s.id for s in both] == [i for i in by_filters if i in by_words]
    assert len(both) == search_services(session, replace(filters, words=(words,))).total > 0
    assert [(s.sort_name, s.id) for s in both] == sorted((s.sort_name, s.id) for s in both)


def test_a_directory_with_demo_services_says_so_and_one_without_does_not(session):
    assert has_demo_services(session)
    session.execute(update(Service).values(demo=False))
    assert not has_demo_services(session)


def test_modified_after_compares_times_in_utc(session):
    after = datetime(2026, 11, 15, 0, 0, tzinfo=UTC)
    total = search_services(session, Filters(modified_after=after)).total
    assert total == len([r for r in RECORDS if r["last_modified"] >= "2026-11-15T00:00:00Z"])


def test_importing_a_service_again_replaces_everything_that_belongs_to_it(session):
    record = make_record(name="First name")
    import_records(session, [record], SYMBOLS)
    replacement = make_record(name="Second name", id=record["id"], contacts=[], attributes=[])
    import_records(session, [replacement], SYMBOLS)
    assert session.get(Service, record["id"]).name == "Second name"
    assert session.scalar(select(func.count()).select_from(Contact).where(Contact.service_id == record["id"])) == 0
    assert "first" not in set(session.scalars(select(ServiceWord.word).where(ServiceWord.service_id == record["id"])))


def generated_records(count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for _ in range(count):
        low = rng.choice([None, 14, 16, 18, 19])
        record = make_record(
            name=f"{rng.choice(['Garden', 'Café', 'Office', 'Shop', 'Zoo'])} service {rng.randint(1, 40)}",
            step=rng.choice(list(LADDER_STEPS)),
            kinds=rng.sample(list(KINDS_OF_SUPPORT), rng.randint(1, 3)),
            work=rng.sample(list(KINDS_OF_WORK), rng.randint(0, 3)),
            needs=rng.sample(list(SUPPORT_NEEDS), rng.randint(1, 3)),
        )
        record.pop("maximum_age")
        record["minimum_age"] = low
        if low is None:
            record.pop("minimum_age")
        elif low < 19 and rng.random() < 0.5:
            record["maximum_age"] = rng.choice([19, 24, 25])
        if rng.random() < 0.5:
            record["x_mywaytowork"]["hours"] = rng.choice(["16-plus", "under-16"])
        records.append(record)
    return records


def facts_of(record: dict) -> ServiceFacts:
    steps = codes_of(record, "ladder-step")
    return ServiceFacts(
        record["id"],
        record["name"],
        next(iter(steps), None),
        frozenset(codes_of(record, "kind-of-support")),
        frozenset(codes_of(record, "kind-of-work")),
        frozenset(codes_of(record, "support-need")),
        record.get("minimum_age"),
        record.get("maximum_age"),
        record["x_mywaytowork"].get("hours"),
    )


PROFILES = [
    MatchProfile(interests=frozenset({"animals"}), try_first=frozenset({"volunteering-role"}), age_band="16-18"),
    MatchProfile(support_needs=frozenset({"autism"})),
    MatchProfile(
        interests=frozenset({"office", "it", "cooking"}),
        helps=frozenset({"travel-training", "job-coaching"}),
        hours="16-plus",
        age_band="19-25",
    ),
    MatchProfile(
        try_first=frozenset({"paid-job", "supported-internship"}),
        support_needs=frozenset({"learning-disability"}),
        age_band="14-15",
    ),
    MatchProfile(age_band="26-plus", hours="under-16", interests=frozenset({"gardening"})),
]


@pytest.mark.parametrize("profile", PROFILES)
def test_services_for_me_from_the_database_equals_ranking_every_service_in_python(session, profile):
    extra = generated_records(150)
    import_records(session, extra, SYMBOLS)
    everything = [facts_of(record) for record in RECORDS + extra]
    wanted = group_by_step(rank_services(profile, everything))
    found = suggest(session, profile)
    assert [(g.step, g.is_start, [(s.service.id, s.score, s.reasons) for s in g.suggestions]) for g in found] == [
        (g.step, g.is_start, [(s.service.id, s.score, s.reasons) for s in g.suggestions]) for g in wanted
    ]


CONDITIONS = [
    *(
        HasTerm(key, code)
        for key, codes in (
            ("kind-of-support", KINDS_OF_SUPPORT),
            ("kind-of-work", KINDS_OF_WORK),
            ("support-need", SUPPORT_NEEDS),
        )
        for code in codes
    ),
    AgesAllow(14, 15),
    AgesAllow(16, 18),
    AgesAllow(19, 25),
    AgesAllow(26, 120),
    AgesWithin(14, 25),
    HoursAre("16-plus"),
    HoursAre("under-16"),
]


def test_each_rule_condition_picks_the_same_services_in_sql_as_from_their_facts(session):
    extra = generated_records(150)
    import_records(session, extra, SYMBOLS)
    everything = [facts_of(record) for record in RECORDS + extra]
    for condition in CONDITIONS:
        found = set(session.scalars(select(Service.id).where(condition.sql())))
        assert found and found == {service.id for service in everything if condition.holds(service)}, condition


def test_every_kind_of_condition_is_checked_on_the_database():
    assert {type(condition) for condition in CONDITIONS} == set(get_args(Condition))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("waith", "gwaith"),
        ("ngwaith", "gwaith"),
        ("gymorth", "cymorth"),
        ("nghymorth", "cymorth"),
        ("chymorth", "cymorth"),
    ],
)
def test_welsh_words_find_services_in_any_mutated_form_on_every_database(session, typed, stored):
    radical, _ = every_name(session, Filters(words=(stored,)))
    as_typed, _ = every_name(session, Filters(words=(typed,)))
    welsh, total = every_name(session, Filters(words=(typed,), welsh=True))
    assert radical and radical | as_typed <= welsh
    assert welsh == every_name(session, Filters(words=(stored,), welsh=True))[0]
    assert total == len(welsh)


def test_a_mutated_word_stored_is_found_by_its_radical_on_every_database(session):
    record = make_record(
        name="Stored mutated", x_mywaytowork={**make_record()["x_mywaytowork"], "name_cy": "Fy nghrochenwaith"}
    )
    import_records(session, [record], SYMBOLS)
    assert every_name(session, Filters(words=("crochenwaith",), welsh=True))[0] == {"Stored mutated"}
    assert every_name(session, Filters(words=("crochenwaith",)))[0] == set()


def test_a_feed_with_ical_schedules_at_services_places_and_locations_imports_and_exports_unchanged(session):
    records = ical_feed()
    import_records(session, records, SYMBOLS)
    import_records(session, records, SYMBOLS)  # again: every schedule is replaced, none is left twice
    exported = {record["id"]: record for record in export_records(session)}
    for record in records:
        assert schedules_of(exported[record["id"]]) == schedules_of(record)
