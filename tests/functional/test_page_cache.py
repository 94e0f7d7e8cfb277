"""Whole public pages are kept in memory and served again without rendering; pages with a form, a person's
data or a session never are, and a change to the directory empties the cache."""

import time

import brotli
import pytest
from flask import template_rendered
from sqlalchemy import text, update

from app import caching
from app.database import Database
from app.easyread import audio
from app.pathways.models import Service
from demo.checklists import DEMO_SHARE_TOKEN
from tests.site import make_app, sign_in_as

HARBOUR_CAFE = "a4f34fe0-24fc-58f9-8922-919c6081da3c"


@pytest.fixture
def renders(app):
    """The pages rendered so far: a page answered from the cache adds nothing."""
    names: list[str] = []

    def record(_sender, template, context, **_extra):
        names.append(template.name)

    template_rendered.connect(record, app, weak=False)
    yield names
    template_rendered.disconnect(record, app)


def fetch(client, path, renders, **kwargs):
    """The response, and whether this request rendered a page."""
    before = len(renders)
    response = client.get(path, **kwargs)
    return response, len(renders) > before


def entries(app) -> int:
    return len(app.extensions["page_cache"].entries)


@pytest.mark.parametrize("path", ["/", "/find-work/volunteering", "/services", "/glossary", "/privacy"])
def test_a_public_page_is_served_again_from_the_cache_without_rendering_and_reads_the_same(app, renders, path):
    client = app.test_client()
    first, rendered = fetch(client, path, renders, headers={"Accept-Encoding": "br"})
    assert rendered and first.status_code == 200
    again, rendered_again = fetch(client, path, renders, headers={"Accept-Encoding": "br"})
    assert not rendered_again
    assert again.status_code == 200
    assert again.headers["Content-Encoding"] == "br"
    assert brotli.decompress(again.data) == brotli.decompress(first.data)
    for name in ("ETag", "Vary", "Cache-Control", "Content-Security-Policy", "Content-Type", "X-Frame-Options"):
        assert again.headers[name] == first.headers[name]
    plain, rendered_plain = fetch(client, path, renders)
    assert not rendered_plain and "Content-Encoding" not in plain.headers
    assert plain.data == brotli.decompress(first.data)


def test_a_repeat_view_of_a_kept_page_is_a_304_from_the_cache(app, renders):
    client = app.test_client()
    tag = client.get("/glossary").headers["ETag"]
    again, rendered = fetch(client, "/glossary", renders, headers={"If-None-Match": tag})
    assert not rendered
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag


def test_each_language_and_each_reading_setting_is_a_page_of_its_own(app, renders):
    client = app.test_client(use_cookies=False)
    variants = [
        {},
        {"headers": {"Accept-Language": "cy"}},
        {"headers": {"Cookie": "lang=cy"}},
        {"headers": {"Cookie": "reading=size:extra-large|contrast:dark"}},
        {"query_string": {"lang": "en"}, "headers": {"Cookie": "lang=en"}},
    ]
    pages = []
    for variant in variants:
        page, rendered = fetch(client, "/find-work", renders, **variant)
        assert rendered
        pages.append(page.get_data(as_text=True))
    assert 'lang="cy"' in pages[1] and 'lang="cy"' in pages[2] and 'lang="en"' in pages[0]
    assert "size-extra-large" in pages[3] and "size-extra-large" not in pages[0]
    for variant, page in zip(variants, pages, strict=True):
        again, rendered = fetch(client, "/find-work", renders, **variant)
        assert not rendered
        assert again.get_data(as_text=True) == page


def test_a_page_that_sets_a_cookie_is_not_kept(app, renders):
    client = app.test_client(use_cookies=False)
    first, _ = fetch(client, "/?lang=cy", renders)
    assert "lang=cy" in first.headers["Set-Cookie"]
    again, rendered = fetch(client, "/?lang=cy", renders)
    assert rendered and "lang=cy" in again.headers["Set-Cookie"]


@pytest.mark.parametrize("csrf", [True, False])
def test_a_page_with_a_form_that_posts_is_never_kept_even_when_listed_as_public(app, renders, monkeypatch, csrf):
    app.config["WTF_CSRF_ENABLED"] = csrf
    monkeypatch.setattr(caching, "PUBLIC_PAGES", caching.PUBLIC_PAGES | {"easyread.reading_settings"})
    client = app.test_client()
    for _ in range(2):
        page, rendered = fetch(client, "/reading-settings", renders)
        assert rendered and 'method="post"' in page.get_data(as_text=True)
    assert entries(app) == 0


def test_a_shared_plan_is_never_kept(app, renders):
    client = app.test_client()
    for _ in range(2):
        page, rendered = fetch(client, f"/my-work/shared/{DEMO_SHARE_TOKEN}", renders)
        assert page.status_code == 200 and rendered
    assert entries(app) == 0


def test_someone_with_a_session_is_never_answered_from_the_cache(app, renders):
    client = app.test_client()
    fetch(client, "/", renders)
    assert entries(app) == 1
    sign_in_as(client, "council-admin")
    for _ in range(2):
        page, rendered = fetch(client, "/", renders)
        assert page.status_code == 200 and rendered


def test_search_words_a_person_typed_are_not_kept(app, renders):
    client = app.test_client()
    for _ in range(2):
        _page, rendered = fetch(client, "/services?q=cafe", renders)
        assert rendered
    assert entries(app) == 0


def test_errors_and_redirects_are_not_kept(app, renders):
    client = app.test_client()
    for _ in range(2):
        assert fetch(client, "/services/no-such-service", renders)[0].status_code == 404
    assert client.get("/my-work").status_code in (301, 308)
    assert entries(app) == 0


def test_a_change_to_the_directory_in_this_process_empties_the_cache(app, renders):
    client = app.test_client()
    assert "Harbour" in client.get(f"/services/{HARBOUR_CAFE}").get_data(as_text=True)
    assert not fetch(client, f"/services/{HARBOUR_CAFE}", renders)[1]
    with app.app_context():
        factory = app.extensions["database"]["factory"]
        with factory() as session:
            session.get(Service, HARBOUR_CAFE).name = "Quayside Kitchen"
            session.commit()
    page, rendered = fetch(client, f"/services/{HARBOUR_CAFE}", renders)
    assert rendered and "Quayside Kitchen" in page.get_data(as_text=True)


def test_a_bulk_change_to_the_directory_empties_the_cache(app, renders):
    client = app.test_client()
    client.get(f"/services/{HARBOUR_CAFE}")
    with app.app_context():
        factory = app.extensions["database"]["factory"]
        with factory() as session:
            session.execute(update(Service).where(Service.id == HARBOUR_CAFE).values(name="Quayside Kitchen"))
            session.commit()
    page, rendered = fetch(client, f"/services/{HARBOUR_CAFE}", renders)
    assert rendered and "Quayside Kitchen" in page.get_data(as_text=True)


def test_a_change_made_by_another_process_is_seen_on_the_next_look(tmp_path):
    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/site.db", PAGE_CACHE_CHECK_SECONDS=0)
    client = app.test_client()
    client.get(f"/services/{HARBOUR_CAFE}")
    # Another process (an import, another server) writes straight to the database, past this process's sessions.
    with Database.engine(app).begin() as connection:
        connection.execute(
            text("UPDATE service SET name = 'Quayside Kitchen', last_modified = :now WHERE id = :id"),
            {"now": "2099-01-01 00:00:00.000000", "id": HARBOUR_CAFE},
        )
    assert "Quayside Kitchen" in client.get(f"/services/{HARBOUR_CAFE}").get_data(as_text=True)


def test_the_cache_keeps_at_most_its_number_of_pages_and_drops_the_least_used(tmp_path):
    app = make_app(tmp_path, PAGE_CACHE_ENTRIES=2)
    names: list[str] = []
    template_rendered.connect(lambda _s, template, context, **_k: names.append(template.name), app, weak=False)
    client = app.test_client()
    for path in ("/", "/glossary", "/", "/credits"):
        client.get(path)
    assert entries(app) == 2
    assert not fetch(client, "/", names)[1]  # used most recently but one: still kept
    assert fetch(client, "/glossary", names)[1]  # the least used: dropped


def test_no_pages_are_kept_when_the_cache_is_turned_off(tmp_path):
    app = make_app(tmp_path, PAGE_CACHE_ENTRIES=0)
    assert "page_cache" not in app.extensions
    assert app.test_client().get("/").status_code == 200


@pytest.mark.parametrize("ready", [True, False])
def test_a_page_whose_audio_is_not_ready_is_kept_only_a_short_time(app, monkeypatch, ready):
    monkeypatch.setattr(audio, "clips_ready", lambda _clips: ready)
    app.test_client().get("/")
    (entry,) = app.extensions["page_cache"].entries.values()
    left = entry.expires - time.monotonic()
    wait = app.config["PAGE_CACHE_AUDIO_WAIT_SECONDS"]
    assert (left > wait) if ready else (left <= wait)
