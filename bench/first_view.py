"""First view on an old phone: how long every public page takes to load, and how soon Listen speaks.

    .venv/bin/python bench/first_view.py [--pages N] [--path /x ...] [--lang en|cy] [--listen-only] [--no-listen]

The app runs on a local port (werkzeug, threaded) with the demo data. Each page, in English and Welsh, opens
in a fresh Chromium context (320 x 640, empty cache) with the network and CPU of an old phone on a poor
connection, emulated by the DevTools protocol: 400 ms round trip, 400 kbit/s (50,000 bytes a second) each
way, CPU four times slower.

What is measured, from the start of navigation, in the page's own clock:
- load: the load event has finished (HTML, CSS, fonts, scripts and every image that is loading).
- shown: every visible <img> on the first screen (its box meets the 320 x 640 viewport; not inside a closed
  <details>, such as the Listen panel on a phone) is loaded and decoded
  (its decode() has resolved), and the fonts are ready.
- first view = the later of the two. Pages over 2.5 s are counted.

Listen: on a few pages, the Listen panel is opened and Play pressed; the time is from the click to the
`playing` event of the audio element that plays (the audio is built before, as `build-audio` does on deploy).
"""

import argparse
import logging
import statistics
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.easyread.audio import build_clip, get_speech  # noqa: E402
from app.easyread.cli import collect_clips  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from demo.checklists import DEMO_CODE  # noqa: E402
from demo.cli import load_demo_data  # noqa: E402
from demo.pages import page_paths  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 320, "height": 640}
NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
CPU_SLOWDOWN = 4
BUDGET = 2.5  # seconds
LISTEN_PAGES = ["/", "/find-work", "/services", "/my-work"]

# Resolves, in the page, once the load event is over and every image on the first screen is decoded.
MEASURE = """async () => {
  const nav = performance.getEntriesByType("navigation")[0];
  const onScreen = Array.from(document.images).filter((img) => {
    if (!img.checkVisibility()) return false;  // inside a closed <details>, or hidden
    const box = img.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  });
  await Promise.all(onScreen.map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
  const shown = performance.now();
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    load: nav.loadEventEnd, shown: shown, fcp: paint ? paint.startTime : null,
    images: document.images.length, onScreen: onScreen.length,
    fetched: performance.getEntriesByType("resource").length + 1,
    bytes: performance.getEntriesByType("resource").reduce((sum, r) => sum + r.transferSize, nav.transferSize),
  };
}"""

# Before any page script: note when any audio element first plays.
# Before any page script: note when audio plays and ends, on any audio element, in the page or not.
WATCH_PLAYING = """(() => {
  window.__events = [];
  const note = (event) => {
    window.__events.push([event.type, performance.now()]);
    if (event.type === "playing" && !window.__playingAt) window.__playingAt = performance.now();
  };
  const watch = (media) => {
    if (media.__watched) return;
    media.__watched = true;
    media.addEventListener("playing", note);
    media.addEventListener("ended", note);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () { watch(this); return play.apply(this, arguments); };
  document.addEventListener("playing", (event) => watch(event.target), true);
})();"""

# The gap between the first sentence ending and the second starting (the next clip fetched in time or not).
GAP = """() => {
  const ended = window.__events.find((e) => e[0] === "ended");
  const next = ended && window.__events.find((e) => e[0] === "playing" && e[1] >= ended[1]);
  return next ? (next[1] - ended[1]) : null;
}"""


def start_server(app) -> tuple[str, object]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + f"lang={lang}"


def slow_phone(browser, base: str, with_answers: bool):
    """A fresh context (empty cache) and page with the old phone's network and CPU."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    if with_answers:  # the demo plan opened with its code, as a person would have done before
        context.request.post(base + "/my-work/resume", form={"code": DEMO_CODE})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return context, page


def first_view(browser, base: str, path: str, with_answers: bool) -> dict:
    context, page = slow_phone(browser, base, with_answers)
    try:
        page.goto(base + path, wait_until="load", timeout=60_000)
        figures = page.evaluate(MEASURE)
    finally:
        context.close()
    figures["view"] = max(figures["load"], figures["shown"]) / 1000
    return figures


def listen_start(browser, base: str, path: str, plain: bool = False) -> tuple[float, float | None] | None:
    """Seconds from pressing Play to the audio playing and the gap after the first sentence, or None when it
    never plays. plain: the <audio controls> a page has without JavaScript, played as its own Play button would."""
    context, page = slow_phone(browser, base, False)
    try:
        page.add_init_script(WATCH_PLAYING)
        page.goto(base + path, wait_until="load", timeout=60_000)
        toggle = page.locator("details.listen-toggle summary")
        if toggle.is_visible():
            toggle.click()
        if page.locator(".listen-audio").count() == 0:
            return None
        press = (
            "document.querySelector('.listen-audio').play()"
            if plain
            else "document.querySelector('[data-listen=play]').click()"
        )
        pressed = page.evaluate(f"() => {{ const t = performance.now(); {press}; return t; }}")
        page.wait_for_function("() => window.__playingAt", timeout=30_000)
        started = (page.evaluate("() => window.__playingAt") - pressed) / 1000
        if plain:
            return started, None
        page.wait_for_function(GAP, timeout=60_000)
        return started, page.evaluate(GAP) / 1000
    finally:
        context.close()


def warm_up(browser, base: str, urls: list[str]) -> None:
    """Open each page once at full speed, so the server's compressed copies of static files are made (a
    running site has them) before anything is timed; the browser contexts that time pages start empty."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for url in urls:
        page.goto(base + url, wait_until="load")
    context.close()


def build_audio(app, paths: list[str]) -> None:
    """Make the clips of the Listen pages first, as `flask easyread build-audio` does on deploy."""
    speech = get_speech(app, size=2)
    if speech is None or not speech.available:
        print("no speech engine: Listen is not measured")
        return
    clips = collect_clips(app, app.config["LANGUAGES"], paths)

    def build(clip):
        with app.app_context():
            return build_clip(clip.key, wait=True, speech=speech)

    with ThreadPoolExecutor(2) as threads:
        list(threads.map(build, clips.values()))


def summary(label: str, times: list[float]) -> str:
    over = sum(t > BUDGET for t in times)
    return (
        f"{label}: {len(times)} views, median {statistics.median(times):.2f} s, max {max(times):.2f} s, "
        f"{over} over {BUDGET} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages of the page list")
    parser.add_argument("--lang", choices=["en", "cy"], default=None, help="one language only")
    parser.add_argument("--path", action="append", default=[], help="only this page (may be given more than once)")
    parser.add_argument("--listen-only", action="store_true")
    parser.add_argument("--no-listen", action="store_true", help="time the first views only")
    options = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    folder = Path(tempfile.mkdtemp(prefix="bench-first-view-"))
    app = create_app(
        {"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{folder}/bench.db", "AUDIO_DIR": str(folder / "audio")}
    )
    upgrade(app)
    load_demo_data(app)
    answers = set(page_paths(app, with_answers=True))
    paths = options.path or page_paths(app)[: options.pages]
    languages = [options.lang] if options.lang else app.config["LANGUAGES"]
    if not options.no_listen:
        build_audio(app, LISTEN_PAGES)
    base, server = start_server(app)
    rows: list[tuple[float, str, dict]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        warm_up(browser, base, [with_lang(path, lang) for lang in languages for path in (paths or LISTEN_PAGES)])
        if not options.listen_only:
            print(f"{'page':<58} {'view':>6} {'load':>6} {'shown':>6} {'FCP':>6} {'imgs':>5} {'req':>4} {'bytes':>7}")
            for lang in languages:
                for path in paths:
                    figures = first_view(browser, base, with_lang(path, lang), path in answers)
                    label = f"{path[:50]} ({lang})"
                    rows.append((figures["view"], label, figures))
                    print(
                        f"{label:<58} {figures['view']:>6.2f} {figures['load'] / 1000:>6.2f} "
                        f"{figures['shown'] / 1000:>6.2f} {(figures['fcp'] or 0) / 1000:>6.2f} "
                        f"{figures['onScreen']:>2}/{figures['images']:<3} {figures['fetched']:>4} {figures['bytes']:>7}",
                        flush=True,
                    )
            print("\nslowest 10 first views:")
            for seconds, label, _ in sorted(rows, key=lambda r: r[0], reverse=True)[:10]:
                print(f"  {seconds:5.2f} s  {label}")
            for lang in languages:
                print(summary(f"first view ({lang})", [r[0] for r in rows if r[1].endswith(f"({lang})")]))
            print(summary("first view (all)", [r[0] for r in rows]))
        if options.no_listen:
            browser.close()
            server.shutdown()
            return
        print(
            "\nListen: Play pressed to audio playing (with JavaScript; gap = first sentence ended to the next playing)"
        )
        print(f"  {'page':<30} {'Play':>7} {'gap':>7} {'no-JS audio':>12}")
        starts, plains = [], []
        for lang in languages:
            for path in LISTEN_PAGES:
                played = listen_start(browser, base, with_lang(path, lang))
                plain = listen_start(browser, base, with_lang(path, lang), plain=True)
                if played is None or plain is None:
                    print(f"  {path + ' (' + lang + ')':<30} no audio")
                    continue
                starts.append(played[0])
                plains.append(plain[0])
                gap = "-" if played[1] is None else f"{played[1]:.2f} s"
                print(f"  {path + ' (' + lang + ')':<30} {played[0]:>5.2f} s {gap:>7} {plain[0]:>10.2f} s")
        if starts:
            print(
                f"Listen with JavaScript: median {statistics.median(starts):.2f} s, max {max(starts):.2f} s, {sum(s > 1 for s in starts)} over 1 s"
            )
            print(
                f"Listen without JavaScript (the page's <audio>): median {statistics.median(plains):.2f} s, max {max(plains):.2f} s, {sum(s > 1 for s in plains)} over 1 s"
            )
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
