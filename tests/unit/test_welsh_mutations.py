"""Welsh mutations for search: each rule of the soft, nasal and aspirate mutations, both ways."""

import pytest
from sqlalchemy.dialects import sqlite

from app.pathways.mutations import MUTATIONS, mutated, radicals, welsh_forms
from app.pathways.search import Filters, conditions

# (radical, soft, nasal, aspirate: "" where the letter drops, None where there is none), a word in those forms
RULES = [
    (("c", "g", "ngh", "ch"), ("cymorth", "gymorth", "nghymorth", "chymorth")),
    (("p", "b", "mh", "ph"), ("pobl", "bobl", "mhobl", "phobl")),
    (("t", "d", "nh", "th"), ("tad", "dad", "nhad", "thad")),
    (("g", "", "ng", None), ("gwaith", "waith", "ngwaith", None)),
    (("b", "f", "m", None), ("bywyd", "fywyd", "mywyd", None)),
    (("d", "dd", "n", None), ("dysgu", "ddysgu", "nysgu", None)),
    (("ll", "l", None, None), ("llyfr", "lyfr", None, None)),
    (("m", "f", None, None), ("mam", "fam", None, None)),
    (("rh", "r", None, None), ("rhaglen", "raglen", None, None)),
]
IDS = ["/".join(part if part is not None else "-" for part in rule) for rule, _ in RULES]


@pytest.mark.parametrize(("rule", "forms"), RULES, ids=IDS)
def test_each_mutation_rule_matches_the_table(rule, forms):
    assert MUTATIONS[rule[0]] == rule[1:]
    assert mutated(forms[0]) == {form for form in forms if form is not None}


@pytest.mark.parametrize(("rule", "forms"), RULES, ids=IDS)
def test_a_mutated_word_finds_its_radical_and_the_radical_finds_every_mutation(rule, forms):
    word, *changed = forms
    for form in (f for f in changed if f is not None):
        assert word in radicals(form)
        assert word in welsh_forms(form)
        assert form in welsh_forms(word)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("waith", "gwaith"),
        ("ngwaith", "gwaith"),
        ("gymorth", "cymorth"),
        ("nghymorth", "cymorth"),
        ("chymorth", "cymorth"),
        ("cymorth", "nghymorth"),
        ("gwaith", "ngwaith"),
        ("gymorth", "chymorth"),
        ("mhobl", "bobl"),
        ("nhad", "thad"),
    ],
)
def test_any_form_typed_finds_any_form_stored(typed, stored):
    assert stored in welsh_forms(typed)


def test_the_word_typed_comes_first_and_short_words_are_left_as_they_are():
    assert welsh_forms("waith")[0] == "waith"
    assert welsh_forms("ty") == ("ty",)


def test_letters_that_only_look_like_a_mutation_are_not_undone():
    assert radicals("llyfr") == {"llyfr"}
    assert radicals("rhaglen") == {"rhaglen"}
    assert radicals("ffordd") == {"ffordd"}
    assert mutated("chwarae") == {"chwarae"}


def test_english_search_looks_for_the_words_alone_and_welsh_search_for_every_form():
    english = str(conditions(Filters(words=("gwaith",)))[1].compile(dialect=sqlite.dialect()))
    welsh = str(conditions(Filters(words=("gwaith",), welsh=True))[1].compile(dialect=sqlite.dialect()))
    assert english.count("BETWEEN") == 1
    assert welsh.count("BETWEEN") == len(welsh_forms("gwaith")) > 1


def test_welsh_alone_is_not_a_filter_in_use():
    assert not Filters(welsh=True).active
