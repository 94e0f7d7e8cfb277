"""With JavaScript, Listen plays the page sentence by sentence, highlights it, stops, and goes slower."""

import pytest

pytestmark = pytest.mark.browser


def test_play_highlights_sentences_in_order_and_stop_clears(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("audio.listen-audio").is_hidden()
    play = page.get_by_role("button", name="Play")
    play.click()
    page.wait_for_selector("main .is-reading", timeout=5000)
    first = page.locator("main .is-reading").get_attribute("id")
    assert first == "say-1"
    page.wait_for_function(
        "() => document.querySelector('main .is-reading') && document.querySelector('main .is-reading').id !== 'say-1'",
        timeout=15000,
    )
    page.get_by_role("button", name="Stop").click()
    assert page.locator("main .is-reading").count() == 0


def test_slower_is_a_toggle_button(page, live_server):
    page.goto(live_server + "/")
    slower = page.get_by_role("button", name="Slower")
    assert slower.get_attribute("aria-pressed") == "false"
    slower.click()
    assert slower.get_attribute("aria-pressed") == "true"


def test_a_sentence_listen_link_plays_in_the_page(page, live_server):
    page.goto(live_server + "/privacy")
    page.get_by_role("link", name="Listen", exact=True).nth(1).click()
    assert page.url.endswith("/privacy")
    page.wait_for_selector("main .is-reading", timeout=5000)


def test_the_next_sentence_is_fetched_while_the_first_is_read(page, live_server):
    # Note, as each audio element is told to load, which sentence is being read at that moment.
    page.add_init_script(
        """(() => {
          window.loads = [];
          const load = HTMLMediaElement.prototype.load;
          HTMLMediaElement.prototype.load = function () {
            const reading = document.querySelector("main .is-reading");
            window.loads.push([this.getAttribute("src"), reading ? reading.id : null]);
            return load.apply(this, arguments);
          };
        })();"""
    )
    page.goto(live_server + "/")
    sentences = page.locator("main [data-say]")
    first_id, second_url = sentences.nth(0).get_attribute("id"), sentences.nth(1).get_attribute("data-say")
    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => window.loads.length > 0", timeout=10000)
    assert page.evaluate("() => window.loads")[0] == [second_url, first_id]
    page.wait_for_function(
        "(id) => document.querySelector('main .is-reading') && document.querySelector('main .is-reading').id === id",
        arg=sentences.nth(1).get_attribute("id"),
        timeout=15000,
    )
