"""axe in a real browser on every staff page, signed in as the role each example needs. Staff pages are
in English; they are checked at phone and desktop width in the standard colours, and at phone width in
the high-contrast and dark schemes."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app import create_app
from demo.pages import staff_page_paths
from demo.staff import DEMO_ACCOUNTS
from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS, _name

pytestmark = pytest.mark.browser

_APP = create_app({"APP_ENV": "test"})
PAGES = staff_page_paths(_APP)
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
VARIANTS = [("phone", "standard"), ("desktop", "standard"), ("phone", "high"), ("phone", "dark")]
axe = Axe()


def sign_in(page, base_url: str, role: str) -> None:
    account = DEMO_ACCOUNTS[role]
    page.goto(base_url + "/staff/sign-in")
    page.fill("input[name=email]", account["email"])
    page.fill("input[name=password]", account["password"])
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/staff/sign-in" not in page.url, f"could not sign in as {role}"


@pytest.mark.parametrize("viewport, colour", VARIANTS)
def test_every_staff_page_has_no_axe_violations(browser, live_server, viewport, colour):
    assert PAGES, "no staff pages are listed"
    problems, checked = [], 0
    for role in sorted({role for role, _ in PAGES}):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
        set_cookies(context, live_server, reading=f"contrast:{colour}")
        page = context.new_page()
        sign_in(page, live_server, role)
        for path in [path for page_role, path in PAGES if page_role == role]:
            response = page.goto(live_server + path, wait_until="load" if SCREENSHOTS else "domcontentloaded")
            if response.status != 200 or page.get_attribute("html", "lang") != "en":
                problems.append(
                    f"{path} as {role}: status {response.status}, lang {page.get_attribute('html', 'lang')}"
                )
                continue
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            checked += 1
            if result.violations_count:
                problems.append(f"{path} as {role}:\n{result.generate_report()}")
            if SCREENSHOTS and viewport == "phone":
                Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{SCREENSHOTS}/{_name(path)}-{role}-{colour}.png", full_page=True)
        context.close()
    assert checked == len(PAGES) and not problems, "\n\n".join(problems)
