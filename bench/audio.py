"""Audio figures: time to build every clip for both languages from empty (one speech process a core), their
size and bitrate, the time to first byte of a cached clip from a running server, and how long a request
for a new clip takes while long private readings fill the speech processes (it should not wait for them).

    .venv/bin/python bench/audio.py
"""

import http.client
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.easyread.audio import build_clip, clip_path, get_speech, register_clips  # noqa: E402
from app.easyread.cli import collect_clips  # noqa: E402
from app.easyread.reader import PageReader  # noqa: E402
from app.easyread.speech import mp3_duration  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from demo.cli import load_demo_data  # noqa: E402
from demo.pages import page_paths  # noqa: E402


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    folder = Path(tempfile.mkdtemp(prefix="bench-audio-"))
    app = create_app(
        {"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{folder}/bench.db", "AUDIO_DIR": str(folder / "audio")}
    )
    upgrade(app)
    load_demo_data(app)

    started = time.perf_counter()
    clips = collect_clips(app, app.config["LANGUAGES"], page_paths(app))
    collected = time.perf_counter()
    workers = os.cpu_count() or 1
    speech = get_speech(app, size=workers)
    with ThreadPoolExecutor(workers) as threads:
        built = list(threads.map(lambda clip: _build(app, clip.key, speech), clips.values()))
    assert all(built)
    with app.app_context():
        paths = [clip_path(c.lang, c.key) for c in clips.values()]
    finished = time.perf_counter()

    sizes = [p.stat().st_size for p in paths]
    seconds = [mp3_duration(p.read_bytes()) for p in paths]
    per_lang = {lang: sum(1 for c in clips.values() if c.lang == lang) for lang in app.config["LANGUAGES"]}
    print(f"clips: {len(clips)} ({', '.join(f'{k}: {v}' for k, v in per_lang.items())}), pages and sentences")
    print(
        f"build from empty with {workers} speech processes: {finished - started:.1f} s (rendering pages {collected - started:.1f} s, speech and MP3 {finished - collected:.1f} s)"
    )
    print(f"total size: {sum(sizes) / 1024:.0f} KiB, {sum(seconds) / 60:.1f} minutes of audio")
    print(
        f"average bitrate: {sum(sizes) * 8 / sum(seconds) / 1000:.1f} kbps; median clip {statistics.median(sizes) / 1024:.1f} KiB, {statistics.median(seconds):.1f} s"
    )

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with app.test_request_context():
        url = next(iter(clips.values())).url
    timings = []
    for _ in range(200):
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port)
        begun = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read(1)
        timings.append((time.perf_counter() - begun) * 1000)
        response.read()
        connection.close()
    timings.sort()
    print(
        f"time to first byte of a cached clip (200 requests, new connection each): median {statistics.median(timings):.2f} ms, 95th percentile {timings[189]:.2f} ms"
    )
    _busy_speech(app, server.server_port)
    server.shutdown()


def _build(app, key: str, speech) -> bool:
    with app.app_context():
        return build_clip(key, wait=True, speech=speech) is not None


def _busy_speech(app, port: int) -> None:
    """3 readings of a 2,000-character answer at once, then a request for a clip nobody has made yet."""
    long_text = ("I would like to work with animals at the farm near my home. " * 40)[:2000]
    pool = get_speech(app)
    readers = [
        threading.Thread(target=pool.synthesize, args=(long_text, "en"), kwargs={"wait": None}) for _ in range(3)
    ]
    with app.test_request_context():
        reader = PageReader(lang="en", voice=app.config["AUDIO_VOICES"]["en"], rate=app.config["AUDIO_RATE"])
        clip = reader.say(f"A sentence nobody has heard before, made at {time.time()}.")
        register_clips([clip])
        url = clip.url
    begun = time.perf_counter()
    for thread in readers:
        thread.start()
    time.sleep(0.2)
    connection = http.client.HTTPConnection("127.0.0.1", port)
    asked = time.perf_counter()
    connection.request("GET", url)
    response = connection.getresponse()
    response.read()
    answered = time.perf_counter()
    for thread in readers:
        thread.join()
    print(
        f"a new clip while 3 readings of 2,000 characters share {pool.size} speech processes: "
        f"{response.status} in {(answered - asked) * 1000:.0f} ms (the readings took {time.perf_counter() - begun:.1f} s)"
    )


if __name__ == "__main__":
    main()
