"""Searching in Welsh finds a word in any of its mutated forms; searching in English is as before."""

import pytest

from tests.functional.test_pathways_directory import names_on
from tests.pathways_builders import changed, make_record, write_json

# One service's Welsh text holds the radical forms (crochenwaith, pysgota, gwehyddu), the other's
# mutated forms (nghrochenwaith, bysgota, wehyddu): a search must undo or make a mutation to find both.
RADICAL = changed(
    make_record(name="Pottery club"),
    **{
        "x_mywaytowork.name_cy": "Clwb crochenwaith",
        "x_mywaytowork.summary": {
            "en": "You learn pottery, fishing and weaving.",
            "cy": "Rydych chi'n dysgu crochenwaith, pysgota a gwehyddu.",
        },
    },
)
MUTATED = changed(
    make_record(name="Craft group"),
    **{
        "x_mywaytowork.name_cy": "Grŵp crefftau",
        "x_mywaytowork.summary": {
            "en": "Come to our group to learn about my pottery, his fishing and his weaving.",
            "cy": "Dewch i'n grŵp i ddysgu am fy nghrochenwaith, ei bysgota a'i wehyddu.",
        },
    },
)
BOTH = {"Clwb crochenwaith", "Grŵp crefftau"}


@pytest.fixture
def crafts(runner, tmp_path):
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "crafts.json", [RADICAL, MUTATED]))])
    assert result.exit_code == 0, result.output


def found(client, words: str, lang: str) -> set[str]:
    page = client.get("/services", query_string={"q": words, "lang": lang}).get_data(as_text=True)
    assert "page=2" not in page  # every match is on this one page
    return names_on(page)


@pytest.mark.parametrize(
    "words",
    [
        "crochenwaith",
        "grochenwaith",
        "nghrochenwaith",
        "chrochenwaith",
        "pysgota",
        "bysgota",
        "mhysgota",
        "physgota",
        "gwehyddu",
        "wehyddu",
        "ngwehyddu",
        "grochenwaith bysgota ngwehyddu",
    ],
)
def test_welsh_search_finds_a_word_in_every_mutated_form_both_ways(client, crafts, words):
    assert found(client, words, "cy") == BOTH


def test_welsh_search_only_follows_the_mutation_rules(client, crafts):
    assert found(client, "rochenwaith", "cy") == set()
    assert found(client, "ysgota", "cy") == set()  # p never drops


def test_english_search_does_not_change_words(client, crafts):
    assert found(client, "crochenwaith", "en") == {"Pottery club"}
    assert found(client, "nghrochenwaith", "en") == {"Craft group"}
    assert found(client, "bysgota", "en") == {"Craft group"}
    assert found(client, "physgota", "en") == set()
