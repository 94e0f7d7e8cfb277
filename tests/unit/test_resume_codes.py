"""The words resume codes are made from: short, common, picturable, kind, and enough of them."""

import re
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from app.checklists import codes

DATA = Path(__file__).parent / "data"
MIN_WORDS = (
    300  # 3 words from 300 and 4 digits: 38 bits (docs/decisions/0016-kind-resume-codes-and-clean-references.md)
)
MIN_ZIPF = 3.0  # at least once in a million words of everyday English (wordfreq's Zipf scale)


def blocklist() -> tuple[set[str], set[str]]:
    """Words no code may be, and the stems no code word may hold anywhere (marked *)."""
    exact, stems = set(), set()
    for line in (DATA / "blocked_words.txt").read_text(encoding="utf-8").splitlines():
        for word in line.split("#")[0].split():
            (stems if word.endswith("*") else exact).add(word.rstrip("*"))
    return exact | stems, stems


def homophones() -> set[str]:
    lines = (DATA / "homophones.txt").read_text(encoding="utf-8").splitlines()
    return {word for line in lines if not line.startswith("#") for word in line.split()}


def welsh_meanings() -> dict[str, str]:
    pairs = (line.split("#")[0].split() for line in (codes.WORD_LISTS / "cy.txt").read_text("utf-8").splitlines())
    return {parts[0]: parts[1] for parts in pairs if parts}


@pytest.mark.parametrize("lang", codes.LANGS)
def test_every_word_list_is_big_enough_to_keep_codes_from_being_guessed(lang):
    assert len(codes.words(lang)) >= MIN_WORDS
    assert codes.bits_of_randomness(lang) >= 38


def test_english_code_words_are_short_common_letters_only_and_easy_to_spell():
    for word in codes.words("en"):
        assert re.fullmatch(r"[a-z]{3,6}", word), word
        assert zipf_frequency(word, "en") >= MIN_ZIPF, word
    assert not set(codes.words("en")) & homophones()


def test_welsh_code_words_are_short_unaccented_and_mean_common_english_words():
    meanings = welsh_meanings()
    assert set(meanings) == set(codes.words("cy"))
    for word, meaning in meanings.items():
        assert re.fullmatch(r"[a-z]{3,7}", word), word  # Welsh words run a little longer; no â or ŵ to type
        assert zipf_frequency(meaning, "en") >= MIN_ZIPF, (word, meaning)


def test_no_code_word_is_rude_unkind_or_frightening_in_either_language():
    blocked, stems = blocklist()
    for lang in codes.LANGS:
        for word in codes.words(lang):
            assert word not in blocked, word
            assert not any(stem in word for stem in stems), word


def test_the_blocklist_catches_the_words_people_were_given_before():
    blocked, stems = blocklist()
    assert {"fuck", "twat", "cachu"} <= stems and {"rape", "tin"} <= blocked
    for word in ("stand", "crept", "flirt", "boots", "gut", "frill", "dome", "xerox", "poise"):
        assert word not in codes.words("en")


def test_welsh_and_english_lists_share_no_word_so_a_code_shows_its_language():
    assert not set(codes.words("en")) & set(codes.words("cy"))


@pytest.mark.parametrize("lang", codes.LANGS)
def test_a_new_code_has_three_words_from_the_persons_language_and_four_digits(lang):
    for _ in range(200):
        code = codes.new_code(lang)
        *letters, digits = code.split("-")
        assert len(letters) == 3 and all(w in codes.words(lang) for w in letters)
        assert re.fullmatch(r"\d{4}", digits)
        assert codes.language_of(code) == lang
        assert codes.normalise(code) == code


def test_a_code_in_either_list_is_understood_in_any_case_with_spaces_or_hyphens():
    assert codes.normalise("Frog LAMP melon 4821") == "frog-lamp-melon-4821"
    assert codes.normalise(" cath - ceffyl - afal - 0042 ") == "cath-ceffyl-afal-0042"
    assert codes.normalise("CATH CEFFYL AFAL 0042") == "cath-ceffyl-afal-0042"
    assert codes.normalise("frog cath lamp 12 34") == "frog-cath-lamp-1234"


def test_codes_made_from_the_earlier_word_list_still_read_the_same():
    # Stored codes are keyed hashes of this form, so it must not change for them.
    assert codes.normalise("Stand Crept Flirt 6533") == "stand-crept-flirt-6533"
    assert codes.normalise("panda-tulip-river-2026") == "panda-tulip-river-2026"
    assert codes.language_of("stand-crept-flirt-6533") == "en"


@pytest.mark.parametrize("typed", ["", "frog lamp 4821", "frog lamp melon 482", "frog lamp zzzq 4821", "x" * 500])
def test_what_cannot_be_a_code_is_refused(typed):
    assert codes.normalise(typed) is None
