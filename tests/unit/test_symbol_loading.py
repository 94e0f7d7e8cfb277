"""Which symbols load at once and which wait until they come near the screen (decision 0024)."""

import html5lib

from app.easyread.symbols import EAGER_SYMBOLS, symbol


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


def test_a_play_icon_is_lazy_and_leaves_the_first_places_to_the_page_symbols(request_context):
    assert 'loading="lazy"' in str(symbol("listen", 28, eager=False))
    assert "loading=" not in str(symbol("work"))


def test_each_page_counts_its_own_symbols(app):
    for _ in range(2):
        with app.test_request_context("/"):
            assert "loading=" not in str(symbol("work"))


def test_on_a_long_page_the_header_and_first_symbols_are_eager_and_the_rest_lazy(app):
    html = app.test_client().get("/privacy").get_data(as_text=True)
    document = html5lib.parse(html, namespaceHTMLElements=False)
    first_row = [
        document.find(".//a[@class='site-name']/img"),
        document.find(".//nav[@class='header-links']//img"),
        document.find(".//details[@class='listen-toggle']/summary/img"),
    ]
    assert [img.get("loading") for img in first_row] == [None, None, None]
    main = [img for img in document.findall(".//main//img") if img.get("class") != "play-icon"]
    assert len(main) > EAGER_SYMBOLS
    assert [img.get("loading") for img in main[:EAGER_SYMBOLS]] == [None] * EAGER_SYMBOLS
    assert {img.get("loading") for img in main[EAGER_SYMBOLS:]} == {"lazy"}
