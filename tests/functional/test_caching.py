"""A repeat view of a public page is a 304 with no body; pages with a form or a person's own words never get
an ETag and are kept out of shared caches."""

import pytest

from app import caching
from demo.pages import WITH_DEMO_ANSWERS, page_examples
from tests.site import make_app, open_demo_plan, sign_in_as

KEPT_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/find-work/volunteering", "/services", "/glossary", "/credits"])
def test_a_public_page_has_a_weak_etag_and_a_repeat_view_is_a_304(client, path):
    first = client.get(path)
    tag = first.headers["ETag"]
    assert tag.startswith('W/"')
    assert first.cache_control.no_cache
    assert not first.cache_control.private
    assert {"accept-language", "cookie", "accept-encoding"} <= vary(first)
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == tag
    for name in KEPT_HEADERS:
        assert again.headers[name] == first.headers[name]


def test_the_etag_is_the_same_for_gzip_and_brotli_so_either_revalidates(app):
    client = app.test_client()
    br = client.get("/find-work", headers={"Accept-Encoding": "br"})
    gz = client.get("/find-work", headers={"Accept-Encoding": "gzip"})
    assert br.headers["Content-Encoding"] == "br" and gz.headers["Content-Encoding"] == "gzip"
    assert br.headers["ETag"] == gz.headers["ETag"]
    again = client.get("/find-work", headers={"Accept-Encoding": "gzip", "If-None-Match": br.headers["ETag"]})
    assert again.status_code == 304
    assert "Content-Encoding" not in again.headers


def test_the_etag_changes_with_the_language_and_the_reading_settings(client):
    english = client.get("/find-work").headers["ETag"]
    welsh = client.get("/find-work?lang=cy").headers["ETag"]
    assert english != welsh
    client.get("/find-work?lang=en")
    assert client.get("/find-work").headers["ETag"] == english
    settings = {"size": "extra-large", "contrast": "dark", "spacing": "wide", "font": "system", "next": ""}
    assert client.post("/reading-settings", data=settings).status_code == 302
    assert client.get("/find-work").headers["ETag"] != english


def test_a_stale_etag_gets_the_whole_page(client):
    response = client.get("/find-work", headers={"If-None-Match": 'W/"not-this-page"'})
    assert response.status_code == 200
    assert b"<h1" in response.data


@pytest.mark.parametrize("path", ["/my-work/resume", "/reading-settings", "/my-work/before-you-start/who"])
def test_a_page_with_a_form_has_no_etag_and_is_private(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert response.cache_control.private


@pytest.mark.parametrize("path", ["/my-work/plan", "/my-work/", "/services-for-me", "/my-work/save"])
def test_a_page_with_a_persons_answers_has_no_etag_and_is_private(client, path):
    open_demo_plan(client)
    response = client.get(path)
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert response.cache_control.private
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == 200


def test_a_shared_plan_has_no_etag(client):
    from demo.checklists import DEMO_SHARE_TOKEN

    response = client.get(f"/my-work/shared/{DEMO_SHARE_TOKEN}")
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert response.cache_control.private


def test_a_staff_page_has_no_etag(client):
    sign_in_as(client, "council-admin")
    response = client.get("/staff/", follow_redirects=True)
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert response.cache_control.private or response.cache_control.no_store


def test_a_listed_page_that_makes_a_form_token_gets_no_etag(tmp_path, monkeypatch):
    """The list is a promise about each page; the form token is checked as well, in case a form is added."""
    monkeypatch.setattr(caching, "PUBLIC_PAGES", caching.PUBLIC_PAGES | {"easyread.reading_settings"})
    client = make_app(tmp_path, WTF_CSRF_ENABLED=True).test_client()
    response = client.get("/reading-settings")
    assert b'name="csrf_token"' in response.data
    assert "ETag" not in response.headers
    assert response.cache_control.private


def test_every_page_given_an_etag_exists_and_shows_no_answers(app):
    endpoints = {endpoint for endpoint, _args in page_examples()}
    assert caching.PUBLIC_PAGES <= endpoints
    assert not caching.PUBLIC_PAGES & WITH_DEMO_ANSWERS
    assert not {name for name in caching.PUBLIC_PAGES if name.split(".")[0] in ("staff", "referrals", "checklists")}
