"""Chromium gets pages, the stylesheet and symbols compressed, and a repeat view of a public page is a 304."""

import pytest

pytestmark = pytest.mark.browser


def test_a_page_and_its_stylesheet_and_symbols_arrive_compressed_in_chromium(page, live_server):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server + "/find-work")
    # The first screen's symbols come inside the page (decision 0029); the lower ones are files, fetched
    # when they come near the screen.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    document = next(r for r in responses if r.url == live_server + "/find-work")
    accepted = document.request.all_headers()["accept-encoding"]
    encoding = document.all_headers()["content-encoding"]
    assert encoding in ("br", "gzip")
    assert encoding in accepted
    assert "accept-encoding" in document.all_headers()["vary"].lower()
    assert document.request.sizes()["responseBodySize"] < len(document.body()) / 3  # on the wire, then unpacked
    stylesheet = next(r for r in responses if "/static/css/site.css" in r.url)
    assert stylesheet.all_headers()["content-encoding"] == encoding
    symbols = [r for r in responses if "/symbols/" in r.url and int(r.all_headers()["content-length"] or 0) > 0]
    assert any(r.all_headers().get("content-encoding") == encoding for r in symbols)
    assert page.get_by_role("heading", level=1).is_visible()


def test_a_public_page_opened_again_is_revalidated_with_its_etag(page, live_server):
    first = page.goto(live_server + "/find-work")
    tag = first.all_headers()["etag"]
    again = page.reload()
    assert again.request.all_headers().get("if-none-match") == tag
    assert again.request.sizes()["responseBodySize"] == 0  # the server answered 304; the page came from the cache
    assert page.get_by_role("heading", level=1).is_visible()
