"""Reading one address of another Open Referral UK feed: a timeout, a few tries on a passing fault, a size cap."""

import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from app.pathways.limits import MAX_FILE_BYTES

# Answers that may be gone on the next try: too many requests, and the server or a proxy in front of it failing.
PASSING = frozenset({429, 500, 502, 503, 504})
NDJSON = "application/x-ndjson"
CHUNK = 64 * 1024  # bytes read at a time
USER_AGENT = "MyWayToWork-directory-pull/1"


class FetchFailed(Exception):
    """An address of the feed could not be read; the message says plainly why. `status`: the HTTP status that
    refused it (4xx), if that was the reason."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    url: str
    content_type: str
    body: bytes

    def json(self):
        """The body as JSON, or FetchFailed saying it is not."""
        try:
            return json.loads(self.body.decode("utf-8-sig"), parse_constant=_not_json)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise FetchFailed(f"{self.url} did not answer with JSON.") from None

    def ndjson(self) -> list:
        """Each line of the body as JSON; a line cut short (a stream that broke off) is a failure."""
        items = []
        for number, line in enumerate(self.body.decode("utf-8-sig", errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line, parse_constant=_not_json))
            except (json.JSONDecodeError, RecursionError):
                raise FetchFailed(f"{self.url}: line {number} is not JSON (the stream may have broken off).") from None
        return items


@dataclass
class Fetcher:
    """Gets addresses over HTTP(S) with urllib: `timeout` seconds for each read, `tries` in all, waiting
    `wait` seconds before the second try and twice as long before each one after."""

    timeout: float = 30.0  # seconds
    tries: int = 3
    wait: float = 2.0  # seconds
    max_bytes: int = MAX_FILE_BYTES
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    requests: int = 0

    def get(self, url: str) -> Answer:
        """The answer at url, or FetchFailed once every try has failed or the fault will not pass."""
        if not url.startswith(("http://", "https://")):
            raise FetchFailed(f"{url} is not an http:// or https:// address.")
        delay = self.wait
        for attempt in range(1, self.tries + 1):
            try:
                return self._get_once(url)
            except _Passing as fault:
                if attempt == self.tries:
                    raise FetchFailed(f"{url}: {fault} (tried {self.tries} times).") from None
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: str) -> Answer:
        self.requests += 1
        request = urllib.request.Request(
            url, headers={"Accept": f"application/json, {NDJSON}", "User-Agent": USER_AGENT}
        )
        try:
            with OPENER.open(request, timeout=self.timeout) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchFailed(f"{url} is {int(length):,} bytes; at most {self.max_bytes:,} are read.")
                body = self._read(response, url)
                return Answer(url, response.headers.get_content_type(), body)
        except urllib.error.HTTPError as error:
            message = f"the server answered {error.code} {error.reason}"
            if error.code in PASSING:
                raise _Passing(message) from None
            raise FetchFailed(f"{url}: {message}.", error.code) from None
        except (TimeoutError, ConnectionError, http.client.HTTPException) as error:
            raise _Passing(_describe(error)) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, ConnectionError)):
                raise _Passing(_describe(error.reason)) from None
            raise FetchFailed(f"{url} cannot be reached: {error.reason}.") from None

    def _read(self, response, url: str) -> bytes:
        parts, size = [], 0
        while part := response.read(CHUNK):
            size += len(part)
            if size > self.max_bytes:
                raise FetchFailed(f"{url} is more than {self.max_bytes:,} bytes; at most that many are read.")
            parts.append(part)
        return b"".join(parts)


class _WebOnly(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address (urllib would also follow one to ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchFailed(f"{req.full_url} sends the reader on to {newurl[:100]}, which is not a web address.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


OPENER = urllib.request.build_opener(_WebOnly)


class _Passing(Exception):
    """A fault that may pass: worth another try."""


def _describe(error: BaseException) -> str:
    if isinstance(error, TimeoutError):
        return "no answer in time"
    if isinstance(error, http.client.IncompleteRead):
        return "the answer broke off"
    return f"the connection failed ({type(error).__name__})"


def _not_json(name: str):
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)
