"""Every English easy-read string on every page: short sentences, a good reading score, hard words linked."""

import re

import pytest
import textstat

from app.easyread.cli import collect_clips
from app.easyread.glossary import ENTRIES
from demo.pages import page_paths

MAX_WORDS = 15
MIN_FLESCH = 70
# Flesch is a measure of passages; below this many words a string is a label, and its score is noise.
SCORED_FROM_WORDS = 8
# Names that cannot be made simpler. Glossary words are explained on the word list, so they count as known too.
NAMES = [
    "Equality Advisory and Support Service",
    "Information Commissioner's Office",
    "Atkinson Hyperlegible Next",
    "GNU General Public License",
    "OpenMoji",
    "eSpeak NG",
    "WCAG 2.2",
    "Braille Institute",
    "My Way to Work",
    # the days of the week: a schedule names them, and no shorter word says "Wednesday"
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]


@pytest.fixture
def english_clips(app):
    app.config["AUDIO_ENABLED"] = False
    with app.test_request_context():
        words = {str(word) for entry in ENTRIES for word in (entry.term, *entry.also)}
    return collect_clips(app, ["en"], page_paths(app)), sorted(words | set(NAMES), key=len, reverse=True)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]


def test_every_sentence_has_15_words_or_fewer(english_clips):
    clips, _ = english_clips
    too_long = [
        (c.text, len(s.split()))
        for c in clips.values()
        if c.dom_id != "say-page"
        for s in _sentences(c.text)
        if len(s.split()) > MAX_WORDS
    ]
    assert not too_long, f"sentences over {MAX_WORDS} words: {too_long}"


def test_every_string_and_page_reads_easily(english_clips):
    clips, known = english_clips
    known_words = re.compile("|".join(map(re.escape, known)), re.IGNORECASE)
    textstat.set_lang("en")
    hard = []
    for clip in clips.values():
        if clip.dom_id != "say-page" and len(clip.text.split()) < SCORED_FROM_WORDS:
            continue
        score = textstat.flesch_reading_ease(known_words.sub("it", clip.text))
        if score < MIN_FLESCH:
            where = "whole page" if clip.dom_id == "say-page" else clip.dom_id
            hard.append(f"{score:.0f} ({where}): {clip.text[:80]!r}")
    assert not hard, "hard to read (Flesch reading ease below 70):\n" + "\n".join(hard)


def test_the_first_use_of_each_hard_word_links_to_the_word_list(app, client):
    from tests.site import all_pages

    with app.test_request_context():
        words = {str(word).casefold(): entry.slug for entry in ENTRIES for word in (entry.term, *entry.also)}
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)", re.I
    )
    segments = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>|<[^>]+>|([^<]+)', re.S)
    for path in all_pages(app, client):
        if path == "/glossary":
            continue
        main = client.get(path).get_data(as_text=True).split('<main id="main"', 1)[1].split("</main>", 1)[0]
        # Headings, form labels and other links cannot hold a link, so the first use that counts is in body text.
        main = re.sub(r"<(h[1-6]|label|legend)[^>]*>.*?</\1>", " ", main, flags=re.S)
        main = re.sub(r'<a (?![^>]*href="/glossary#)[^>]*>.*?</a>', " ", main, flags=re.S)
        seen = set()
        for match in segments.finditer(main):
            href, link_text, text = match.groups()
            for term in pattern.finditer(link_text or text or ""):
                slug = words[term.group(0).casefold()]
                if slug not in seen:
                    seen.add(slug)
                    assert href == f"/glossary#{slug}", (
                        f"{path}: the first {term.group(0)!r} does not link to the word list"
                    )


def _every(text) -> list:
    """The words of a text, a voiced text ({self, other}) or a readiness step's sentence for each answer."""
    if isinstance(text, dict):
        return [each for inner in text.values() for each in _every(inner)]
    return [text]


def test_every_checklist_string_is_easy_read(english_clips):
    """Questions, hints, answers and plan sentences, straight from the definitions (the pages show them one at a time)."""
    from app.checklists.definitions import raw_definitions

    _, known = english_clips
    known_words = re.compile("|".join(map(re.escape, known)), re.IGNORECASE)
    problems = []
    for name, raw in raw_definitions():
        texts = [raw["title"], raw["summary"]]
        for step in raw["steps"]:
            texts += _every(step["question"]) + _every(step.get("hint")) + _every(step.get("next-step"))
            texts += _every(step.get("says"))
            texts += [
                t for option in step.get("options", []) for t in _every(option.get("label")) + _every(option["says"])
            ]
        for text in filter(None, texts):
            text = text.replace("%(answer)s", "it")
            if any(len(s.split()) > MAX_WORDS for s in _sentences(text)):
                problems.append(f"{name}: over {MAX_WORDS} words: {text!r}")
            if (
                len(text.split()) >= SCORED_FROM_WORDS
                and textstat.flesch_reading_ease(known_words.sub("it", text)) < MIN_FLESCH
            ):
                problems.append(f"{name}: hard to read: {text!r}")
    assert not problems, "\n".join(problems)
