"""Easy read on the directory pages the shared checks do not reach: filtered searches, services for me and every
demo service. Short sentences, a good reading score, a symbol on every row, hard words linked, audio registered."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
import textstat
from flask import g

from app.easyread.glossary import ENTRIES
from app.easyread.symbols import inline_src
from tests.functional.test_readability import MAX_WORDS, MIN_FLESCH, NAMES, SCORED_FROM_WORDS
from tests.pathways_builders import demo_records

PATHS = [
    "/services?kind=job-coaching&ask=yes&age=19-25",
    "/services?q=helicopter&step=volunteering&pay=paid&need=autism&area=harbourside",
    "/services?age=very+old",
    "/services?page=3",
    "/services-for-me?interest=animals&try=volunteering-role&age=16-18",
    "/services-for-me?interest=office&interest=it&try=supported-internship&need=autism&help=travel-training&hours=16-plus&age=19-25",
    "/services-for-me?try=paid-job&need=physical-sensory",
    *(f"/services/{record['id']}" for record in demo_records()),
]
SEGMENTS = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>|<[^>]+>|([^<]+)', re.S)


def page_clips(app, path: str, lang: str = "en") -> list:
    url = urlsplit(path)
    with (
        app.app_context(),
        app.test_request_context(url.path, query_string={**dict(parse_qsl(url.query)), "lang": lang}),
    ):
        app.preprocess_request()
        app.dispatch_request()
        return [*g.page_reader.clips, g.page_reader.page_clip()]


@pytest.fixture
def known_words(app):
    with app.test_request_context():
        words = {str(word) for entry in ENTRIES for word in (entry.term, *entry.also)}
    names = {record["organization"]["name"] for record in demo_records()} | set(NAMES)
    return re.compile("|".join(map(re.escape, sorted(words | names, key=len, reverse=True))), re.IGNORECASE)


def test_every_sentence_is_short_and_every_string_and_page_reads_easily(app, known_words):
    textstat.set_lang("en")
    app.config["AUDIO_ENABLED"] = False
    problems = []
    for path in PATHS:
        for clip in page_clips(app, path):
            whole_page = clip.dom_id == "say-page"
            for sentence in re.split(r"(?<=[.!?:])\s+", clip.text):
                if not whole_page and len(sentence.split()) > MAX_WORDS:
                    problems.append(f"{path}: over {MAX_WORDS} words: {sentence!r}")
            if (whole_page or len(clip.text.split()) >= SCORED_FROM_WORDS) and textstat.flesch_reading_ease(
                known_words.sub("it", clip.text)
            ) < MIN_FLESCH:
                problems.append(f"{path}: hard to read: {clip.text[:80]!r}")
    assert not problems, "\n".join(problems)


def test_every_page_registers_its_text_for_audio_in_both_languages(app):
    for path in PATHS[:7]:
        for lang in ("en", "cy"):
            clips = page_clips(app, path, lang)
            assert clips[-1] is not None and len(clips) > 5 and all(c.lang == lang for c in clips if c), path


def test_every_row_and_card_has_a_symbol_from_the_index(app, client):
    import json

    files = {entry["file"] for entry in json.load(open(app.config["SYMBOL_INDEX"]))["concepts"].values()}
    with app.app_context():  # a first-screen symbol comes inside the page as its file's data: address
        sources = {f"/symbols/{name}": name for name in files} | {inline_src(name): name for name in files}
    for path in PATHS:
        page = client.get(path).get_data(as_text=True)
        blocks = re.findall(r'<div class="row[^"]*">(.*?)</div>\s*(?=<|$)', page, re.S)
        blocks += re.findall(r'<li class="card">(.*?)</li>', page, re.S)
        blocks += re.findall(r'<label class="answer-card"[^>]*>(.*?)</label>', page, re.S)
        assert blocks, path
        for block in blocks:
            found = re.search(r'<img class="symbol" src="([^"]+)"', block)
            assert found and found.group(1) in sources, f"{path}: {block[:100]!r}"


def test_the_first_hard_word_in_the_text_of_each_page_links_to_the_word_list(app, client):
    with app.test_request_context():
        words = {str(word).casefold(): entry.slug for entry in ENTRIES for word in (entry.term, *entry.also)}
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)", re.I
    )
    for path in PATHS:
        main = client.get(path).get_data(as_text=True).split('<main id="main"', 1)[1].split("</main>", 1)[0]
        main = re.sub(r"<(h[1-6]|label|legend|summary|th|code)[^>]*>.*?</\1>", " ", main, flags=re.S)
        seen = set()
        for match in SEGMENTS.finditer(main):
            href, link_text, plain = match.groups()
            if href is not None and not href.startswith("/glossary#"):
                continue
            for term in pattern.finditer(link_text or plain or ""):
                slug = words[term.group(0).casefold()]
                if slug not in seen:
                    seen.add(slug)
                    assert href == f"/glossary#{slug}", f"{path}: the first {term.group(0)!r} is not linked"
