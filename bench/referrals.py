"""Referrals under load: 200 requests for help from 20 browsers at once, through the real pages, to a
gunicorn server; then the rows are counted.

    .venv/bin/python bench/referrals.py                       # SQLite in a temporary folder
    scripts/with-postgres.sh sh -c '.venv/bin/python bench/referrals.py --database-url "$TEST_DATABASE_URL"'

Each browser keeps its own cookies and walks the whole journey as a person would: it opens a service's
start page, answers every question (with the CSRF token, as the pages are served), opens the check page
and presses Send, then presses Send again, as a double click would (the key for Send is the draft's,
made on the server, so the form carries none). Afterwards the database must hold each referral exactly
once, with its event, its one message to the service and its one confirmation. The
PostgreSQL database must be empty.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVICE = "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Supported employment with a job coach (demo)
MARKER = "Load Test"  # every bench referral's name starts with this


class Browser:
    """One person's browser: cookies, no redirects followed silently, times of every request."""

    def __init__(self, base: str, timings: dict[str, list[float]]):
        self.base = base
        self.timings = timings
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        self.token = ""

    def request(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = (
            urllib.parse.urlencode({**data, "csrf_token": self.token}, doseq=True).encode()
            if data is not None
            else None
        )
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                status, text, location = response.status, response.read().decode(), response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            status, text, location = (
                error.code,
                error.read().decode(errors="replace"),
                error.headers.get("Location", ""),
            )
        self.timings.setdefault(kind, []).append(time.perf_counter() - started)
        found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', text)
        if found:
            self.token = found.group(1)
        return status, text, location

    def answer(self, step: str, data: dict) -> str:
        status, _, location = self.request("question", f"/ask-for-help/{step}", data)
        if status != 302:
            raise RuntimeError(f"{step}: status {status}")
        return location


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def send_one(base: str, number: int, timings: dict[str, list[float]]) -> str:
    """The whole journey for one person; returns the reference shown on the confirmation."""
    browser = Browser(base, timings)
    status, _, _ = browser.request("page", f"/ask-for-help/start?service={SERVICE}")
    if status != 200:
        raise RuntimeError(f"start: status {status}")
    browser.request("page", "/ask-for-help/who")  # the first form, for the CSRF token
    browser.answer("who", {"answer": "self"})
    browser.answer("name", {"answer": f"{MARKER} {number:03d}"})
    browser.answer("age", {"age": str(16 + number % 40), "day": "", "month": "", "year": ""})
    browser.answer("area", {"answer": "Harbourside"})
    browser.answer("contact-language", {"answer": "en"})
    browser.answer("contact-ways", {"answer": ["email"]})
    browser.answer("email-address", {"answer": f"load.test.{number:03d}@example.net"})
    browser.answer("contact-times", {"answer": ["morning"]})
    browser.answer("communication", {"answer": ["easy-read"]})
    browser.answer("consent", {"answer": "yes"})
    if browser.answer("anything-else", {"answer": ""}) != "/ask-for-help/check":
        raise RuntimeError("the journey did not reach the check page")
    _, page, _ = browser.request("page", "/ask-for-help/check")
    if 'action="/ask-for-help/send"' not in page:
        raise RuntimeError("the check page has no Send form")
    for _ in range(2):  # Send, then Send again: a double click
        status, _, location = browser.request("send", "/ask-for-help/send", {})
        if status != 302 or not location.endswith("/ask-for-help/sent"):
            raise RuntimeError(f"send: status {status}, to {location}")
    _, page, _ = browser.request("page", "/ask-for-help/sent")
    shown = re.search(r'<p class="resume-code"[^>]*>([^<]+)</p>', page)
    if not shown:
        raise RuntimeError("the confirmation shows no reference")
    return shown.group(1).replace("\u00a0", "").replace(" ", "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not start at {url}")


def count_rows(database_url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, func, select

    from app.outbox.models import OutboxMessage
    from app.referrals.models import Referral, ReferralEvent

    engine = create_engine(database_url)
    with engine.connect() as connection:
        ids = select(Referral.id).where(Referral.person_name.like(f"{MARKER}%"))
        counts = {
            "referrals": connection.scalar(select(func.count()).select_from(ids.subquery())),
            "distinct people": connection.scalar(
                select(func.count(func.distinct(Referral.person_name))).where(Referral.person_name.like(f"{MARKER}%"))
            ),
            "distinct references": connection.scalar(
                select(func.count(func.distinct(Referral.reference))).where(Referral.id.in_(ids))
            ),
            "created events": connection.scalar(
                select(func.count())
                .select_from(ReferralEvent)
                .where(ReferralEvent.referral_id.in_(ids), ReferralEvent.kind == "created")
            ),
            "messages to services": connection.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.referral_id.in_(ids), OutboxMessage.kind == "new-referral")
            ),
            "confirmations": connection.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.referral_id.in_(ids), OutboxMessage.kind == "confirmation")
            ),
        }
    engine.dispose()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite in a temporary folder)")
    parser.add_argument("--referrals", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="mywaytowork-bench-")
    database_url = args.database_url or f"sqlite:///{folder}/bench.db"
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-not-secret",
        "AUDIO_DIR": f"{folder}/audio",
        "AUDIO_ENABLED": "0",
    }
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run([*flask, "demo", "load", "--if-empty"], env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-w",
            str(args.workers),
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz")
        timings: dict[str, list[float]] = {}
        lock, errors, references = threading.Lock(), [], []

        def one(number: int) -> None:
            try:
                reference = send_one(base, number, timings)
                with lock:
                    references.append(reference)
            except Exception as error:  # noqa: BLE001  (every failure is counted and shown)
                with lock:
                    errors.append(f"referral {number}: {error}")

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            list(pool.map(one, range(args.referrals)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    backend = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    print(
        f"{backend}: {args.referrals} referrals from {args.clients} clients at once, gunicorn {args.workers} workers x 4 threads"
    )
    print(
        f"  wall time {elapsed:.1f} s, {args.referrals / elapsed:.1f} referrals/s, {sum(map(len, timings.values()))} requests"
    )
    for kind in ("page", "question", "send"):
        values = sorted(timings.get(kind, []))
        if values:
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(
                f"  {kind:<9} {len(values):>5} requests, median {statistics.median(values) * 1000:.0f} ms, 95th percentile {p95 * 1000:.0f} ms"
            )
    print(f"  errors: {len(errors)}")
    for line in errors[:10]:
        print(f"    {line}")
    counts = count_rows(database_url)
    print("  rows: " + ", ".join(f"{name} {value}" for name, value in counts.items()))
    print(f"  distinct references shown to the clients: {len(set(references))}")
    ok = (
        not errors
        and all(value == args.referrals for value in counts.values())
        and len(set(references)) == args.referrals
    )
    print("  all present once, no errors" if ok else "  PROBLEM: see the figures above")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
