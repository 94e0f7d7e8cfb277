"""The demo local offer of Sandbridge: realistic, complete across the ladder, clearly not real, easy to read."""

import re
from collections import Counter

import pytest
import textstat

from app.easyread.glossary import ENTRIES
from app.pathways.importing import symbol_concepts
from app.pathways.taxonomies import TERM_IDS
from app.vocab import KINDS_OF_SUPPORT, LADDER_STEPS
from tests.functional.test_readability import MAX_WORDS, MIN_FLESCH, NAMES, SCORED_FROM_WORDS
from tests.pathways_builders import demo_records

RECORDS = demo_records()
RESERVED_PHONE = re.compile(r"^(01632 960\d{3}|07700 900\d{3})$")


def terms(record, key):
    return {
        TERM_IDS[a["taxonomy_term_id"]][1]
        for a in record["attributes"]
        if TERM_IDS[a["taxonomy_term_id"]][0].key == key
    }


def test_there_are_at_least_40_services_at_every_step_of_the_ladder():
    steps = Counter(step for record in RECORDS for step in terms(record, "ladder-step"))
    assert len(RECORDS) >= 40
    assert set(steps) == set(LADDER_STEPS) and min(steps.values()) >= 8


def test_every_kind_of_support_is_offered_somewhere():
    offered = {kind for record in RECORDS for kind in terms(record, "kind-of-support")}
    assert offered == set(KINDS_OF_SUPPORT)


def test_every_service_is_marked_as_demo_data_in_its_record_and_its_organisation_name():
    for record in RECORDS:
        assert record["x_mywaytowork"]["demo"] is True, record["name"]
        assert record["organization"]["name"].endswith("(demo)"), record["organization"]["name"]
        assert "not real" in record["organization"]["description"]


def test_contacts_use_only_reserved_drama_numbers_and_example_emails():
    for record in RECORDS:
        for contact in record["contacts"]:
            assert contact["email"].endswith("@example.org")
            assert all(RESERVED_PHONE.match(phone["number"]) for phone in contact["phones"]), contact
        assert record["email"].endswith("@example.org") and record["url"].startswith("https://example.org/")


def test_every_service_has_english_and_real_welsh_easy_read_words():
    for record in RECORDS:
        extension = record["x_mywaytowork"]
        for pair in (extension["summary"], extension["who_for"]):
            assert pair["en"] and pair["cy"] and pair["en"] != pair["cy"], record["name"]
        assert extension["description_cy"] != record["description"]
        assert extension["name_cy"] != record["name"] or "SEARCH" in record["name"]


def test_every_service_says_who_can_ask_its_ages_and_its_symbol(app):
    symbols = symbol_concepts(app.config["SYMBOL_INDEX"])
    for record in RECORDS:
        extension = record["x_mywaytowork"]
        assert extension["symbol"] in symbols
        assert isinstance(extension["self_referral"], bool)
        assert isinstance(record["minimum_age"], int)
    assert {r["x_mywaytowork"]["self_referral"] for r in RECORDS} == {True, False}
    assert {r["x_mywaytowork"].get("paid") for r in RECORDS} == {True, False, None}


def test_services_are_spread_over_a_few_areas_and_the_whole_area():
    areas = Counter((r["x_mywaytowork"].get("area") or {}).get("id") for r in RECORDS)
    assert None in areas and len(areas) >= 4


@pytest.fixture(scope="module")
def known_words():
    from app import create_app

    with create_app({"APP_ENV": "test"}).test_request_context():
        words = {str(word) for entry in ENTRIES for word in (entry.term, *entry.also)}
    names = {r["organization"]["name"] for r in RECORDS} | set(NAMES)
    return re.compile("|".join(map(re.escape, sorted(words | names, key=len, reverse=True))), re.IGNORECASE)


def test_every_english_easy_read_text_has_short_sentences_and_reads_easily(known_words):
    textstat.set_lang("en")
    problems = []
    for record in RECORDS:
        extension = record["x_mywaytowork"]
        for text in (extension["summary"]["en"], extension["who_for"]["en"], record["description"]):
            for sentence in re.split(r"(?<=[.!?:])\s+", text):
                if len(sentence.split()) > MAX_WORDS:
                    problems.append(f"over {MAX_WORDS} words: {sentence!r}")
            if (
                len(text.split()) >= SCORED_FROM_WORDS
                and textstat.flesch_reading_ease(known_words.sub("it", text)) < MIN_FLESCH
            ):
                problems.append(f"hard to read: {text!r}")
    assert not problems, "\n".join(problems)
