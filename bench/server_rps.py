"""Requests a second from gunicorn: the site's public pages beside a bare Flask hello-world, in one run.

.venv/bin/python bench/server_rps.py [--seconds 5] [--rounds 3] [--clients 8]

Both servers run with the workers and threads of `make run` (scripts/gunicorn_run.py), no access log,
on 127.0.0.1. The site has the demo data in a fresh SQLite database. Both are warmed first, then the
same load (keep-alive connections from client processes, each request asking for brotli or gzip like
a browser) is driven at each page in turn, alternating between the two servers round after round, so
a busy moment on a shared machine falls on both. The client shares the cores with the servers, the
same for both; the ratio is the figure to read, not the absolute numbers.
"""

import argparse
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SITE_PAGES = ("/", "/find-work", "/services", "/glossary", "/accessibility")
HELLO_PAGE = "/"


def hello_app():
    """The bare Flask hello-world the site is compared with."""
    from flask import Flask

    app = Flask("hello")

    @app.get("/")
    def hello():
        return "Hello, World!"

    return app


def gunicorn_settings() -> tuple[int, int]:
    """Workers and threads as `make run` serves (read from its settings file, without its hooks)."""
    values: dict = {}
    text = (ROOT / "scripts" / "gunicorn_run.py").read_text()
    for line in text.splitlines():
        for name in ("workers", "threads"):
            if line.startswith(f"{name} = "):
                values[name] = int(line.split("=")[1].split("#")[0])
    return values["workers"], values["threads"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app_spec: str, port: int, env: dict, workers: int, threads: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread"]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--no-control-socket", app_spec]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = fetch_once(port, "/")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"{app_spec} did not answer on port {port}")


def request_bytes(path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
        "Accept-Encoding: br, gzip\r\nAccept-Language: en-GB,en;q=0.9\r\n\r\n"
    ).encode()


def read_response(sock: socket.socket, buffer: bytes) -> tuple[int, bool, bytes]:
    """(status, keep the connection, bytes left over) of one response with a Content-Length."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, keep = 0, True
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and value.strip().lower() == b"close":
            keep = False
    while len(buffer) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buffer += chunk
    return status, keep, buffer[length:]


def fetch_once(port: int, path: str) -> tuple[int, bool]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request_bytes(path))
        status, keep, _ = read_response(sock, b"")
        return status, keep


def _client(port: int, path: str, seconds: float, threads: int, results) -> None:
    import threading

    message = request_bytes(path)
    counts = []
    failures = []
    stop_at = time.monotonic() + seconds

    def run() -> None:
        done = failed = 0
        sock = None
        while time.monotonic() < stop_at:
            try:
                if sock is None:
                    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
                    buffer = b""
                sock.sendall(message)
                status, keep, buffer = read_response(sock, buffer)
                if status == 200:
                    done += 1
                else:
                    failed += 1
                if not keep:
                    sock.close()
                    sock = None
            except OSError:
                failed += 1
                if sock is not None:
                    sock.close()
                sock = None
        if sock is not None:
            sock.close()
        counts.append(done)
        failures.append(failed)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    results.put((sum(counts), sum(failures)))


def load(port: int, path: str, seconds: float, clients: int) -> tuple[float, int]:
    """Requests a second over `seconds`, from `clients` connections in 2 processes; and the failures."""
    processes = 2
    results = multiprocessing.Queue()
    started = time.monotonic()
    procs = [
        multiprocessing.Process(target=_client, args=(port, path, seconds, max(1, clients // processes), results))
        for _ in range(processes)
    ]
    for p in procs:
        p.start()
    totals = [results.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = max(seconds, time.monotonic() - started - 0.05)
    return sum(t[0] for t in totals) / elapsed, sum(t[1] for t in totals)


def site_environment(folder: str) -> dict:
    """A fresh SQLite database with the demo data, and the settings the site is served with."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{folder}/bench.db",
        "AUDIO_DIR": f"{folder}/audio",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
    }
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    for args in (["db", "upgrade"], ["demo", "load", "--if-empty"]):
        subprocess.run(flask + args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds of load per page per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8, help="keep-alive connections at once")
    parser.add_argument("--pages", nargs="*", default=list(SITE_PAGES))
    args = parser.parse_args()

    workers, threads = gunicorn_settings()
    folder = tempfile.mkdtemp(prefix="bench-rps-")
    servers = []
    try:
        env = site_environment(folder)
        hello_port, site_port = free_port(), free_port()
        servers.append(
            start("bench.server_rps:hello_app()", hello_port, {**os.environ, "PYTHONPATH": str(ROOT)}, workers, threads)
        )
        servers.append(start("wsgi:app", site_port, env, workers, threads))
        print(
            f"gunicorn: {workers} workers x {threads} threads (gthread), {args.clients} connections, "
            f"{args.seconds:g} s a run, {args.rounds} rounds, {os.cpu_count()} cores"
        )
        for path in args.pages:  # warm every worker: templates compiled, caches filled
            load(site_port, path, 1.0, args.clients)
        load(hello_port, HELLO_PAGE, 1.0, args.clients)

        hello: list[float] = []
        site: dict[str, list[float]] = {path: [] for path in args.pages}
        failures = 0
        for round_number in range(args.rounds):
            for path in args.pages:
                order = [("hello", hello_port, HELLO_PAGE), ("site", site_port, path)]
                if round_number % 2:
                    order.reverse()
                for name, port, target in order:
                    rps, failed = load(port, target, args.seconds, args.clients)
                    failures += failed
                    (hello if name == "hello" else site[path]).append(rps)
        bare = statistics.median(hello)
        print(
            f"{'bare Flask hello-world /':<32} {bare:8.0f} req/s  (median of {len(hello)} runs, "
            f"{min(hello):.0f} to {max(hello):.0f})"
        )
        for path, values in site.items():
            median = statistics.median(values)
            print(
                f"{'site ' + path:<32} {median:8.0f} req/s  ratio {median / bare:5.2f}  "
                f"({min(values):.0f} to {max(values):.0f})"
            )
        if failures:
            print(f"{failures} requests failed or were not 200")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
