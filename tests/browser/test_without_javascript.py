"""With JavaScript off, the audio controls, the reading settings and every link still work."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_page_audio_is_a_plain_control_that_plays_an_mp3(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/")
    audio = page.locator("audio.listen-audio")
    assert audio.is_hidden(), "on a phone the page audio waits behind the compact Listen control"
    page.locator("summary", has_text="Listen").click()
    assert audio.is_visible()
    assert page.locator(".listen-buttons").is_hidden()
    response = page.request.get(live_server + audio.get_attribute("src"))
    assert response.status == 200 and response.headers["content-type"] == "audio/mpeg"
    assert page.evaluate("() => document.querySelector('audio.listen-audio').canPlayType('audio/mpeg')") != ""


def test_each_sentence_has_a_listen_link_to_its_own_mp3(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/")
    links = page.get_by_role("link", name="Listen", exact=True)
    assert links.count() >= 8
    href = links.first.get_attribute("href")
    response = page.request.get(live_server + href)
    assert response.status == 200 and response.headers["content-type"] == "audio/mpeg"


def test_reading_settings_work_without_javascript(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/privacy")
    page.get_by_role("link", name="Reading settings").first.click()
    page.get_by_label("Extra large text").check()
    page.get_by_label("Light text on black").check()
    page.get_by_role("button", name="Save my settings").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    page.get_by_role("link", name="Go back to the page you were on").click()
    expect(page).to_have_url(re.compile(r"/privacy$"))
    classes = page.get_attribute("html", "class")
    assert "size-extra-large" in classes and "contrast-dark" in classes
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 30


def test_every_link_on_every_page_leads_somewhere_real(no_js_page, live_server):
    page = no_js_page
    seen, broken = set(), []
    for start in ("/", "/accessibility", "/privacy", "/credits", "/glossary", "/reading-settings"):
        page.goto(live_server + start)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(el => el.getAttribute('href'))"):
            if href.startswith(("http", "mailto:")) or href in seen:
                continue
            seen.add(href)
            response = page.request.get(live_server + href.split("#")[0])
            if response.status != 200:
                broken.append((start, href, response.status))
    assert not broken


def test_language_switch_works_without_javascript(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/credits")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(re.compile(r"/credits\?lang=cy$"))
    assert page.get_attribute("html", "lang") == "cy"
