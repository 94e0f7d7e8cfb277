"""The readability check staff see as they write a service's easy-read words: the rules of
docs/decisions/0002-readability-check.md, worked out on the server so it needs no script.

A sentence of more than 15 words is too long. A word of 4 or more syllables (counted by its groups of
vowels, so a rough count) is hard, unless it is on the word list (the glossary), which explains it, or is one of the site's own names for a
step or a kind of help.
Welsh is checked for sentence length and the Welsh word list only: syllables are counted for English.
"""

import re
from dataclasses import dataclass, field

from flask_babel import force_locale

from app.easyread.glossary import entries
from app.pathways.taxonomies import VOCABULARIES

MAX_WORDS = 15
HARD_SYLLABLES = 4
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_WORD = re.compile(r"[A-Za-z\u00C0-\u017F'’-]+")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass
class Report:
    long_sentences: list[tuple[str, int]] = field(default_factory=list)  # (sentence, its words)
    hard_words: list[str] = field(default_factory=list)
    glossary_words: list[str] = field(default_factory=list)  # explained on the word list: fine to use

    @property
    def clear(self) -> bool:
        return not self.long_sentences and not self.hard_words


def syllables(word: str) -> int:
    """A rough count of an English word's syllables: its groups of vowels, less a silent final e."""
    word = word.lower().strip("'’-")
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def _glossary_words(lang: str) -> list[str]:
    """The word list's words in a language, and the site's own names for steps and kinds of help and
    work, longest first, so "learning disabilities" wins over "learning"."""
    with force_locale(lang):
        words = {str(word).casefold() for entry in entries() for word in (entry.term, *entry.also)}
        words |= {str(term.name).casefold() for v in VOCABULARIES.values() for term in v.terms.values()}
    return sorted(words, key=len, reverse=True)


def check(text: str | None, lang: str) -> Report:
    """What is long or hard in one easy-read text."""
    report = Report()
    text = (text or "").strip()
    if not text:
        return report
    rest = text
    for word in _glossary_words(lang):
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
        if pattern.search(rest):
            report.glossary_words.append(word)
            rest = pattern.sub(" ", rest)
    for sentence in _SENTENCE_END.split(text):
        count = len(sentence.split())
        if count > MAX_WORDS:
            report.long_sentences.append((sentence.strip(), count))
    if lang == "en":
        seen = set()
        for word in _WORD.findall(rest):
            folded = word.casefold()
            if folded not in seen and syllables(word) >= HARD_SYLLABLES:
                seen.add(folded)
                report.hard_words.append(word)
    return report
