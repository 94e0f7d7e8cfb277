"""Reading settings work without JavaScript: a form, a cookie, and classes on <html>."""

import re

import pytest

from app.easyread import reading

ALL = {"size": "extra-large", "contrast": "dark", "spacing": "wide", "font": "system"}


def html_class(page: str) -> str:
    return re.search(r'<html lang="\w+" class="([^"]*)"', page).group(1)


def test_saving_settings_sets_a_cookie_and_classes_on_every_page(client):
    response = client.post("/reading-settings", data=ALL)
    assert response.status_code == 302
    assert "reading=" in response.headers["Set-Cookie"]
    classes = html_class(client.get("/privacy").get_data(as_text=True)).split()
    assert sorted(classes) == ["contrast-dark", "font-system", "size-extra-large", "spacing-wide"]


def test_default_settings_add_no_classes(client):
    assert html_class(client.get("/").get_data(as_text=True)) == ""


def test_settings_page_shows_saved_choices_and_a_way_back(client):
    client.post("/reading-settings", data={**ALL, "next": "/privacy"})
    page = client.get("/reading-settings?saved=1&next=/privacy").get_data(as_text=True)
    assert "Your settings are saved." in page
    assert 'href="/privacy"' in page
    assert re.search(r'value="dark" checked', page)


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil", "javascript:alert(1)"])
def test_the_way_back_never_leaves_the_site(client, target):
    client.post("/reading-settings", data={**ALL, "next": target})
    page = client.get("/reading-settings", query_string={"saved": 1, "next": target}).get_data(as_text=True)
    assert "Go back to the page you were on" not in page
    assert 'href="https://evil' not in page and 'href="//evil' not in page and 'href="javascript:' not in page


def test_a_missing_or_tampered_choice_gets_an_easy_read_error_and_keeps_the_rest(client):
    response = client.post("/reading-settings", data={"size": "enormous", "contrast": "dark", "spacing": "wide"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<title>Error: Reading settings" in page
    assert "There is a problem" in page
    assert page.count("Choose one answer.") >= 2
    assert re.search(r'value="dark" checked', page) and re.search(r'value="wide" checked', page)
    assert "reading=" not in response.headers.get("Set-Cookie", "")


def test_a_tampered_cookie_falls_back_to_defaults(client):
    client.set_cookie("reading", "size:huge|contrast:dark|<script>")
    assert html_class(client.get("/").get_data(as_text=True)) == "contrast-dark"


def test_parse_and_serialise_round_trip():
    assert reading.parse(reading.serialise(ALL)) == ALL
    assert reading.parse(None) == reading.DEFAULTS
    assert reading.parse("size:large|size:bogus") == {**reading.DEFAULTS, "size": "large"}
