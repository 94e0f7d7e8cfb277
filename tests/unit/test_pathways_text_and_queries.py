"""Search words and query strings: folded the same way, and anything odd is dropped or explained."""

import pytest
from werkzeug.datastructures import MultiDict

from app.pathways.forms import read_age, read_directory_query, read_page, read_profile
from app.pathways.text import fold, index_words, search_words, word_range


def test_folding_drops_case_accents_and_punctuation():
    assert fold("Café, Ŵyl & CAFÉ!") == "cafe wyl cafe"


def test_search_words_are_few_unique_and_not_too_short():
    assert search_words("The café, the CAFE and a x") == ["the", "cafe", "and"]
    assert len(search_words(" ".join(f"word{n}" for n in range(20)))) == 8
    assert search_words(None) == [] and search_words("!!! ???") == []


def test_every_stored_word_that_starts_with_a_search_word_is_in_its_range():
    low, high = word_range("gard")
    assert all(low <= word <= high for word in ("gard", "garden", "gardening", "gardz" + "z" * 30))
    assert not any(low <= word <= high for word in ("gar", "gare", "garc", "agard"))


def test_index_words_come_from_every_text_given():
    assert index_words("Harbour Café", None, "Caffi'r Harbwr") == {"harbour", "cafe", "caffi", "harbwr"}


@pytest.mark.parametrize("value, ages", [("16-18", (16, 18)), ("26-plus", (26, 120)), ("17", (17, 17)), ("0", (0, 0))])
def test_an_age_can_be_a_band_or_a_whole_number(value, ages):
    assert read_age(value) == ages


@pytest.mark.parametrize("value", ["abc", "-3", "500", "1e3", "١٧", "17.5", "9" * 5000])
def test_ages_that_cannot_be_read_give_none(value):
    assert read_age(value) is None


@pytest.mark.parametrize(
    "value, page", [("3", 3), ("0", 1), ("-2", 1), ("abc", 1), ("9" * 5000, 1), ("٣", 1), (None, 1)]
)
def test_page_numbers_that_cannot_be_read_give_the_first_page(value, page):
    assert read_page(value) == page


def test_unknown_filter_values_are_dropped_and_repeats_count_once():
    args = MultiDict(
        [
            ("step", "volunteering"),
            ("step", "volunteering"),
            ("step", "flying"),
            ("kind", "<script>"),
            ("area", "harbourside"),
            ("area", "atlantis"),
            ("pay", "lots"),
            ("ask", "maybe"),
        ]
    )
    query = read_directory_query(args, known_areas=["harbourside"])
    assert query.filters.steps == ("volunteering",)
    assert query.filters.kinds == () and query.filters.pay == () and not query.filters.ask_myself
    assert query.filters.areas == ("harbourside",)


def test_a_bad_age_is_explained_and_not_used():
    query = read_directory_query(MultiDict({"age": "old"}), [])
    assert query.age_problem and query.filters.ages is None and query.age == ""


def test_words_lose_nul_characters_and_are_cut_to_size():
    query = read_directory_query(MultiDict({"q": "caf\x00e " + "x" * 500}), [])
    assert "\x00" not in query.query and len(query.query) <= 100


def test_a_profile_from_an_address_keeps_only_known_answers():
    args = MultiDict(
        [
            ("interest", "animals"),
            ("interest", "dragons"),
            ("try", "volunteering-role"),
            ("age", "16-18"),
            ("hours", "lots"),
            ("need", "autism"),
            ("help", "travel-training"),
        ]
    )
    found = read_profile(args)
    assert found.interests == {"animals"} and found.try_first == {"volunteering-role"} and found.age_band == "16-18"
    assert found.hours is None and found.support_needs == {"autism"} and found.helps == {"travel-training"}


def test_an_address_with_no_known_answers_gives_no_profile():
    assert read_profile(MultiDict({"interest": "dragons", "age": "ancient"})) is None
