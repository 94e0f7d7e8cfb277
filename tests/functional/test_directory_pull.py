"""flask directory pull URL: another council's Open Referral UK feed, served on 127.0.0.1 by the tests, comes in
whole or not at all; services gone from it are marked inactive, and our easy-read layer stays."""

import copy

import pytest
from sqlalchemy import func, select

from app.pathways.extension import KEY
from app.pathways.models import DirectoryPull, Service
from app.pathways.taxonomies import TERM_IDS
from tests.oruk_feed_server import Feed, FeedServer
from tests.pathways_builders import make_record

DEMO_SERVICES = 44


@pytest.fixture
def server():
    feed_server = FeedServer().start()
    yield feed_server
    feed_server.stop()


def council_record(name: str, **overrides) -> dict:
    """A council's record: plain HSDS, without our easy-read fields or our own terms."""
    record = make_record(name=name, **overrides)
    del record[KEY]
    record["attributes"] = []
    return record


def council_feed(count: int) -> list[dict]:
    return [council_record(f"Council service {n}") for n in range(count)]


def stored(app, service_id: str) -> Service | None:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            service = session.get(Service, service_id)
            if service is not None:
                session.expunge(service)
            return service


def count(app, *conditions) -> int:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            return session.scalar(select(func.count()).select_from(Service).where(*conditions))


def pulls(app) -> list[DirectoryPull]:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            rows = list(session.scalars(select(DirectoryPull).order_by(DirectoryPull.id)))
            session.expunge_all()
            return rows


def pull(runner, server):
    return runner.invoke(args=["directory", "pull", server.url])


def test_a_feed_in_several_pages_is_pulled_whole_and_marked_with_its_source(app, runner, server):
    server.feed = Feed(records=council_feed(7), page_size=3)
    result = pull(runner, server)
    assert result.exit_code == 0, result.output
    assert f"Pulled 7 services from {server.url}: 7 new, 0 changed, 0 unchanged, 0 gone" in result.output
    assert [path for path in server.feed.asked if path.startswith("/services?")] == [
        "/services?full=true&format=ndjson&page=1&per_page=1000",
        "/services?full=true&page=2&per_page=1000",
        "/services?full=true&page=3&per_page=1000",
    ]
    assert count(app, Service.source == server.url) == 7
    assert count(app) == DEMO_SERVICES + 7
    assert count(app, Service.source.is_(None)) == DEMO_SERVICES


def test_pulling_again_counts_what_changed_and_marks_what_is_gone_inactive(app, client, runner, server):
    records = council_feed(5)
    server.feed = Feed(records=records, page_size=2)
    assert pull(runner, server).exit_code == 0
    renamed = {**records[0], "name": "Renamed service", "last_modified": "2026-11-20T09:00:00Z"}
    gone = records[4]
    server.feed.records = [renamed, *records[1:4]]
    result = pull(runner, server)
    assert result.exit_code == 0, result.output
    assert "4 services" in result.output and "0 new, 1 changed, 3 unchanged, 1 gone (marked inactive)" in result.output
    assert stored(app, renamed["id"]).name == "Renamed service"
    assert stored(app, gone["id"]).status == "inactive"
    assert client.get(f"/services/{gone['id']}").status_code == 404
    assert "Renamed service" in client.get(f"/services/{renamed['id']}").get_data(as_text=True)

    server.feed.records = [renamed, *records[1:]]
    result = pull(runner, server)
    assert "0 new, 1 changed, 4 unchanged, 0 gone" in result.output
    assert stored(app, gone["id"]).status == "active"
    logged = [(p.source, p.applied, p.new, p.changed, p.unchanged, p.gone, p.refused) for p in pulls(app)]
    assert logged == [
        (server.url, True, 5, 0, 0, 0, 0),
        (server.url, True, 0, 1, 3, 1, 0),
        (server.url, True, 0, 1, 4, 0, 0),
    ]
    assert all(p.started_at <= p.finished_at and p.problems is None for p in pulls(app))


def test_our_easy_read_layer_is_kept_when_the_feed_changes_a_service(app, runner, server):
    ours = make_record(name="Café jobs", step="supported-employment", last_modified="2026-11-01T09:00:00Z")
    ours[KEY]["name_cy"] = "Swyddi caffi"
    server.feed = Feed(records=[ours])
    assert pull(runner, server).exit_code == 0
    theirs = {**ours, "name": "Café jobs at the market", "last_modified": "2026-11-21T09:00:00Z"}
    del theirs[KEY]
    theirs["attributes"] = []
    server.feed.records = [theirs]
    result = pull(runner, server)
    assert result.exit_code == 0, result.output
    service = stored(app, ours["id"])
    assert service.name == "Café jobs at the market"
    assert (service.summary_en, service.summary_cy) == (ours[KEY]["summary"]["en"], ours[KEY]["summary"]["cy"])
    assert (service.symbol, service.name_cy, service.area_id, service.paid) == (
        "cafe",
        "Swyddi caffi",
        "test-town",
        True,
    )
    assert service.ladder_step == "supported-employment"
    assert " need:autism " in service.filter_terms


def test_a_failure_half_way_changes_nothing_and_says_why(app, runner, server):
    records = council_feed(6)
    server.feed = Feed(records=records, page_size=2)
    assert pull(runner, server).exit_code == 0
    server.feed.records = [{**r, "name": "Changed name"} for r in records[:5]]
    server.feed.fail_from_page = 2
    result = pull(runner, server)
    assert result.exit_code == 1
    assert f"Nothing was changed from {server.url}." in result.output
    assert "page=2" in result.output and "500 Internal Server Error (tried 3 times)" in result.output
    assert "Traceback" not in result.output
    assert count(app, Service.name == "Changed name") == 0
    assert count(app, Service.source == server.url, Service.status == "active") == 6
    last = pulls(app)[-1]
    assert (last.applied, last.new, last.changed, last.gone) == (False, 0, 0, 0)
    assert (
        last.problems == f"{server.url}services?full=true&page=2&per_page=1000: the server answered 500 "
        "Internal Server Error (tried 3 times)."
    )


def test_bad_records_are_all_listed_and_nothing_is_pulled(app, runner, server):
    good = council_record("A good service")
    bad_ages = council_record("Bad ages", minimum_age=30, maximum_age=20)
    bad_email = council_record("Bad email")
    bad_email["contacts"][0]["email"] = 7
    server.feed = Feed(records=[good, bad_ages, bad_email], page_size=1)
    result = pull(runner, server)
    assert result.exit_code == 1
    assert "2 service(s) refused. 2 problem(s) to fix first:" in result.output
    assert f"record {bad_ages['id']}, minimum_age: (30) is more than maximum_age (20)." in result.output
    assert f"record {bad_email['id']}, contacts[0].email:" in result.output
    assert count(app) == DEMO_SERVICES
    assert [(p.applied, p.refused, len(p.problems.splitlines())) for p in pulls(app)] == [(False, 2, 2)]


def test_a_service_that_cannot_be_read_by_id_is_listed_and_nothing_is_pulled(app, runner, server):
    records = council_feed(4)
    server.feed = Feed(records=records, minimal=True, fail_ids={records[1]["id"]})
    result = pull(runner, server)
    assert result.exit_code == 1
    assert f"/services/{records[1]['id']}: the server answered 500" in result.output
    assert count(app) == DEMO_SERVICES


def test_a_service_another_feed_brought_is_not_taken_over(app, runner, server):
    records = council_feed(2)
    server.feed = Feed(records=records)
    assert pull(runner, server).exit_code == 0
    other = FeedServer(Feed(records=[copy.deepcopy(records[0])])).start()
    try:
        result = runner.invoke(args=["directory", "pull", other.url])
    finally:
        other.stop()
    assert result.exit_code == 1
    assert f"record {records[0]['id']}: is already in the directory from another feed ({server.url})." in result.output
    assert stored(app, records[0]["id"]).source == server.url


def test_our_own_api_pulls_back_as_it_is(app, runner, tmp_path):
    """Another site running this code, with the demo data: its /api is read as ndjson and every service is
    taken over with our easy-read layer, and nothing is new."""
    from threading import Thread

    from werkzeug.serving import make_server

    from tests.site import make_app

    # A file database: the threaded server's requests each take their own connection, as on a real server.
    other = make_app(tmp_path / "other", DATABASE_URL=f"sqlite:///{tmp_path}/other.db")
    web = make_server("127.0.0.1", 0, other, threaded=True)
    Thread(target=web.serve_forever, daemon=True).start()
    try:
        result = runner.invoke(args=["directory", "pull", f"http://127.0.0.1:{web.server_port}/api"])
    finally:
        web.shutdown()
    assert result.exit_code == 0, result.output
    assert f"Pulled {DEMO_SERVICES} services" in result.output and "0 new" in result.output
    assert count(app, Service.source == f"http://127.0.0.1:{web.server_port}/api/") == DEMO_SERVICES
    assert count(app, Service.summary_en.is_(None)) == 0
    assert count(app, Service.ladder_step.is_(None)) == 0


def test_our_terms_in_a_feed_are_kept_for_a_new_service(app, runner, server):
    record = make_record(name="From a site like ours", step="volunteering")
    server.feed = Feed(records=[record])
    assert pull(runner, server).exit_code == 0
    service = stored(app, record["id"])
    assert service.ladder_step == "volunteering" and service.summary_en == record[KEY]["summary"]["en"]
    assert all(a["taxonomy_term_id"] in TERM_IDS for a in record["attributes"])


def test_the_loop_pulls_again_after_a_failed_pull(app, runner, server, monkeypatch):
    from app.pathways import cli, pulling

    waits = []

    def two_passes(once, seconds):
        def fix_the_feed_then_pull():
            once()
            server.feed.fail_from_page = None

        pulling.pull_every(fix_the_feed_then_pull, seconds, sleep=waits.append, passes=2)

    monkeypatch.setattr(cli, "pull_every", two_passes)
    server.feed = Feed(records=council_feed(3), page_size=2, fail_from_page=2)
    result = runner.invoke(args=["directory", "pull", server.url, "--loop", "--every", "3600"])
    assert result.exit_code == 0, result.output
    assert "Nothing was changed" in result.output and "3 new" in result.output
    assert waits == [3600]
    assert [p.applied for p in pulls(app)] == [False, True]


def test_minimal_items_that_have_not_changed_are_not_read_again(app, runner, server):
    records = council_feed(4)
    server.feed = Feed(records=records, minimal=True)
    assert pull(runner, server).exit_code == 0
    moved = {**records[0], "name": "Moved on", "last_modified": "2026-11-25T09:00:00Z"}
    server.feed = Feed(records=[moved, *records[1:3]], minimal=True)
    result = pull(runner, server)
    assert "0 new, 1 changed, 2 unchanged, 1 gone" in result.output
    assert [p for p in server.feed.asked if p.startswith("/services/")] == [f"/services/{moved['id']}"]
    assert stored(app, moved["id"]).name == "Moved on"

    server.feed = Feed(records=[moved, *records[1:]], minimal=True)
    result = pull(runner, server)
    assert "0 new, 1 changed, 3 unchanged, 0 gone" in result.output
    assert [p for p in server.feed.asked if p.startswith("/services/")] == [f"/services/{records[3]['id']}"]
    assert stored(app, records[3]["id"]).status == "active"


def test_a_feed_that_suddenly_lists_nothing_marks_nothing_gone(app, runner, server):
    server.feed = Feed(records=council_feed(3))
    assert pull(runner, server).exit_code == 0
    server.feed.records = []
    result = pull(runner, server)
    assert result.exit_code == 1
    assert "The feed lists no services; the 3 it brought before stay as they are." in result.output
    assert count(app, Service.source == server.url, Service.status == "active") == 3
