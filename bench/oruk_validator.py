"""The Open Referral UK check on a large directory, and what ndjson costs in memory.

    .venv/bin/python bench/oruk_validator.py                       # SQLite, 10,000 services
    scripts/with-postgres.sh sh -c '.venv/bin/python bench/oruk_validator.py --database-url "$TEST_DATABASE_URL"'

Prints the import time, the validator's result (errors and warnings, as tests/oruk_validator.py finds them
the way the national validator does) and its time, then the peak Python memory of streaming every service
as ndjson (full records) at two directory sizes: it stays about the same as the directory grows.
The PostgreSQL database must be empty.
"""

import argparse
import logging
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.test import EnvironBuilder  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.pathways.importing import import_records, symbol_concepts  # noqa: E402
from tests.oruk_directory import generate  # noqa: E402
from tests.oruk_validator import validate  # noqa: E402


def streamed_peak(app, query: str) -> tuple[int, float]:
    """Lines streamed and the peak memory (MB) while a WSGI server would send them one chunk at a time."""
    environ = EnvironBuilder(path="/api/services", query_string=f"format=ndjson&{query}").get_environ()
    tracemalloc.start()
    body = app(environ, lambda status, headers, exc_info=None: None)
    try:
        lines = sum(chunk.count(b"\n") for chunk in body)
    finally:
        getattr(body, "close", lambda: None)()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return lines, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: a new SQLite file)")
    options = parser.parse_args()
    logging.disable(logging.INFO)
    folder = tempfile.mkdtemp(prefix="bench-oruk-")
    url = options.database_url or f"sqlite:///{folder}/bench.db"
    app = create_app({"APP_ENV": "test", "DATABASE_URL": url, "AUDIO_DIR": f"{folder}/audio", "AUDIO_ENABLED": False})
    upgrade(app)
    started = time.perf_counter()
    records = generate(options.services)
    with app.app_context():
        counts = import_records(db.session, records, symbol_concepts(app.config["SYMBOL_INDEX"]))
    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{kind}: generated and {counts} in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    started = time.perf_counter()
    report = validate(client, seed=1)
    print(
        f"  validator ({report.version}): {len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{len(report.requests)} requests in {time.perf_counter() - started:.1f} s"
    )
    for path, message in (report.errors + report.warnings)[:20]:
        print(f"    {path}: {message}")
    step = records[0]["attributes"][0]["taxonomy_term_id"]
    organization = records[0]["organization"]["id"]
    for label, query in (
        ("one organisation's services", f"organization_id={organization}"),
        ("one step's services", f"taxonomy_term_id={step}"),
        ("every service", ""),
    ):
        lines, peak = streamed_peak(app, f"full=true&{query}")
        print(f"  ndjson, full records, {label}: {lines} lines, peak memory {peak:.1f} MB")
    sys.exit(1 if report.errors or report.warnings else 0)


if __name__ == "__main__":
    main()
