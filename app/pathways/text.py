"""Text for search: the same folding for the words stored and the words a person types."""

import re
import unicodedata

from app.pathways.limits import WORD

_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_QUERY = 100  # characters a person can search for
MAX_WORDS = 8
SHORTEST = 2  # letters; shorter words are too common to search by


def fold(text: str) -> str:
    """Lower case, accents off (café -> cafe, ŵ -> w), anything else a single space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain).strip()


def search_words(query: str | None) -> list[str]:
    """The words to look for: folded, no repeats, at most a few, none shorter than 2 letters."""
    words = []
    for word in fold((query or "")[:MAX_QUERY]).split():
        word = word[:WORD]
        if len(word) >= SHORTEST and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def index_words(*parts: str | None) -> set[str]:
    """Every word of a service's texts that a search can find it by."""
    return {word[:WORD] for part in parts for word in fold(part or "").split() if len(word) >= SHORTEST}


def word_range(start: str) -> tuple[str, str]:
    """The stored words that begin with start lie between these two, in any collation of a-z and 0-9."""
    return start, start + "z" * (WORD - len(start) + 1)
