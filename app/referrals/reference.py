"""Referral references, made to be read out on the phone: "K7MR-4WAX".

The alphabet leaves out characters that look alike (0 O D Q, 1 I L, 2 Z, 5 S, 8 B, 6 G, U V) and letters
that sound alike on a phone line (B C D E G P T V, M N, F S), so what is read out is what is typed.
8 characters from 15 give 2.6 billion references; the table's unique index settles the rare clash.

A reference never spells a rude or unkind word, even read with look-alikes (4 as A, 7 as T, X for a
hidden letter as in "F**K"): such references are drawn again. About 1 in 8 is drawn again, which
leaves about 2.2 billion (31 bits)."""

import secrets

from werkzeug.routing import BaseConverter

ALPHABET = "AFHJKMRWXY34679"
LENGTH = 8
PATTERN = f"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}"

# What each character can also be read as. X can also stand for a hidden letter inside a word ("FXXK").
LOOKS_LIKE = {
    "A": "",
    "F": "",
    "H": "",
    "J": "",
    "K": "C",
    "M": "",
    "R": "",
    "W": "V",
    "X": "",
    "Y": "I",
    "3": "E",
    "4": "A",
    "6": "GB",
    "7": "TL",
    "9": "GQ",
}
HIDDEN = "X"

# Words a reference must not spell in English or Welsh, written in plain letters.
BLOCKED = (
    *(
        "FUCK",
        "FACK",
        "FICK",
        "FUK",
        "FYK",
        "FCK",
        "FK",
        "FAK",
        "FFWC",
        "FFYC",
        "CUNT",
        "CONT",
        "COCK",
        "COC",
        "DICK",
        "TWAT",
    ),
    *("WANK", "SHIT", "CACHU", "CRAP", "ARSE", "TIT", "FART", "PISS", "WEE", "KAK", "JERK", "TWERK"),
    *("FAG", "FAT", "HAG", "GAY", "JEW", "KKK", "HATE", "FREAK", "WTF", "XXX", "666", "69", "AK47"),
    *("MAFIA", "HAMAS", "RAPE", "HIV", "HELL", "BITCH", "SLAG", "TWP"),
)


def _readings(char: str) -> str:
    return char + LOOKS_LIKE.get(char, "")


def spells(text: str, word: str) -> bool:
    """True when text, read with look-alikes and hidden letters, holds word anywhere."""
    for start in range(len(text) - len(word) + 1):
        hidden = 0
        for i, letter in enumerate(word):
            char = text[start + i]
            if letter in _readings(char):
                continue
            if char == HIDDEN and 0 < i < len(word) - 1:
                hidden += 1
                continue
            break
        else:
            if len(word) - hidden >= 2:
                return True
    return False


def is_clean(reference: str) -> bool:
    """True when the reference spells no blocked word, across its dash too."""
    chars = reference.replace("-", "")
    return not any(spells(chars, word) for word in BLOCKED)


def new_reference() -> str:
    """A random reference that spells nothing rude."""
    while True:
        chars = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        reference = f"{chars[:4]}-{chars[4:]}"
        if is_clean(reference):
            return reference


def normalise(text: str) -> str:
    """A reference as typed or read back: any case, spaces or no dash."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == LENGTH else text.strip().upper()


class ReferenceConverter(BaseConverter):
    regex = PATTERN
