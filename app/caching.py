"""Repeat views of public pages cost a few hundred bytes: a weak ETag from the page itself, and 304 Not Modified
when the browser already has it. Pages with a form or a person's own words never get one.
See docs/decisions/0012-compression-and-repeat-views.md.
"""

import hashlib

from flask import Flask, g, request

# Pages that read the same for everyone who asks in the same language with the same reading settings:
# no form, nothing a person typed or chose. A page not named here is never given an ETag.
PUBLIC_PAGES = {
    "main.home",
    "main.accessibility",
    "main.privacy",
    "main.credits",
    "easyread.glossary",
    "pathways.ladder",
    "pathways.step",
    "pathways.directory",
    "pathways.service",
    "pathways.service_types",
}

# What a public page's words depend on besides its address: the language (?lang=, the lang cookie or the
# browser's languages) and the reading settings (a cookie).
PAGE_VARY = ("Accept-Language", "Cookie")


def shareable(response) -> bool:
    """A public page, fetched by anyone, with no form token and no private caching asked for."""
    return (
        request.method in ("GET", "HEAD")
        and request.endpoint in PUBLIC_PAGES
        and response.status_code == 200
        and response.mimetype == "text/html"
        and "csrf_token" not in g
        and not response.cache_control.private
        and not response.cache_control.no_store
        and "Content-Encoding" not in response.headers
    )


def add_validators(response):
    """A weak ETag from the page's words (the same for its gzip and brotli forms), then 304 if it matches.
    Any other page is kept by no cache (no-store)."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    if not shareable(response):
        # A page with a form, a person's answers or staff work: kept by no cache at all, not even the browser's.
        response.cache_control.private = True
        response.cache_control.no_store = True
        return response
    response.vary.update(PAGE_VARY)
    response.cache_control.no_cache = True  # keep it, but ask each time: the answer is a 304 when nothing changed
    response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32], weak=True)
    return response.make_conditional(request)


def setup_caching(app: Flask) -> None:
    # Registered after compression, so it runs first: the ETag is made from the page before it is compressed,
    # and a 304 has no body to compress.
    app.after_request(add_validators)
