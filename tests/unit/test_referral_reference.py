"""Referral references never spell a rude word, even read with the look-alikes their alphabet allows."""

import re

import pytest

from app.referrals import reference
from app.referrals.reference import ALPHABET, LOOKS_LIKE, is_clean, new_reference, normalise

# Written by hand, apart from the generator's own list: letter patterns over the reference alphabet, with the
# look-alikes people use (4 for A, 3 for E, 7 for T, 6 and 9 for G, Y for I, K for C, X for a hidden letter).
RUDE_PATTERNS = [
    r"F(X{0,2}|[4AY]X?|[4A]K)K",  # FK, FXK, FXXK, F4K, FAXK, FYK, FAKK
    r"FF[WY]K",  # ffwc, ffyc
    r"KXX7",  # cunt, cont with letters hidden
    r"[7][W][A4][7]",  # twat
    r"K[XA4]K",  # kak
    r"KKK",
    r"F[A4X][R][7]",  # fart
    r"F[A4X][69]",  # fag
    r"F[A4][7]",  # fat
    r"H[A4][69]",  # hag
    r"[69][A4]Y",  # gay
    r"J3W",
    r"W[7]F",
    r"H[A4X]73",  # hate
    r"J3RK",
    r"W33",
    r"666",
    r"69",
    r"XXX",
    r"[A4]K47",
    r"7[Y]7",  # tit
]


def reads_rude(ref: str) -> str | None:
    joined = ref.replace("-", "")
    return next((p for p in RUDE_PATTERNS if re.search(p, joined)), None)


def test_many_generated_references_spell_no_rude_word():
    for _ in range(20_000):
        ref = new_reference()
        assert re.fullmatch(reference.PATTERN, ref), ref
        assert reads_rude(ref) is None, (ref, reads_rude(ref))


@pytest.mark.parametrize(
    "ref",
    ["FXXK-KWH9", "MMF4-KKRM", "AMMF-XXKM", "7WA7-MMMM", "KKKA-MMMM", "AAA6-66MM", "HA6A-MMMM", "MMM7-Y7MM"]
    + ["AAAA-AA69", "RJ3W-MMMM", "MHX7-3MMM", "FFWK-MMMM", "MAK4-7MMM", "MW7F-MMMM", "XXXM-MMMM"],
)
def test_references_that_spell_a_rude_word_are_refused(ref):
    assert not is_clean(ref)


@pytest.mark.parametrize("ref", ["K7MR-4WAX", "HMRW-3AJY", "MAMA-YAWR", "WAXY-HAMM"])
def test_ordinary_references_are_kept(ref):
    assert is_clean(ref)


def test_every_character_of_the_alphabet_says_what_it_can_be_read_as():
    assert set(LOOKS_LIKE) == set(ALPHABET)


def test_every_rude_pattern_here_is_one_the_generator_refuses():
    # Each pattern's example must be refused, so the two lists cannot drift apart unnoticed.
    examples = ["FXXK", "FFWK", "KXX7", "7WA7", "K4K", "KKK", "FAR7", "FA6", "FA7", "HA9", "9AY", "J3W", "W7F"]
    examples += ["HX73", "J3RK", "W33", "666", "69", "XXX", "AK47", "7Y7"]
    for example in examples:
        assert reads_rude(example), example
        assert not is_clean(example.ljust(8, "M")), example


def test_a_reference_is_read_back_in_any_case_with_or_without_the_dash():
    assert normalise("k7mr 4wax") == "K7MR-4WAX"
    assert normalise("K7MR4WAX") == "K7MR-4WAX"
