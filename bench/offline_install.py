"""Bytes the service worker fetches when it first starts on a phone: the site's look (styles, fonts, scripts,
common symbols), the offline page in each language and the word list, as the app sends them with no
compression, gzip, or brotli. And the worker's own size.

.venv/bin/python bench/offline_install.py
"""

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from bench.wire_sizes import ENCODINGS, row  # noqa: E402
from demo.cli import load_demo_data  # noqa: E402


def sizes_of(client, path: str, headers: dict | None = None) -> dict[str, int]:
    found = {}
    for name, accept in ENCODINGS.items():
        response = client.get(path, headers={"Accept-Encoding": accept, **(headers or {})})
        assert response.status_code in (200, 304), f"{path}: {response.status_code}"
        found[name] = len(response.get_data())
    return found


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-offline-")
    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{folder}/o.db", "AUDIO_DIR": f"{folder}/audio"})
    upgrade(app)
    load_demo_data(app)
    client = app.test_client()
    worker = client.get("/sw.js").get_data(as_text=True)
    config = json.loads(worker.split("\n", 1)[0].removeprefix("self.OFFLINE = ").removesuffix(";"))
    print(f"{'fetched when the worker starts':<62} {'raw':>8} {'gzip':>8} {'br':>8} {'br/raw':>7}")
    totals = dict.fromkeys(ENCODINGS, 0)
    fetches = [(path, None) for path in config["shell"]]
    fetches += [(config["offline"], {"Accept-Language": lang}) for lang in config["languages"]]
    fetches += [(config["wordList"], None), ("/sw.js", None)]
    for path, headers in fetches:
        sizes = sizes_of(client, path, headers)
        label = path.split("?")[0] + (f" ({headers['Accept-Language']})" if headers else "")
        print(row(label, sizes))
        totals = {name: totals[name] + sizes[name] for name in ENCODINGS}
    print(row(f"all {len(fetches)} files", totals))


if __name__ == "__main__":
    main()
