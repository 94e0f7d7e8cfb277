"""A pull on the real database (SQLite, and PostgreSQL when TEST_DATABASE_URL points at one): written in one
transaction with what is gone, or not at all, and logged either way."""

from sqlalchemy import select

from app.pathways.importing import symbol_concepts
from app.pathways.models import DirectoryPull, Service
from app.pathways.pulling import Fetcher, PullFailed, pull
from tests.oruk_feed_server import Feed, FeedServer
from tests.pathways_builders import make_record


def test_a_pull_is_all_or_nothing_and_logged_on_the_database(site):
    records = [make_record(name=f"Pulled service {n}") for n in range(4)]
    server = FeedServer(Feed(records=records, page_size=2)).start()
    symbols = symbol_concepts(site.config["SYMBOL_INDEX"])
    factory = site.extensions["database"]["factory"]
    try:
        with site.app_context(), factory() as session:
            assert str(pull(session, server.url, symbols, Fetcher(wait=0))).endswith(
                "4 new, 0 changed, 0 unchanged, 0 gone (marked inactive)."
            )
            server.feed.records = [{**r, "name": "Changed"} for r in records[:3]]
            server.feed.fail_from_page = 2
            try:
                pull(session, server.url, symbols, Fetcher(wait=0, tries=1))
                raise AssertionError("the pull should have failed")
            except PullFailed as failure:
                assert "500" in failure.problems[0]
            server.feed.fail_from_page = None
            summary = pull(session, server.url, symbols, Fetcher(wait=0))
            assert (len(summary.changed), summary.gone) == (3, [records[3]["id"]])
        with factory() as session:
            states = dict(
                session.execute(select(Service.name, Service.status).where(Service.source == server.url)).all()
            )
            assert states == {"Changed": "active", "Pulled service 3": "inactive"}
            logged = [
                (p.applied, p.new, p.changed, p.gone)
                for p in session.scalars(select(DirectoryPull).order_by(DirectoryPull.id))
            ]
            assert logged == [(True, 4, 0, 0), (False, 0, 0, 0), (True, 0, 3, 1)]
    finally:
        server.stop()
