"""The credits page names both symbol sets, and their licences open as text."""

import html


def test_the_credits_name_the_mulberry_symbols_and_openmoji(client):
    page = html.unescape(client.get("/credits").get_data(as_text=True))
    assert "Mulberry Symbols by Steve Lee, " in page and ">https://mulberrysymbols.org</a>" in page
    assert "All emojis designed by" in page
    assert 'href="/symbols/LICENSE-mulberry.txt"' in page and 'href="/symbols/LICENSE.txt"' in page


def test_the_credits_are_in_welsh_too(client):
    page = html.unescape(client.get("/credits?lang=cy").get_data(as_text=True))
    assert "Mulberry Symbols by Steve Lee, " in page
    assert "Most pictures come from the Mulberry Symbols." not in page


def test_the_symbol_licences_are_sent_as_text(client):
    for name, words in (("LICENSE-mulberry.txt", "Steve Lee"), ("LICENSE.txt", "Attribution-ShareAlike 4.0")):
        response = client.get(f"/symbols/{name}")
        assert response.status_code == 200 and response.mimetype == "text/plain", name
        assert words in response.get_data(as_text=True), name
