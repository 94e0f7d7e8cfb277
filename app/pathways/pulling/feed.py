"""Reading a whole Open Referral UK feed: the root, every service (as ndjson, or page by page), and each service
by id where the list does not give it in full."""

import re
from collections.abc import Callable
from urllib.parse import quote, urlencode

from app.pathways.limits import MAX_RECORDS
from app.pathways.pulling.fetching import NDJSON, Answer, Fetcher, FetchFailed

PER_PAGE = 1000  # services asked for a page; a feed may give fewer
# A list item with these is a full record; one without (minimal, or without its nested objects) is read by id.
FULL = ("organization", "service_at_locations", "attributes")
VERSION = re.compile(r"^(HSDS-UK-)?3(\.\d+)*$")


class FeedFailed(Exception):
    """The feed could not be read whole; every problem is listed."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def root_url(url: str) -> str:
    """The feed's root, written one way, so the same feed is always the same source."""
    return url.strip().rstrip("/") + "/"


def read_feed(
    url: str, fetcher: Fetcher, per_page: int = PER_PAGE, held: Callable[[list], dict[str, dict]] | None = None
) -> list:
    """Every service in the feed as a full record, in the feed's order; FeedFailed if any part cannot be read.

    `held` gives, by id, the full records we already hold for list items that have not changed, so they are not
    read again."""
    base = root_url(url)
    try:
        check_root(fetcher.get(base))
        items = list_services(base, fetcher, per_page)
    except FetchFailed as failure:
        raise FeedFailed([str(failure)]) from None
    records, problems = [], []
    kept = held([item for item in items if not is_full(item)]) if held is not None else {}
    for position, item in enumerate(items, 1):
        if is_full(item):
            records.append(item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"Service #{position} in the list has no id, so it cannot be read in full.")
            continue
        if item["id"] in kept:
            records.append(kept[item["id"]])
            continue
        try:
            records.append(fetcher.get(f"{base}services/{quote(item['id'], safe='')}").json())
        except FetchFailed as failure:
            problems.append(str(failure))
            if failure.status is None:  # the server is down or failing: reading on would only repeat it
                break
    if problems:
        raise FeedFailed(problems)
    return records


def check_root(answer: Answer) -> None:
    root = answer.json()
    version = root.get("version") if isinstance(root, dict) else None
    if not isinstance(version, str) or not VERSION.match(version.strip()):
        shown = str(version)[:40] if version is not None else "no version"
        raise FetchFailed(f"{answer.url} says {shown}; only an Open Referral UK feed (HSDS-UK-3.0) can be pulled.")


def is_full(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("organization"), dict) and all(k in item for k in FULL)


def list_services(base: str, fetcher: Fetcher, per_page: int) -> list:
    """Every item of /services: one ndjson answer when the feed gives one, else every page in turn."""
    try:
        first = fetcher.get(_services(base, format="ndjson", page=1, per_page=per_page))
    except FetchFailed as failure:
        if failure.status != 400:
            raise
        first = fetcher.get(_services(base, page=1, per_page=per_page))  # a feed that refuses format=ndjson
    if first.content_type == NDJSON:
        items = first.ndjson()
        # ndjson carries no count: a stream cut off between two lines is caught by a page's total_items.
        counted = fetcher.get(f"{base}services?{urlencode({'page': 1, 'per_page': 1})}").json()
        _check_count(items, counted.get("total_items") if isinstance(counted, dict) else None, first.url)
        return items
    page = first.json()
    items, pages = _contents(page, first.url), _total_pages(page, first.url)
    if pages > MAX_RECORDS:
        raise FetchFailed(f"{first.url} says there are {pages:,} pages; at most {MAX_RECORDS:,} are read.")
    for number in range(2, pages + 1):
        answer = fetcher.get(_services(base, page=number, per_page=per_page))
        items += _contents(answer.json(), answer.url)
    _check_count(items, page.get("total_items"), first.url)
    return items


def _services(base: str, **parameters) -> str:
    return f"{base}services?{urlencode({'full': 'true', **parameters})}"


def _contents(page, url: str) -> list:
    if not isinstance(page, dict) or not isinstance(page.get("contents"), list):
        raise FetchFailed(f'{url} is not a page of services (no "contents" list).')
    return page["contents"]


def _total_pages(page: dict, url: str) -> int:
    pages = page.get("total_pages", 1)
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 1:
        raise FetchFailed(f"{url}: total_pages must be a whole number from 1.")
    return pages


def _check_count(items: list, total, url: str) -> None:
    if len(items) > MAX_RECORDS:
        raise FetchFailed(f"{url} lists {len(items):,} services; at most {MAX_RECORDS:,} can be pulled at once.")
    if isinstance(total, int) and not isinstance(total, bool) and total != len(items):
        raise FetchFailed(
            f"{url} says there are {total:,} services but its pages gave {len(items):,} "
            "(the feed may have changed while it was read); try again."
        )
