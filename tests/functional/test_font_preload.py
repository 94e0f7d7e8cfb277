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


def unicode_range(font: str) -> set[int]:
    """The characters site.css says the @font-face rule with this file covers."""
    stylesheet = CSS.read_text(encoding="utf-8")
    rule = re.search(r"@font-face \{[^}]*url\(\"\.\./" + re.escape(font) + r"\"\)[^}]*\}", stylesheet).group(0)
    covered: set[int] = set()
    for part in re.search(r"unicode-range: ([^;]+);", rule).group(1).split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        covered.update(range(int(start, 16), int(end or start, 16) + 1))
    return covered


def test_every_letter_of_the_english_and_welsh_words_is_in_the_preloaded_fonts():
    """A Welsh page (ŵ, ŷ) needs no font file beyond the two it names at once (decision 0029)."""
    root = CSS.parents[3]
    words = (root / "translations" / "cy" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    for folder, pattern in (("app/templates", "*.html"), ("app", "*.yaml"), ("app", "*.py")):
        words += "".join(path.read_text(encoding="utf-8") for path in (root / folder).rglob(pattern))
    used = {ord(char) for char in words if not char.isspace() or char == " "}
    assert {0x0175, 0x0177} <= used  # ŵ and ŷ are in the Welsh words
    for font in PRELOAD_FONTS:
        assert used - unicode_range(font) == set(), font
