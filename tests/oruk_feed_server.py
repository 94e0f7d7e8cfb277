"""Another council's Open Referral UK feed on 127.0.0.1, served from a thread, for the pull tests. What it
serves is set on `.feed` and can be changed between pulls: its records, page size, ndjson or not, minimal list
items, a small delay, a failure from some page or some service on, and a version."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Feed:
    records: list = field(default_factory=list)
    page_size: int = 1000  # most items a page gives, whatever is asked for
    ndjson: bool = False  # answers format=ndjson as one stream
    cut_stream: str | None = None  # the ndjson stream breaks off after 2 lines: "at-line", or "mid-line" in the 3rd
    minimal: bool = False  # list items are only id and last_modified
    delay: float = 0.0  # seconds before each answer
    fail_from_page: int | None = None  # this page and every later one answer 500
    fail_ids: set = field(default_factory=set)  # these services answer 500 by id
    listed_only: list = field(default_factory=list)  # ids at the end of the list that are not there by id (404)
    fail_times: int | None = None  # a failure passes after this many answers (None: it never passes)
    version: str = "HSDS-UK-3.0"
    redirects: dict = field(default_factory=dict)  # path -> where a 302 sends the reader
    asked: list = field(default_factory=list)  # every path and query asked for, in order


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that gave up waiting is expected here
        pass


class FeedServer:
    def __init__(self, feed: Feed | None = None):
        self.feed = feed or Feed()
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def start(self) -> "FeedServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(owner: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            feed = owner.feed
            feed.asked.append(self.path)
            time.sleep(feed.delay)
            parts = urlsplit(self.path)
            if parts.path in feed.redirects:
                self.send_response(302)
                self.send_header("Location", feed.redirects[parts.path])
                self.send_header("Content-Length", "0")
                return self.end_headers()
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if parts.path == "/":
                return self._json({"version": feed.version, "profile": "uk"})
            if parts.path == "/services":
                return self._services(feed, query)
            if parts.path.startswith("/services/"):
                wanted = parts.path.removeprefix("/services/")
                if wanted in feed.fail_ids and self._failing(feed):
                    return self._json({"error": "broken"}, 500)
                found = [r for r in feed.records if r.get("id") == wanted]
                return self._json(found[0]) if found else self._json({"error": "not found"}, 404)
            return self._json({"error": "not found"}, 404)

        def _failing(self, feed: Feed) -> bool:
            if feed.fail_times is None:
                return True
            feed.fail_times -= 1
            return feed.fail_times >= 0

        def _services(self, feed: Feed, query: dict):
            items = [
                {"id": r["id"], "last_modified": r.get("last_modified")} if feed.minimal else r for r in feed.records
            ]
            items += [{"id": listed} for listed in feed.listed_only]
            if feed.ndjson and query.get("format") == "ndjson":
                lines = [json.dumps(item) + "\n" for item in items]
                if feed.cut_stream:
                    lines = lines[:2] + ([lines[2][:40]] if feed.cut_stream == "mid-line" else [])
                body = "".join(lines).encode()
                return self._send(body, "application/x-ndjson")
            per_page = min(int(query.get("per_page", 50)), feed.page_size)
            page = int(query.get("page", 1))
            if feed.fail_from_page is not None and page >= feed.fail_from_page and self._failing(feed):
                return self._json({"error": "broken"}, 500)
            total = len(items)
            contents = items[(page - 1) * per_page : page * per_page]
            pages = max(1, -(-total // per_page))
            return self._json(
                {
                    "total_items": total,
                    "total_pages": pages,
                    "page_number": page,
                    "size": len(contents),
                    "contents": contents,
                }
            )

        def _json(self, data, status: int = 200):
            self._send(json.dumps(data).encode(), "application/json", status)

        def _send(self, body: bytes, content_type: str, status: int = 200):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
