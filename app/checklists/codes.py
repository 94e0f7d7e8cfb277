"""Resume codes: three easy words and four digits, easy to write down or read out.

New codes take their words from a curated list in the person's language (words/en.txt, words/cy.txt):
short, common things you can picture. Codes made before those lists took words from the EFF short word
list; they still open their checklists, because a code is stored as a keyed hash of its typed form."""

import hashlib
import hmac
import math
import re
import secrets
from functools import lru_cache
from importlib import resources
from pathlib import Path

DIGITS = 4
WORDS = 3
WORD_LISTS = Path(__file__).parent / "words"
LANGS = ("en", "cy")


@lru_cache(maxsize=len(LANGS))
def words(lang: str = "en") -> tuple[str, ...]:
    """The words new codes are made from in this language (English when there is no list for it)."""
    lang = lang if lang in LANGS else "en"
    text = (WORD_LISTS / f"{lang}.txt").read_text(encoding="utf-8")
    lines = (line.split("#")[0].split() for line in text.splitlines())
    return tuple(sorted({parts[0] for parts in lines if parts}))


@lru_cache(maxsize=1)
def legacy_words() -> frozenset[str]:
    """The EFF short word list that earlier codes were made from (1,296 words, shipped with xkcdpass)."""
    text = (resources.files("xkcdpass") / "static" / "eff-short").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip().isalpha())


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word a code can have: the lists for new codes in each language, and the earlier list."""
    return frozenset().union(*(words(lang) for lang in LANGS), legacy_words())


def bits_of_randomness(lang: str = "en") -> float:
    """How hard a new code in this language is to guess: log2 of the number of codes."""
    return WORDS * math.log2(len(words(lang))) + DIGITS * math.log2(10)


def new_code(lang: str = "en") -> str:
    """A fresh code like 'frog-lamp-melon-4821', with words in the person's language."""
    choice = words(lang)
    picked = [secrets.choice(choice) for _ in range(WORDS)]
    return "-".join(picked + [f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"])


def normalise(typed: str) -> str | None:
    """Forgive case, spaces and punctuation: 'Frog Lamp, melon 4821' -> 'frog-lamp-melon-4821'."""
    parts = re.findall(r"[a-z]+|\d+", (typed or "").lower()[:200])
    letters = [p for p in parts if p.isalpha()]
    digits = "".join(p for p in parts if p.isdigit())
    if len(letters) != WORDS or len(digits) != DIGITS or any(w not in known_words() for w in letters):
        return None
    return "-".join(letters + [digits])


def language_of(code: str) -> str:
    """The language a code's words are in, for the voice that reads it out: Welsh when all are Welsh."""
    letters = code.split("-")[:WORDS]
    return "cy" if all(w in words("cy") for w in letters) else "en"


def code_hash(code: str, secret: str) -> str:
    """A keyed hash, so a copy of the database alone cannot be searched for codes."""
    return hmac.new(secret.encode(), code.encode(), hashlib.sha256).hexdigest()
