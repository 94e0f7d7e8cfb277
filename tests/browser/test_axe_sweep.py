"""axe in a real browser on every public page: both languages, phone and desktop, every colour scheme."""
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app import create_app
from app.pages import page_paths
from tests.browser.conftest import set_cookies

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 800}}
PATHS = page_paths(create_app({"APP_ENV": "test"}))
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
axe = Axe()


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-").replace("?", "-") or "home"


# Every page, both languages, at both widths in the standard colours; the other colour schemes change
# only colours, so they are checked at phone width, where layouts are tightest.
VARIANTS = [("phone", "standard"), ("desktop", "standard"), ("phone", "high"), ("phone", "dark")]


@pytest.mark.parametrize("viewport, colour", VARIANTS)
@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("path", PATHS)
def test_page_has_no_axe_violations(browser, live_server, path, lang, viewport, colour):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="cy-GB" if lang == "cy" else "en-GB")
    set_cookies(context, live_server, lang=lang, reading=f"contrast:{colour}")
    page = context.new_page()
    response = page.goto(live_server + path)
    assert response.status == 200
    assert page.get_attribute("html", "lang") == lang
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    if SCREENSHOTS and viewport == "phone":
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{_name(path)}-{lang}-{colour}.png", full_page=True)
    context.close()
    assert result.violations_count == 0, result.generate_report()
