"""Directory speed: load generated services, then time searches, "services for me", the API and the content
audit, the directory health page, and measure the time and memory of an ndjson export of every service.

    .venv/bin/python bench/directory.py                       # SQLite, 10,000 services, through the importer
    .venv/bin/python bench/directory.py --services 100000     # SQLite, 100,000 services, on the bulk path
    scripts/with-postgres.sh sh -c '.venv/bin/python bench/directory.py --database-url "$TEST_DATABASE_URL"'

Up to 20,000 services the generated records go through the importer (checks, write, content audit); above
that, or with `--load bulk`, through the importer's own writer 5,000 at a time without the checks, which
writes the same rows in a fraction of the time.

Times for each directory request, server side, after one warm-up pass over the same addresses: the search
itself (the service function the route calls: filters in, a page of services out), the whole request in the
app with every page rendered (a site with the page cache off: routing, search, page and audio bookkeeping,
no network), and the whole request on the site as it runs, with its page cache warmed by the first pass
(a page is kept at most 30 seconds while its audio is not built, and in the bench it never is, so on a busy
machine many have gone again). Then whole-request times for API pages (json, 50 services a page, and
ndjson of one organisation's services), the time of an update of 1,000 services through the importer with
its content audit (what a directory pull writes), the content audit of the whole directory (the staff
page's work before findings were stored), `directory audit` storing every service's findings, the directory
health page reading them (whole requests as a council admin; `--only-health` for just these), and the time and peak Python memory (tracemalloc) of streaming every service as full-record
ndjson.

Every time is given on the clock and in CPU time of this process (SQLite runs inside it; PostgreSQL's own
work is not counted in CPU). On a busy shared machine the clock stretches with the load average, printed at
the start and the end; the CPU figures stay comparable between runs. Figures: docs/decisions/0036.
The PostgreSQL database must be empty.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from urllib.parse import parse_qsl, urlsplit  # noqa: E402

from sqlalchemy import delete, select  # noqa: E402
from werkzeug.datastructures import MultiDict  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from app import create_app  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.pathways import search  # noqa: E402
from app.pathways.forms import read_directory_query, read_profile  # noqa: E402
from app.pathways.health import RULES  # noqa: E402
from app.pathways.health_records import audit_directory  # noqa: E402
from app.pathways.health_store import store_directory  # noqa: E402
from app.pathways.importing import import_records, refresh_statistics, symbol_concepts, write_records  # noqa: E402
from app.pathways.models import HealthChecked, HealthFinding, Service  # noqa: E402
from app.pathways.routes import PER_PAGE  # noqa: E402
from app.pathways.suggestions import suggest  # noqa: E402
from app.pathways.taxonomies import VOCABULARIES  # noqa: E402
from app.vocab import AGE_BANDS, KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS  # noqa: E402

WORDS = (
    "garden cafe shop office animals bikes bakery laundry hotel hospital library park college team coach trial".split()
)
# Each service gets 3 of these words, so a search for one word finds about 1 service in 5.
AREAS = ["north", "south", "east", "west", "centre", "harbour", "hill", "park"]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _term(vocabulary_key: str, code: str, rng: random.Random) -> dict:
    vocabulary = VOCABULARIES[vocabulary_key]
    return {
        "id": _id(rng),
        "taxonomy_term_id": vocabulary.term_id(code),
        "taxonomy_term": {
            "id": vocabulary.term_id(code),
            "code": code,
            "name": code,
            "description": code,
            "taxonomy_id": vocabulary.id,
        },
    }


def generate(count: int, seed: int = 7) -> list[dict]:
    """Services that look like a large council's offer: every step, kind, need and area."""
    rng = random.Random(seed)
    organizations = [
        {"id": _id(rng), "name": f"Provider {n}", "description": "A generated provider."} for n in range(200)
    ]
    locations = [{"id": _id(rng), "location_type": "physical", "name": f"Place {n}"} for n in range(300)]
    records = []
    for n in range(count):
        words = rng.sample(WORDS, 3)
        low = rng.choice([None, 14, 16, 16, 18, 18, 19])
        high = rng.choice([None, None, None, 19, 24, 25]) if low is None or low < 19 else None
        attributes = [_term("ladder-step", rng.choice(list(LADDER_STEPS)), rng)]
        attributes += [_term("kind-of-support", k, rng) for k in rng.sample(list(KINDS_OF_SUPPORT), rng.randint(1, 3))]
        attributes += [_term("kind-of-work", k, rng) for k in rng.sample(list(KINDS_OF_WORK), rng.randint(0, 3))]
        attributes += [_term("support-need", k, rng) for k in rng.sample(list(SUPPORT_NEEDS), rng.randint(1, 4))]
        area = rng.choice(AREAS + [None])
        extension = {
            "summary": {
                "en": f"Work at a {words[0]} with {words[1]} people. You learn {words[2]} skills.",
                "cy": f"Gweithio mewn {words[0]} gyda thîm {words[1]}.",
            },
            "symbol": "work",
            "self_referral": rng.random() < 0.7,
        }
        if rng.random() < 0.8:
            extension["paid"] = rng.random() < 0.5
        if area:
            extension["area"] = {"id": area, "name": {"en": area.title(), "cy": area.title()}}
        record = {
            "id": _id(rng),
            "name": f"{words[0].title()} {words[1]} service {n}",
            "status": "active",
            "description": f"A generated service about {' and '.join(words)}.",
            "organization": rng.choice(organizations),
            "attributes": attributes,
            "service_at_locations": [{"id": _id(rng), "location": rng.choice(locations)}],
            "contacts": [{"id": _id(rng), "phones": [{"id": _id(rng), "number": f"01632 960{n % 1000:03d}"}]}],
            "x_mywaytowork": extension,
        }
        if low is not None:
            record["minimum_age"] = low
        if high is not None:
            record["maximum_age"] = high
        records.append(record)
    return records


def addresses(rng: random.Random, count: int) -> dict[str, list[str]]:
    """Directory searches with one to four filters, and profiles for services for me."""
    searches = []
    for _ in range(count):
        args = {
            "step": rng.choice(list(LADDER_STEPS)),
            "kind": rng.choice(list(KINDS_OF_SUPPORT)),
            "age": rng.choice(list(AGE_BANDS)),
            "need": rng.choice(list(SUPPORT_NEEDS)),
            "area": rng.choice(AREAS),
            "pay": rng.choice(["paid", "unpaid"]),
            "ask": "yes",
            "q": rng.choice(WORDS),
        }
        chosen = rng.sample(sorted(args), rng.randint(1, 4))
        page = rng.choice([1, 1, 1, 2, 3])
        searches.append(
            "/services?" + "&".join(f"{k}={args[k]}" for k in chosen) + (f"&page={page}" if page > 1 else "")
        )
    profiles = []
    for _ in range(count):
        interests = "&".join(f"interest={w}" for w in rng.sample(list(KINDS_OF_WORK), rng.randint(1, 3)))
        profiles.append(
            f"/services-for-me?{interests}&try={rng.choice(list(KINDS_OF_SUPPORT))}"
            f"&need={rng.choice(list(SUPPORT_NEEDS))}&age={rng.choice(list(AGE_BANDS))}"
        )
    with_words = [path for path in searches if "q=" in path]
    welsh = [path + "&lang=cy" for path in with_words]
    return {
        "directory search (1 to 4 filters)": searches,
        "directory search with words, in English": with_words,
        "directory search with words, in Welsh (every mutated form)": welsh,
        "services for me": profiles,
    }


def started_at() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(started: tuple[float, float]) -> tuple[float, float]:
    """Milliseconds since `started`: on the clock, and of this process's CPU (the same on a busy machine)."""
    return (time.perf_counter() - started[0]) * 1000, (time.process_time() - started[1]) * 1000


def timed(client, paths: list[str]) -> list[tuple[float, float]]:
    times = []
    for path in paths:
        if "format=ndjson" in path:
            times.append(timed_stream(client.application, path))
            continue
        started = started_at()
        response = client.get(path)
        times.append(since(started))
        assert response.status_code == 200, (path, response.status_code)
    return times


def timed_stream(app, path: str) -> tuple[float, float]:
    """A streamed answer, read to the end and closed as a WSGI server does (the test client would keep
    each one's request context, and its database connection, open)."""
    address = urlsplit(path)
    environ = EnvironBuilder(path=address.path, query_string=address.query).get_environ()
    started = started_at()
    body = app(environ, lambda status, headers, exc_info=None: None)
    try:
        for _ in body:
            pass
    finally:
        getattr(body, "close", lambda: None)()
    return since(started)


def timed_search(app, paths: list[str]) -> list[tuple[float, float]]:
    """The service functions alone, called as the routes call them."""
    times = []
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            areas = [area.id for area in search.list_areas(session)]
            for path in paths:
                args = MultiDict(parse_qsl(urlsplit(path).query))
                started = started_at()
                if path.startswith("/services?"):
                    query = read_directory_query(args, areas, welsh=args.get("lang") == "cy")
                    search.search_services(session, query.filters, query.page, PER_PAGE)
                else:
                    suggest(session, read_profile(args))
                times.append(since(started))
    return times


BULK_FROM = 20_000  # services: above this the generated records are written without the importer's checks
BULK_BATCH = 5_000  # records written and committed at a time on the bulk path


def load(app, records: list[dict], bulk: bool) -> str:
    """Write the generated records: through the importer (checks, write, content audit), or on the bulk path
    with the importer's own writer in batches, which writes the same rows without checking them again (the
    generator's records pass the importer's checks: the default run at 10,000 imports them)."""
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            if session.scalar(select(Service.id).limit(1)) is not None:
                sys.exit("The database already has services: give an empty one.")
            if not bulk:
                return str(import_records(session, records, symbol_concepts(app.config["SYMBOL_INDEX"])))
            new = 0
            for start in range(0, len(records), BULK_BATCH):
                new += write_records(session, records[start : start + BULK_BATCH]).services_new
                session.commit()
                session.expunge_all()
            refresh_statistics(session)
            return f"Wrote {new} services on the bulk path (the importer's writer, {BULK_BATCH:,} at a time)."


def api_addresses(rng: random.Random, count: int, records: list[dict]) -> dict[str, list[str]]:
    """API pages: json pages of 50 services, and ndjson of one organisation's services."""
    pages = max(1, len(records) // 50)
    organizations = sorted({record["organization"]["id"] for record in records})
    return {
        "API json, a page of 50 services": [
            f"/api/services?per_page=50&page={rng.randint(1, pages)}" for _ in range(count)
        ],
        "API json, a page of 50 full services": [
            f"/api/services?per_page=50&full=true&page={rng.randint(1, pages)}" for _ in range(count)
        ],
        "API ndjson, one organisation's full services": [
            f"/api/services?format=ndjson&full=true&organization_id={rng.choice(organizations)}" for _ in range(count)
        ],
    }


def streamed_export(app) -> tuple[int, float, float, float]:
    """Lines, seconds (on the clock and of CPU) and peak Python memory (MB) of sending every service as
    full-record ndjson, one chunk at a time as a WSGI server would."""
    environ = EnvironBuilder(path="/api/services", query_string="format=ndjson&full=true").get_environ()
    tracemalloc.start()
    started = started_at()
    body = app(environ, lambda status, headers, exc_info=None: None)
    try:
        lines = sum(chunk.count(b"\n") for chunk in body)
    finally:
        getattr(body, "close", lambda: None)()
    wall, cpu = since(started)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return lines, wall / 1000, cpu / 1000, peak


def timed_update(app, records: list[dict]) -> str:
    """1,000 services changed and imported again, with the content audit of what was written."""
    changed = [dict(record, description=record["description"] + " Changed.") for record in records[:1000]]
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            started = time.perf_counter()
            counts = import_records(session, changed, symbol_concepts(app.config["SYMBOL_INDEX"]))
            seconds = time.perf_counter() - started
    return f"{counts.services_updated} services updated in {seconds:.1f} s, with {len(counts.findings)} findings"


def timed_audit(app) -> str:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            started = time.perf_counter()
            findings = audit_directory(session)
            seconds = time.perf_counter() - started
    return f"{len(findings)} findings in {seconds:.1f} s"


def timed_store(app) -> str:
    """`flask directory audit`: every service audited again and its findings stored, in one transaction."""
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            started = time.perf_counter()
            findings = store_directory(session)
            seconds = time.perf_counter() - started
    return f"{len(findings)} findings in {seconds:.1f} s"


def health_client(app):
    """A test client signed in as a council admin, who may see the directory health page."""
    from tests.site import sign_in_as
    from tests.staff_builders import add_staff

    add_staff(app, "bench.admin@example.org", role="council-admin", organization_id=None, name="Bench admin")
    client = app.test_client()
    sign_in_as(client, email="bench.admin@example.org")
    return client


def health_addresses(services: int) -> list[str]:
    """The staff page as a council admin uses it: every check, one check, and pages at the start, middle and end."""
    paths = ["/staff/directory-health", "/staff/directory-health?page=2"]
    paths += [f"/staff/directory-health?rule={code}" for code in RULES]
    paths += [f"/staff/directory-health?page={page}" for page in (services // 100, services // 50, 99_999)]
    paths += [f"/staff/directory-health?rule=not-checked&page={page}" for page in (services // 200, 99_999)]
    return paths


def timed_health(app, services: int, requests: int) -> None:
    """The directory health page: the first view of a database from before findings were stored (it audits
    500 services), `directory audit`'s store, then whole requests of the page reading the stored findings."""
    client = health_client(app)
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:  # as after migration 0021
            session.execute(delete(HealthFinding))
            session.execute(delete(HealthChecked))
            session.commit()
    started = started_at()
    page = client.get("/staff/directory-health").get_data(as_text=True)
    print(f"  directory health, first view with nothing stored (audits 500): {figures([since(started)])}")
    assert "not checked yet" in page or services <= 500
    print(f"  content audit of every service, not stored (the page's old work): {timed_audit(app)}")
    print(f"  directory audit, every service's findings stored: {timed_store(app)}")
    paths = health_addresses(services)
    paths = (paths * (requests // len(paths) + 1))[:requests]
    timed(client, paths[: len(health_addresses(services))])  # warm-up
    print(f"  directory health page, stored findings ({len(paths)} requests)")
    print(f"    whole request:  {figures(timed(client, paths))}")


def figures(times: list[tuple[float, float]]) -> str:
    """Median and 95th percentile on the clock, then of CPU time (a busy shared machine stretches the first)."""

    def two(values: list[float]) -> str:
        values = sorted(values)
        return (
            f"median {statistics.median(values):5.1f} ms, 95th percentile {values[int(len(values) * 0.95) - 1]:5.1f} ms"
        )

    return f"{two([wall for wall, _ in times])}; CPU {two([cpu for _, cpu in times])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests of each kind")
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: a new SQLite file)")
    parser.add_argument("--only-search", action="store_true", help="time the directory searches only")
    parser.add_argument("--skip-search", action="store_true", help="leave out the directory searches")
    parser.add_argument("--only-health", action="store_true", help="time the directory health page and audit only")
    parser.add_argument(
        "--load",
        choices=["importer", "bulk"],
        help=f"how the generated services are written (default: the importer up to {BULK_FROM:,}, bulk above)",
    )
    options = parser.parse_args()
    logging.disable(logging.INFO)
    folder = tempfile.mkdtemp(prefix="bench-directory-")
    url = options.database_url or f"sqlite:///{folder}/bench.db"
    settings = {"APP_ENV": "test", "DATABASE_URL": url, "AUDIO_DIR": f"{folder}/audio", "AUDIO_ENABLED": False}
    app = create_app(settings)
    # The same site with no page cache: every request is routed and rendered, as a first visit is.
    rendering = create_app(settings | {"PAGE_CACHE_ENTRIES": 0})
    upgrade(app)
    print(f"Load average (1, 5, 15 minutes) at the start: {load_average()}")
    started = time.perf_counter()
    records = generate(options.services)
    print(f"Generated {len(records)} services in {time.perf_counter() - started:.1f} s")
    bulk = (options.load or ("bulk" if options.services > BULK_FROM else "importer")) == "bulk"
    started = time.perf_counter()
    loaded = load(app, records, bulk)
    print(
        f"{'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}: {loaded} in {time.perf_counter() - started:.1f} s"
    )
    if options.only_health:
        timed_health(app, options.services, options.requests)
        print(f"Load average at the end: {load_average()}")
        return
    client, rendered = app.test_client(), rendering.test_client()
    for label, paths in addresses(random.Random(11), 0 if options.skip_search else options.requests).items():
        if not paths:
            continue
        timed(client, paths)  # warm-up: caches, and the audio bookkeeping of each page's text
        timed(rendered, paths[:20])
        print(f"  {label} ({len(paths)} different addresses)")
        print(f"    search only:    {figures(timed_search(app, paths))}")
        print(f"    whole request, rendered:          {figures(timed(rendered, paths))}")
        print(f"    whole request, page cache warmed: {figures(timed(client, paths))}")
    if options.only_search:
        print(f"Load average at the end: {load_average()}")
        return
    rendering.extensions["database"]["engine"].dispose()
    engine = app.extensions["database"]["engine"]
    print(f"  connections after the directory requests: {engine.pool.status()}")
    engine.dispose()
    for label, paths in api_addresses(random.Random(13), options.requests, records).items():
        if "ndjson" in label:
            continue
        timed(client, paths[:20])
        print(f"  {label} ({len(paths)} requests)")
        print(f"    whole request:  {figures(timed(client, paths))}")
    timed_health(app, options.services, options.requests)
    print(f"  an update of 1,000 services through the importer: {timed_update(app, records)}")
    # Each streamed answer has kept a database connection in this process until the pool (15) ran out:
    # at most 10 of them, then the pool is shown and started again.
    label, paths = next((k, v) for k, v in api_addresses(random.Random(13), 10, records).items() if "ndjson" in k)
    print(f"  {label} ({len(paths)} requests)")
    print(f"    whole request:  {figures(timed(client, paths))}")
    print(f"  connections after them: {engine.pool.status()}")
    engine.dispose()
    lines, seconds, cpu, peak = streamed_export(app)
    print(
        f"  ndjson of every service (full records): {lines} lines in {seconds:.1f} s (CPU {cpu:.1f} s), "
        f"peak memory {peak:.1f} MB"
    )
    print(f"Load average at the end: {load_average()}")


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
