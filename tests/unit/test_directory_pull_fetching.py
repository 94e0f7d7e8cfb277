"""Reading another feed's addresses: a timeout, tries again only on a fault that may pass, a size cap; and the
loop that pulls again and again."""

import pytest

from app.pathways.pulling import pull_every
from app.pathways.pulling.feed import FeedFailed, is_full, read_feed, root_url
from app.pathways.pulling.fetching import Fetcher, FetchFailed
from tests.oruk_feed_server import Feed, FeedServer
from tests.pathways_builders import make_record


@pytest.fixture
def server():
    feed_server = FeedServer().start()
    yield feed_server
    feed_server.stop()


def quick(**settings) -> Fetcher:
    return Fetcher(**{"timeout": 5, "wait": 0, **settings})


def test_an_answer_too_big_is_refused_without_keeping_it(server):
    server.feed = Feed(records=[make_record() for _ in range(3)])
    with pytest.raises(FetchFailed, match="at most 1,000 are read"):
        quick(max_bytes=1000).get(f"{server.url}services")


def test_a_read_that_takes_too_long_is_tried_again_then_fails(server):
    server.feed = Feed(delay=0.05)
    fetcher = quick(timeout=0.01, tries=2)
    with pytest.raises(FetchFailed, match=r"no answer in time \(tried 2 times\)"):
        fetcher.get(server.url)
    assert fetcher.requests == 2


def test_a_refusal_is_not_tried_again(server):
    fetcher = quick(tries=3)
    with pytest.raises(FetchFailed, match="answered 404") as failure:
        fetcher.get(f"{server.url}nothing-here")
    assert failure.value.status == 404 and fetcher.requests == 1


def test_waits_between_tries_double(server):
    waits = []
    server.feed = Feed(fail_from_page=1)
    with pytest.raises(FetchFailed):
        Fetcher(tries=4, wait=1.5, sleep=waits.append).get(f"{server.url}services")
    assert waits == [1.5, 3.0, 6.0]


def test_only_web_addresses_are_read():
    with pytest.raises(FetchFailed, match="not an http"):
        quick().get("file:///etc/passwd")


def test_a_redirect_is_followed_only_to_a_web_address(server):
    server.feed = Feed(redirects={"/old": "/", "/away": "ftp://files.example/feed"})
    assert quick().get(f"{server.url}old").json()["version"] == "HSDS-UK-3.0"
    with pytest.raises(FetchFailed, match="sends the reader on to ftp://files.example/feed, which is not a web"):
        quick().get(f"{server.url}away")


def test_a_feed_root_that_is_not_there_is_named(server):
    with pytest.raises(FeedFailed) as failure:
        read_feed(f"{server.url}services/none", quick())
    assert failure.value.problems == [f"{server.url}services/none/: the server answered 404 Not Found."]


def test_a_feed_whose_pages_do_not_add_up_is_refused(server):
    records = [make_record() for _ in range(3)]
    server.feed = Feed(records=records, page_size=2)
    fetcher = quick()
    original = fetcher.get

    def shrinking(url):  # a service is taken away between the first page and the second
        answer = original(url)
        if "page=1" in url:
            server.feed.records = records[1:]
        return answer

    fetcher.get = shrinking
    with pytest.raises(FeedFailed, match="1 problem") as failure:
        read_feed(server.url, fetcher)
    assert "says there are 3 services but its pages gave 2" in failure.value.problems[0]


def test_a_list_item_is_full_only_with_its_nested_objects():
    record = make_record()
    assert is_full(record)
    assert not is_full({"id": record["id"], "last_modified": record["last_modified"]})
    assert not is_full({key: value for key, value in record.items() if key != "service_at_locations"})


def test_the_same_feed_is_always_the_same_source():
    assert root_url(" https://council.example/api ") == root_url("https://council.example/api/")


def test_the_loop_pulls_again_after_each_wait_and_a_failure_does_not_stop_it():
    happened = []
    answers = iter([False, True, True])
    pull_every(
        lambda: happened.append(("pull", next(answers))), 3600, sleep=lambda s: happened.append(("wait", s)), passes=3
    )
    assert happened == [("pull", False), ("wait", 3600), ("pull", True), ("wait", 3600), ("pull", True)]


def council_feed(count: int) -> list[dict]:
    return [make_record(name=f"Council service {n}") for n in range(count)]


def services_asked(server) -> list[str]:
    return [path for path in server.feed.asked if path.startswith("/services")]


def test_a_failure_that_passes_is_tried_again(server):
    server.feed = Feed(records=council_feed(4), page_size=2, fail_from_page=2, fail_times=2)
    assert len(read_feed(server.url, quick())) == 4
    assert server.feed.asked.count("/services?full=true&page=2&per_page=1000") == 3


def test_minimal_list_items_are_read_one_by_one(server):
    records = council_feed(3)
    server.feed = Feed(records=records, minimal=True)
    assert read_feed(server.url, quick()) == records
    assert services_asked(server)[1:] == [f"/services/{r['id']}" for r in records]


def test_every_service_that_cannot_be_read_by_id_is_listed(server):
    server.feed = Feed(records=council_feed(2), minimal=True, listed_only=["gone-1", "gone-2"])
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick())
    assert failure.value.problems == [
        f"{server.url}services/gone-1: the server answered 404 Not Found.",
        f"{server.url}services/gone-2: the server answered 404 Not Found.",
    ]


def test_a_server_failing_by_id_stops_the_reading_at_once(server):
    records = council_feed(3)
    server.feed = Feed(records=records, minimal=True, fail_ids={r["id"] for r in records})
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick(tries=2))
    assert failure.value.problems == [
        f"{server.url}services/{records[0]['id']}: the server answered 500 Internal Server Error (tried 2 times)."
    ]


def test_an_ndjson_feed_is_read_in_one_answer_and_counted(server):
    records = council_feed(5)
    server.feed = Feed(records=records, ndjson=True, page_size=2)
    assert read_feed(server.url, quick()) == records
    assert services_asked(server) == [
        "/services?full=true&format=ndjson&page=1&per_page=1000",
        "/services?page=1&per_page=1",
    ]


def test_an_ndjson_stream_that_breaks_off_is_a_failure(server):
    server.feed = Feed(records=council_feed(4), ndjson=True, cut_stream="mid-line")
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick())
    assert failure.value.problems == [
        f"{server.url}services?full=true&format=ndjson&page=1&per_page=1000: line 3 is not JSON "
        "(the stream may have broken off)."
    ]


def test_an_ndjson_stream_that_breaks_off_between_lines_is_caught_by_its_count(server):
    server.feed = Feed(records=council_feed(4), ndjson=True, cut_stream="at-line")
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick())
    assert failure.value.problems == [
        f"{server.url}services?full=true&format=ndjson&page=1&per_page=1000 says there are 4 services but its "
        "pages gave 2 (the feed may have changed while it was read); try again."
    ]


def test_a_slow_feed_is_waited_for(server):
    server.feed = Feed(records=council_feed(2), page_size=1, delay=0.05)
    assert len(read_feed(server.url, quick())) == 2


def test_a_feed_that_is_not_open_referral_uk_3_is_refused(server):
    server.feed = Feed(records=council_feed(1), version="HSDS-UK-2.0")
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick())
    assert failure.value.problems == [
        f"{server.url} says HSDS-UK-2.0; only an Open Referral UK feed (HSDS-UK-3.0) can be pulled."
    ]
    assert services_asked(server) == []


def test_a_feed_that_cannot_be_reached_is_a_clear_failure(server):
    server.stop()
    with pytest.raises(FeedFailed) as failure:
        read_feed(server.url, quick(tries=2))
    assert failure.value.problems == [f"{server.url}: the connection failed (ConnectionRefusedError) (tried 2 times)."]


def test_a_database_that_cannot_be_read_is_a_failed_pull_not_a_crash(server, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from app.pathways import pulling

    class BrokenSession:
        rolled_back = 0

        def rollback(self):
            self.rolled_back += 1

        def add(self, row):
            raise OperationalError("INSERT", {}, Exception("database is locked"))

    def broken(session, source, records, symbols):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(pulling, "apply_feed", broken)
    server.feed = Feed(records=council_feed(1))
    session = BrokenSession()
    with pytest.raises(pulling.PullFailed) as failure:
        pulling.pull(session, server.url, frozenset(), quick())
    assert failure.value.problems == ["The database could not be read (OperationalError)."]
    assert session.rolled_back == 2  # the pull, then the log row that could not be kept either
