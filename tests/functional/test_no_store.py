"""Every page is either public (the same for everyone: an ETag, and a 304 on a repeat view) or kept by no cache:
pages with a person's answers, a form or staff work say `no-store`, so nothing personal stays in a browser's
or a proxy's cache. Walks the whole page list, the public pages with the demo plan open and every staff page."""

from app.caching import PUBLIC_PAGES
from demo.pages import staff_page_paths
from tests.site import all_pages, sign_in_as


def _cache_rule(app, client, path):
    response = client.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    with app.test_request_context(path):
        from flask import request

        endpoint = request.url_rule.endpoint
    return endpoint, response.cache_control, response.headers.get("ETag")


def test_every_public_page_is_shared_with_an_etag_or_kept_by_no_cache(app, client):
    public, private = [], []
    for path in all_pages(app, client):
        endpoint, cache, etag = _cache_rule(app, client, path)
        if endpoint in PUBLIC_PAGES:
            assert etag and not cache.no_store and not cache.private, f"{path} should be public"
            public.append(path)
        else:
            assert cache.no_store and cache.private and etag is None, f"{path}: Cache-Control {cache}"
            private.append(path)
    assert public and len(private) > 10, (public, private)


def test_pages_with_the_persons_answers_say_no_store(app, client):
    plan = [path for path in all_pages(app, client) if path.startswith("/my-work")]
    assert len(plan) >= 8
    for path in plan:
        response = client.get(path)
        assert "no-store" in response.headers["Cache-Control"], path


def test_every_staff_page_says_no_store(app, client):
    pages = staff_page_paths(app)
    assert len(pages) > 10
    signed_in_as = None
    for role, path in sorted(pages):
        if role != signed_in_as:
            sign_in_as(client, role)
            signed_in_as = role
        response = client.get(path)
        assert response.status_code == 200, f"{path} as {role}: {response.status_code}"
        if response.mimetype == "text/html":
            assert response.cache_control.no_store and response.cache_control.private, (
                f"{path}: {response.cache_control}"
            )
