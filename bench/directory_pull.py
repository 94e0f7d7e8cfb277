"""How long a pull of another council's feed takes, read as pages, as ndjson, and item by item.

    .venv/bin/python bench/directory_pull.py                 # 1,000 services
    .venv/bin/python bench/directory_pull.py --services 5000
    scripts/with-postgres.sh sh -c '.venv/bin/python bench/directory_pull.py --database-url "$TEST_DATABASE_URL"'

Serves generated services (tests/oruk_directory.py, without our easy-read layer, as a council's feed would
be) from a local server (tests/oruk_feed_server.py) and pulls them into a new SQLite database (or an empty
PostgreSQL one with --database-url): first pull
(all new), a second pull with nothing changed, then the same feed as ndjson and as minimal list items read
by id only where they moved (none have). Prints the requests made and the seconds each pull took.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.pathways.importing import symbol_concepts  # noqa: E402
from app.pathways.pulling import Fetcher, pull  # noqa: E402
from tests.oruk_directory import generate  # noqa: E402
from tests.oruk_feed_server import Feed, FeedServer  # noqa: E402


def council_feed(count: int) -> list[dict]:
    records = generate(count)
    for record in records:
        del record["x_mywaytowork"]
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--database-url", help="an empty PostgreSQL database; SQLite in a new folder if not given")
    options = parser.parse_args()
    logging.disable(logging.INFO)
    folder = tempfile.mkdtemp(prefix="bench-pull-")
    app = create_app(
        {
            "APP_ENV": "test",
            "DATABASE_URL": options.database_url or f"sqlite:///{folder}/bench.db",
            "AUDIO_DIR": f"{folder}/audio",
            "AUDIO_ENABLED": False,
        }
    )
    upgrade(app)
    symbols = symbol_concepts(app.config["SYMBOL_INDEX"])
    server = FeedServer(Feed(records=council_feed(options.services), page_size=250)).start()
    kind = "PostgreSQL" if options.database_url else "SQLite"
    print(f"{options.services:,} services, pages of 250, {kind}; load average {os.getloadavg()[0]:.1f}")
    try:
        for label, settings in (
            ("pages, first pull", {}),
            ("pages, nothing changed", {}),
            ("ndjson", {"ndjson": True}),
            ("minimal items, none moved", {"minimal": True}),
        ):
            server.feed = Feed(records=server.feed.records, page_size=250, **settings)
            fetcher = Fetcher(wait=0)
            started = time.perf_counter()
            with app.app_context():
                with app.extensions["database"]["factory"]() as session:
                    summary = pull(session, server.url, symbols, fetcher)
            seconds = time.perf_counter() - started
            print(f"  {label:34} {fetcher.requests:6,} requests  {seconds:6.2f} s   {summary}")
    finally:
        server.stop()
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
