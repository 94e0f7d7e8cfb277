"""Page weight: the HTML (with its first-screen symbols inside, decision 0029) and CSS of each page, raw and
gzip-compressed, before the lazy symbols and audio.

.venv/bin/python bench/page_weight.py
"""

import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from demo.cli import load_demo_data  # noqa: E402
from demo.pages import page_paths  # noqa: E402


def kib(data: bytes) -> str:
    return f"{len(data) / 1024:5.1f} KiB raw, {len(gzip.compress(data, 6)) / 1024:4.1f} KiB gzip"


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-weight-")
    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{folder}/w.db", "AUDIO_DIR": f"{folder}/audio"})
    upgrade(app)
    load_demo_data(app)
    client = app.test_client()
    css = (Path(app.static_folder) / "css" / "site.css").read_bytes()
    js = (Path(app.static_folder) / "js" / "listen.js").read_bytes()
    print(f"{'site.css':<22} {kib(css)}")
    print(f"{'listen.js':<22} {kib(js)}")
    for lang in app.config["LANGUAGES"]:
        for path in page_paths(app):
            html = client.get(path, query_string={"lang": lang}).data
            print(
                f"{path + ' (' + lang + ')':<22} {kib(html)}   with CSS: {len(gzip.compress(html, 6) + gzip.compress(css, 6)) / 1024:.1f} KiB gzip"
            )
    fonts = sorted((Path(app.static_folder) / "fonts").glob("*.woff2"))
    print(f"fonts (all 4 files)    {sum(f.stat().st_size for f in fonts) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
