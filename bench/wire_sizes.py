"""Bytes on the wire: each page's HTML, the stylesheet, the script and the symbols, as the app sends them
to a client that accepts no compression, gzip, or brotli.

.venv/bin/python bench/wire_sizes.py

The app is built with the test settings, so forms carry no token here; where they do (in production), a page
with a form token and words from its address (?service=...) is sent uncompressed (see app/compression.py).
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.assets import asset_url  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from demo.cli import load_demo_data  # noqa: E402
from tests.site import all_pages  # noqa: E402

ENCODINGS = {"raw": "identity", "gzip": "gzip", "br": "br"}


def wire_sizes(client, path: str) -> dict[str, int]:
    """The length of the body as sent, for each encoding the client says it accepts."""
    sizes = {}
    for name, accept in ENCODINGS.items():
        response = client.get(path, headers={"Accept-Encoding": accept})
        assert response.status_code == 200, f"{path}: {response.status_code}"
        sizes[name] = len(response.get_data())
    return sizes


def repeat_view(client, path: str) -> int | None:
    """The body bytes of a second view with the ETag of the first, or None when the page has no ETag."""
    tag = client.get(path, headers={"Accept-Encoding": "br"}).headers.get("ETag")
    if tag is None:
        return None
    response = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": tag})
    assert response.status_code == 304, f"{path}: {response.status_code}"
    return len(response.get_data())


def row(label: str, sizes: dict[str, int]) -> str:
    raw = sizes["raw"]
    return f"{label:<62} {raw:>8} {sizes['gzip']:>8} {sizes['br']:>8} {100 * sizes['br'] / raw:>5.0f} %"


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-wire-")
    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{folder}/w.db", "AUDIO_DIR": f"{folder}/audio"})
    upgrade(app)
    load_demo_data(app)
    client = app.test_client()
    print(f"{'bytes on the wire':<62} {'raw':>8} {'gzip':>8} {'br':>8} {'br/raw':>7}")
    totals = dict.fromkeys(ENCODINGS, 0)
    count = 0
    repeats: list[tuple[int, int]] = []  # (first view in br, repeat view) for pages with an ETag
    for lang in app.config["LANGUAGES"]:
        client.get("/", query_string={"lang": lang})  # the language cookie, then each page as a person opens it
        for path in all_pages(app, client):
            sizes = wire_sizes(client, path)
            print(row(f"{path[:56]} ({lang})", sizes))
            totals = {name: totals[name] + sizes[name] for name in ENCODINGS}
            count += 1
            again = repeat_view(client, path)
            if again is not None:
                repeats.append((sizes["br"], again))
    print(row(f"all {count} pages", totals))
    print(
        f"repeat views: {len(repeats)} of {count} pages answer 304; their bodies {sum(b for b, _ in repeats)} bytes "
        f"in br the first time, {sum(a for _, a in repeats)} bytes the second"
    )
    with app.test_request_context():
        files = [asset_url("css/site.css"), asset_url("js/listen.js")]
    for url in files:
        print(row(url.split("?")[0], wire_sizes(client, url)))
    symbols = sorted(Path(app.config["SYMBOLS_DIR"]).glob("*.svg"))
    totals = dict.fromkeys(ENCODINGS, 0)
    for symbol in symbols:
        sizes = wire_sizes(client, f"/symbols/{symbol.name}")
        totals = {name: totals[name] + sizes[name] for name in ENCODINGS}
    print(row(f"all {len(symbols)} symbols", totals))


if __name__ == "__main__":
    main()
