"""Keyboard only: Tab reaches every link and control on the home page, and focus can be seen."""

import pytest

pytestmark = pytest.mark.browser

FOCUSABLE = "a[href], button:not([hidden]), input:not([type=hidden]), select, textarea, audio[controls], summary, [tabindex]:not([tabindex='-1'])"

DESCRIBE = """el => el === document.body ? 'body' : el.tagName + '|' + (el.getAttribute('href') || el.getAttribute('data-listen') || el.id || el.textContent.trim().slice(0, 30)) + '|' + [...el.parentNode.children].indexOf(el) + '|' + el.getBoundingClientRect().top"""


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            const shadow = style.boxShadow && style.boxShadow !== 'none';
            return outline || shadow;
        }"""
    )


@pytest.mark.parametrize("width", [320, 1280])
def test_tab_reaches_every_link_and_control_on_the_home_page_with_visible_focus(browser, live_server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server + "/")
    expected = page.eval_on_selector_all(
        FOCUSABLE,
        "els => els.filter(el => el.offsetParent !== null && el.checkVisibility() || el.tagName === 'AUDIO' && !el.hidden).length",
    )
    reached, invisible = [], []
    for _ in range(expected * 3 + 10):
        page.keyboard.press("Tab")
        here = page.evaluate(f"() => ({DESCRIBE})(document.activeElement)")
        if here == "body" or (reached and here == reached[0]):
            break
        if here not in reached:
            reached.append(here)
            if not focus_is_visible(page):
                invisible.append(here)
    context.close()
    assert len(reached) == expected, f"Tab reached {len(reached)} of {expected}: {reached}"
    assert not invisible, f"no visible focus on: {invisible}"
    assert reached[0].startswith("A|#main"), "the first Tab stop is the skip link"


def test_on_a_phone_the_listen_control_opens_from_the_keyboard_and_play_comes_next(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server + "/")
    play = page.get_by_role("button", name="Play")
    assert play.is_hidden()
    page.locator("summary", has_text="Listen").focus()
    page.keyboard.press("Enter")
    assert play.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-listen')") == "play"
    context.close()


def test_skip_link_moves_focus_to_the_main_content(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_control_is_at_least_44_pixels(page, live_server):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", "/reading-settings", "/glossary"):
        page.goto(live_server + path)
        small = page.eval_on_selector_all(
            "a[href], button, summary, label.answer-card",
            """els => els.filter(el => el.offsetParent !== null && !el.closest('.row-text, .attribution') && !el.classList.contains('skip-link'))
                      .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().width, el.getBoundingClientRect().height])
                      .filter(([, w, h]) => w < 44 || h < 44)""",
        )
        assert not small, f"{path}: targets under 44 px: {small}"


def test_body_text_is_at_least_20_pixels(page, live_server):
    page.goto(live_server + "/")
    sizes = page.eval_on_selector_all(
        "main p, main a, main li", "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert sizes and min(sizes) >= 20
