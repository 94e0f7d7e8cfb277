"""Which symbols come inside the page and which wait until they come near the screen (decision 0029)."""

import re
from pathlib import Path
from urllib.parse import unquote

import html5lib

from app.easyread.symbols import EAGER_SYMBOLS, INLINE_MAX_BYTES, inline_src, symbol, symbol_index


def src(html: str) -> str:
    return re.search(r' src="([^"]*)"', html).group(1)


def test_the_first_symbols_of_a_page_load_at_once_and_later_ones_lazily(request_context):
    drawn = [str(symbol("work")) for _ in range(EAGER_SYMBOLS + 2)]
    assert all("loading=" not in html for html in drawn[:EAGER_SYMBOLS])
    assert all('loading="lazy"' in html for html in drawn[EAGER_SYMBOLS:])


def test_every_symbol_keeps_its_space_and_decodes_off_the_main_thread(request_context):
    for html in (str(symbol("work", 48)), str(symbol("work", 48, eager=False))):
        assert 'width="48"' in html and 'height="48"' in html and 'decoding="async"' in html


def test_a_header_symbol_loads_at_once_even_after_the_body_has_used_the_first_places(request_context):
    for _ in range(EAGER_SYMBOLS):
        symbol("work")
    assert "loading=" not in str(symbol("settings", 32, eager=True))


def test_a_play_icon_comes_inside_the_page_and_leaves_the_first_places_to_the_page_symbols(request_context):
    play = str(symbol("listen", 28, css_class="play-icon", eager=True))
    assert "loading=" not in play and src(play) == inline_src(symbol_index().file_for("listen"))
    assert "loading=" not in str(symbol("work"))


def test_a_first_screen_symbol_is_its_file_as_a_data_address_and_a_later_one_is_the_file(app, request_context):
    drawn = [str(symbol("work")) for _ in range(EAGER_SYMBOLS + 1)]
    file = Path(app.config["SYMBOLS_DIR"]) / symbol_index().file_for("work")
    first, later = src(drawn[0]), src(drawn[-1])
    assert first.startswith("data:image/svg+xml,")
    assert unquote(first.removeprefix("data:image/svg+xml,")) == file.read_text("utf-8").strip().replace('"', "'")
    assert later == f"/symbols/{file.name}"


def test_a_data_address_can_stand_in_a_double_quoted_attribute(request_context):
    for name in set(symbol_index().files.values()):
        data = inline_src(name)
        assert data is not None, name  # every file in the index is small enough to come inside the page
        assert '"' not in data and "&" not in data and "#" not in data, name


def test_a_file_over_the_limit_or_with_a_single_quote_stays_a_file(app, request_context, tmp_path, monkeypatch):
    (tmp_path / "big.svg").write_text("<svg>" + " " * INLINE_MAX_BYTES + "<path d='M0 0'/></svg>", "utf-8")
    (tmp_path / "small.svg").write_text("<svg><path d='M0 0'/></svg>", "utf-8")
    monkeypatch.setitem(app.config, "SYMBOLS_DIR", str(tmp_path))
    monkeypatch.setitem(app.extensions, "symbol_data", {})
    assert inline_src("big.svg") is None
    assert inline_src("small.svg") is None  # a single quote inside: the quotes could not be swapped


def test_each_page_counts_its_own_symbols(app):
    for _ in range(2):
        with app.test_request_context("/"):
            assert "loading=" not in str(symbol("work"))


def test_on_a_long_page_the_header_and_first_symbols_are_inside_the_page_and_the_rest_lazy(app):
    html = app.test_client().get("/privacy").get_data(as_text=True)
    document = html5lib.parse(html, namespaceHTMLElements=False)
    first_row = [
        document.find(".//a[@class='site-name']/img"),
        document.find(".//nav[@class='header-links']//img"),
        document.find(".//details[@class='listen-toggle']/summary/img"),
    ]
    assert [img.get("loading") for img in first_row] == [None, None, None]
    assert all(img.get("src").startswith("data:image/svg+xml,") for img in first_row)
    main = [img for img in document.findall(".//main//img") if img.get("class") != "play-icon"]
    assert len(main) > EAGER_SYMBOLS
    assert [img.get("loading") for img in main[:EAGER_SYMBOLS]] == [None] * EAGER_SYMBOLS
    assert all(img.get("src").startswith("data:image/svg+xml,") for img in main[:EAGER_SYMBOLS])
    assert {img.get("loading") for img in main[EAGER_SYMBOLS:]} == {"lazy"}
    assert all(img.get("src").startswith("/symbols/") for img in main[EAGER_SYMBOLS:])
