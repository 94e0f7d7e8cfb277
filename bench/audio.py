"""Audio figures: time to build every clip for both languages from empty, their size and bitrate,
and the time to first byte of a cached clip from a running server.

    .venv/bin/python bench/audio.py
"""

import http.client
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.easyread.audio import build_clip, clip_path  # noqa: E402
from app.easyread.cli import collect_clips  # noqa: E402
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
    with app.app_context():
        for clip in clips.values():
            assert build_clip(clip.key) is not None, clip.text
        paths = [clip_path(c.lang, c.key) for c in clips.values()]
    finished = time.perf_counter()

    sizes = [p.stat().st_size for p in paths]
    seconds = [mp3_duration(p.read_bytes()) for p in paths]
    per_lang = {lang: sum(1 for c in clips.values() if c.lang == lang) for lang in app.config["LANGUAGES"]}
    print(f"clips: {len(clips)} ({', '.join(f'{k}: {v}' for k, v in per_lang.items())}), pages and sentences")
    print(
        f"build from empty: {finished - started:.1f} s (rendering pages {collected - started:.1f} s, speech and MP3 {finished - collected:.1f} s)"
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
    server.shutdown()
    timings.sort()
    print(
        f"time to first byte of a cached clip (200 requests, new connection each): median {statistics.median(timings):.2f} ms, 95th percentile {timings[189]:.2f} ms"
    )


if __name__ == "__main__":
    main()
