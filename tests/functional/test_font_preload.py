"""A page in the site's own font names its two fonts at once, so they come beside the stylesheet (decision 0024)."""

import re
from pathlib import Path

from app.assets import PRELOAD_FONTS

CSS = Path(__file__).resolve().parents[2] / "app" / "static" / "css" / "site.css"


def preloaded(response) -> list[str]:
    return re.findall(
        r"<([^>]+)>; rel=preload; as=font; type=\"font/woff2\"; crossorigin", response.headers.get("Link", "")
    )


def test_a_page_preloads_the_fonts_its_stylesheet_uses_at_the_same_addresses(client):
    urls = preloaded(client.get("/"))
    assert urls == [f"/static/{name}" for name in PRELOAD_FONTS]
    stylesheet = CSS.read_text(encoding="utf-8")
    for url in urls:
        assert f'url("../{url.removeprefix("/static/")}")' in stylesheet


def test_a_welsh_page_preloads_them_too(client):
    assert len(preloaded(client.get("/find-work?lang=cy"))) == 2


def test_no_font_is_preloaded_for_someone_who_chose_their_system_font(client):
    client.set_cookie("reading", "font:system")
    assert "Link" not in client.get("/").headers


def test_only_pages_carry_the_preload(client):
    assert "Link" not in client.get("/static/css/site.css").headers
    assert "Link" not in client.get("/api/").headers
    assert "Link" not in client.get("/no-such-page").headers
