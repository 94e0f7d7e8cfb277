"""The readability check on staff's easy-read words: long sentences, hard words, and the word list."""

import pytest

from app.staff.directory.readability import check, syllables


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


@pytest.mark.parametrize(
    "word, count", [("job", 1), ("coach", 1), ("make", 1), ("people", 2), ("employment", 3), ("opportunities", 5)]
)
def test_syllables_are_counted_roughly_by_vowel_groups(word, count):
    assert syllables(word) == count


def test_short_plain_words_are_clear(request_context):
    assert check("You get a job coach. They help you find a paid job.", "en").clear


def test_a_sentence_of_more_than_15_words_is_too_long(request_context):
    seventeen = "You can come to the cafe on Monday and Friday to make tea and cakes for people."
    report = check(seventeen + " It is fun.", "en")
    assert report.long_sentences == [(seventeen, 17)]
    assert not check(
        "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.", "en"
    ).long_sentences


def test_hard_words_are_listed_once_in_the_order_they_come(request_context):
    report = check("Opportunities for individuals. More opportunities.", "en")
    assert report.hard_words == ["Opportunities", "individuals"]


def test_word_list_words_and_the_sites_own_names_are_not_hard(request_context):
    report = check("A supported internship helps people with a learning disability and Universal Credit.", "en")
    assert report.hard_words == []
    assert {"learning disability", "universal credit"} <= set(report.glossary_words)


def test_welsh_is_checked_for_sentence_length_only(request_context):
    long = " ".join(["gwaith"] * 16) + "."
    report = check(long + " Cyfleoedd cyflogaeth anhygoel.", "cy")
    assert report.long_sentences == [(long, 16)] and report.hard_words == []


def test_empty_words_have_nothing_to_report(request_context):
    assert check("", "en").clear and check(None, "cy").clear
