"""axe in a real browser on every public page: both languages, phone and desktop, every colour scheme."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app import create_app
from demo.pages import page_paths
from tests.browser.conftest import open_demo_plan_in_browser, set_cookies

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 800}}
_APP = create_app({"APP_ENV": "test"})
PLAIN = page_paths(_APP, with_answers=False)
WITH_ANSWERS = page_paths(_APP, with_answers=True)
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
# Every page, both languages, at both widths in the standard colours. The other colour schemes change
# only colours, the same in both languages, so they are checked in English at phone width, where
# layouts are tightest.
VARIANTS = [
    ("en", "phone", "standard"),
    ("en", "desktop", "standard"),
    ("cy", "phone", "standard"),
    ("cy", "desktop", "standard"),
    ("en", "phone", "high"),
    ("en", "phone", "dark"),
]
axe = Axe()


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"


@pytest.mark.parametrize("lang, viewport, colour", VARIANTS)
def test_every_page_has_no_axe_violations(browser, live_server, lang, viewport, colour):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="cy-GB" if lang == "cy" else "en-GB")
    set_cookies(context, live_server, lang=lang, reading=f"contrast:{colour}")
    page = context.new_page()
    problems, checked = [], 0
    for with_answers, paths in ((False, PLAIN), (True, WITH_ANSWERS)):
        if with_answers:
            open_demo_plan_in_browser(page, live_server)
        for path in paths:
            response = page.goto(live_server + path, wait_until="load" if SCREENSHOTS else "domcontentloaded")
            if response.status != 200 or page.get_attribute("html", "lang") != lang:
                problems.append(f"{path}: status {response.status}, lang {page.get_attribute('html', 'lang')}")
                continue
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            checked += 1
            if result.violations_count:
                problems.append(f"{path}:\n{result.generate_report()}")
            if SCREENSHOTS and viewport == "phone":
                Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{SCREENSHOTS}/{_name(path)}-{lang}-{colour}.png", full_page=True)
    context.close()
    assert checked == len(PLAIN) + len(WITH_ANSWERS) and not problems, "\n\n".join(problems)
