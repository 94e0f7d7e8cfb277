"""Every page has a Listen control whose clips exist, are MP3, and last about as long as their text."""

import re
import threading

import html5lib
import pytest

from app.easyread import audio
from app.easyread.pool import SpeechBusy, SpeechPool
from app.easyread.speech import mp3_duration
from app.easyread.symbols import inline_src
from tests.site import PageCheckingClient, all_pages, make_app

SAY = re.compile(r'id="([^"]+)" data-say="([^"]+)">(.*?)</', re.S)


def spoken_elements(page: str) -> list[tuple[str, str]]:
    """(clip address, the element's whole text) for every element on the page that has audio."""
    document = html5lib.parse(page, namespaceHTMLElements=False)
    return [
        (el.get("data-say"), " ".join("".join(el.itertext()).split())) for el in document.iter() if el.get("data-say")
    ]


PAGE_AUDIO = re.compile(r'<audio class="listen-audio" controls preload="none" src="([^"]+)"')


def assert_is_mp3_that_fits(data: bytes, text: str, rate: int, where: str = "") -> None:
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0), "not an MP3 file"
    # Long numbers (phone numbers) are read one digit at a time.
    words = sum(len(w) if w.isdigit() and len(w) > 4 else 1 for w in re.findall(r"[^\W\d_]+|\d+", text))
    expected = words / rate * 60
    duration = mp3_duration(data)
    assert 0.35 * expected <= duration <= 2.5 * expected + 1.0, (
        f"{duration:.1f} s for {words} words: {text[:60]!r} {where}"
    )


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory):
    """One audio folder for the tests that build every page's clips, so each clip is made once a worker."""
    return tmp_path_factory.mktemp("audio")


@pytest.fixture
def audio_app(tmp_path, audio_dir):
    return make_app(tmp_path, AUDIO_DIR=str(audio_dir))


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_page_has_listen_and_every_clip_is_a_fitting_mp3(audio_app, lang):
    app = audio_app
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    rate = app.config["AUDIO_RATE"]
    for path in all_pages(app, client):
        page = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}").get_data(as_text=True)
        whole_page = PAGE_AUDIO.search(page)
        assert whole_page, f"{path}: no Listen control"
        sentences = spoken_elements(page)
        assert sentences, f"{path}: no text registered for audio"
        for url, text in sentences:
            # Shared text is stored by language; a person's own words are spoken on request from their pages.
            assert url.startswith(f"/audio/{lang}/") or url.startswith("/my-work/"), url
            response = client.get(url)
            assert response.status_code == 200 and response.mimetype == "audio/mpeg", url
            assert_is_mp3_that_fits(response.data, text, rate, where=f"{path} {url}")
        response = client.get(whole_page.group(1))
        assert response.status_code == 200
        page_words = " ".join(text for url, text in sentences if url.startswith("/audio/"))
        assert_is_mp3_that_fits(response.data, page_words, rate)


def test_every_symbol_row_and_answer_card_shows_a_symbol_from_the_index(app, client):
    import json

    files = {entry["file"] for entry in json.load(open(app.config["SYMBOL_INDEX"]))["concepts"].values()}
    with app.app_context():  # a first-screen symbol comes inside the page as its file's data: address
        sources = {f"/symbols/{name}": name for name in files} | {inline_src(name): name for name in files}
    for path in all_pages(app, client):
        page = client.get(path).get_data(as_text=True)
        blocks = re.findall(r'<div class="row[^"]*">(.*?)</div>\s*(?=<|$)', page, re.S)
        blocks += re.findall(r'<label class="answer-card"[^>]*>(.*?)</label>', page, re.S)
        blocks += re.findall(r'<div class="heading-row heading-row-1">(.*?)</div>', page, re.S)
        assert blocks, path
        for block in blocks:
            symbol = re.search(r'<img class="symbol" src="([^"]+)" width="\d+" height="\d+" alt="[^"]*"[^>]*>', block)
            assert symbol and symbol.group(1) in sources, f"{path}: no symbol from the index in {block[:120]!r}"


def test_clips_are_cached_for_a_year_by_browsers(client):
    page = client.get("/").get_data(as_text=True)
    url = SAY.search(page).group(2)
    response = client.get(url)
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]


def test_the_same_text_in_another_language_voice_or_rate_is_another_clip():
    from app.easyread.reader import clip_key

    base = clip_key("Hello.", "en", "gmw/en", 150)
    assert (
        len(
            {
                base,
                clip_key("Hello!", "en", "gmw/en", 150),
                clip_key("Hello.", "cy", "cel/cy", 150),
                clip_key("Hello.", "en", "gmw/en", 120),
            }
        )
        == 4
    )
    assert clip_key("Hello.", "en", "gmw/en", 150) == base


def test_a_request_never_waits_for_another_requests_clip(tmp_path, monkeypatch):
    # Six requests at once, each in its own thread: a database file gives each its own connection, as a real
    # server's threads have (the tests' in-memory database is one connection, not made to be shared at once).
    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/clips.db")
    page = app.test_client().get("/privacy").get_data(as_text=True)
    url = SAY.search(page).group(2)
    calls, release = [], threading.Event()
    real = SpeechPool.synthesize

    def slow(self, text, lang, **kwargs):
        calls.append(threading.current_thread())  # the test client answers in the thread that asks
        release.wait(GENEROUS_S)  # the first request's speech lasts until the others have had their answer
        return real(self, text, lang, **kwargs)

    monkeypatch.setattr(SpeechPool, "synthesize", slow)
    results = []

    def fetch():
        response = app.test_client().get(url)
        results.append((response.status_code, response.headers.get("Retry-After")))

    first = threading.Thread(target=fetch)
    first.start()
    while first not in calls and first.is_alive():  # the first request is speaking (no other thread counts)
        release.wait(0.01)
    others = [threading.Thread(target=fetch) for _ in range(5)]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join(GENEROUS_S)
    assert sorted(results) == [(503, "5")] * 5, "the others were told to try again, not made to wait"
    release.set()
    first.join(GENEROUS_S)
    assert results[-1] == (200, None)
    assert [thread for thread in calls if thread in (first, *others)] == [first]
    assert app.test_client().get(url).status_code == 200


def test_audio_that_is_not_ready_says_so_in_easy_read(app, monkeypatch):
    def busy(self, text, lang, **kwargs):
        raise SpeechBusy("every speech process is busy")

    monkeypatch.setattr(SpeechPool, "synthesize", busy)
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    for lang, words in (("en", "This audio is not ready yet"), ("cy", "sain hon ddim yn barod eto")):
        page = client.get(f"/credits?lang={lang}").get_data(as_text=True)
        url = SAY.search(page).group(2)
        response = client.get(url)
        assert response.status_code == 503 and response.headers["Retry-After"] == "5"
        text = response.get_data(as_text=True)
        assert words in text and 'class="symbol"' in text


GENEROUS_S = 120.0


def test_unknown_clips_and_languages_get_the_404_page(client):
    assert client.get("/audio/en/" + "0" * 64 + ".mp3").status_code == 404
    assert client.get("/audio/fr/" + "0" * 64 + ".mp3").status_code == 404
    assert client.get("/audio/en/not-a-key.mp3").status_code == 404


def test_without_a_speech_engine_pages_work_and_say_audio_is_not_available(tmp_path, monkeypatch):
    monkeypatch.setattr(SpeechPool, "available", property(lambda self: False))
    app = make_app(tmp_path)
    client = app.test_client()
    for path in all_pages(app, client):
        for lang in ("en", "cy"):
            response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
            assert response.status_code == 200
            page = response.get_data(as_text=True)
            assert not PAGE_AUDIO.search(page), path
            assert 'class="listen-unavailable"' in page, path
    assert "Sorry, audio is not available right now." in client.get("/?lang=en").get_data(as_text=True)
    url = SAY.search(client.get("/").get_data(as_text=True)).group(2)
    assert client.get(url).status_code == 404


def test_with_audio_switched_off_pages_still_work(tmp_path):
    app = make_app(tmp_path, AUDIO_ENABLED=False)
    page = app.test_client().get("/").get_data(as_text=True)
    assert 'class="listen-unavailable"' in page


def test_clips_already_built_still_play_when_the_engine_is_gone(app, client, monkeypatch):
    page = client.get("/credits").get_data(as_text=True)
    for _, url, _ in SAY.findall(page):
        client.get(url)
    client.get(PAGE_AUDIO.search(page).group(1))
    monkeypatch.setattr(SpeechPool, "available", property(lambda self: False))
    page = client.get("/credits").get_data(as_text=True)
    assert PAGE_AUDIO.search(page)
    assert client.get(PAGE_AUDIO.search(page).group(1)).status_code == 200


def test_build_audio_builds_every_page_in_every_language_then_reuses(tmp_path, audio_dir):
    # The folder is shared with the other tests that build clips, so some may be there already. The database is
    # a file, as for a real build: its threads each take their own connection (an in-memory database has one).
    audio_app = make_app(tmp_path, AUDIO_DIR=str(audio_dir), DATABASE_URL=f"sqlite:///{tmp_path}/build.db")
    runner = audio_app.test_cli_runner()
    first = runner.invoke(args=["easyread", "build-audio"])
    assert first.exit_code == 0, first.output
    built, reused = map(int, re.search(r"(\d+) built, (\d+) reused, 0 failed", first.output).groups())
    assert built + reused > 100
    second = runner.invoke(args=["easyread", "build-audio"])
    assert f"0 built, {built + reused} reused, 0 failed" in second.output
    assert "speech processes" in first.output and "Building audio" in first.output
    assert re.search(r"Building audio: \d+ of \d+", first.output) or built == 0
    with audio_app.app_context():
        assert any(audio.clip_path("cy", "x").parent.glob("*.mp3"))


def test_build_audio_works_on_a_database_without_demo_data(tmp_path, monkeypatch, audio_dir):
    import demo.cli

    monkeypatch.setattr(demo.cli, "LOADERS", [])
    # A file, as for a real build: the build's threads each take their own connection. An in-memory database is
    # one connection shared by every thread, and two commits on it at once can fail inside sqlite3.
    bare = make_app(tmp_path, AUDIO_DIR=str(audio_dir), DATABASE_URL=f"sqlite:///{tmp_path}/bare.db")
    result = bare.test_cli_runner().invoke(args=["easyread", "build-audio"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_the_audio_build_renders_only_the_pages_it_is_handed(app):
    from app.easyread.cli import collect_clips

    app.config["AUDIO_ENABLED"] = False
    assert collect_clips(app, ["en"], []) == {}
    home = collect_clips(app, ["en"], ["/"])
    both = collect_clips(app, ["en"], ["/", "/accessibility"])
    assert home and set(home) < set(both)


def test_the_build_puts_the_pages_people_open_first_at_the_front():
    from app.easyread.cli import first_pages_first

    paths = ["/glossary", "/services?step=volunteering", "/services", "/find-work", "/credits", "/my-work", "/"]
    first = ("/", "/my-work", "/find-work", "/services")
    assert first_pages_first(paths, first) == [
        "/",
        "/my-work",
        "/find-work",
        "/services?step=volunteering",
        "/services",
        "/glossary",
        "/credits",
    ]


def test_the_build_gathers_clips_page_by_page_in_both_languages(app):
    from app.easyread.cli import collect_clips

    clips = list(collect_clips(app, ["en", "cy"], ["/", "/credits"]).values())
    home = [clip.lang for clip in clips[: len(collect_clips(app, ["en", "cy"], ["/"]))]]
    assert set(home) == {"en", "cy"}, "both languages of the home page come before the next page"
