"""Two-step sign-in in a real browser at phone width: setting it up, the code at sign-in, and turning it off,
with axe on each page, its errors included. The pages half-way through signing in need a sign-in half done,
so the staff sweep cannot reach them."""

import os
import re
import time
from pathlib import Path

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from demo.staff import DEMO_ACCOUNTS
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_axe_sweep_staff import sign_in

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
ACCOUNT = DEMO_ACCOUNTS["commissioner"]
axe = Axe()


def _check(page, name: str, problems: list[str]) -> None:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    if result.violations_count:
        problems.append(f"{name}:\n{result.generate_report()}")
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/two-step-{name}.png", full_page=True)


def _submit(page) -> None:
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_setting_up_signing_in_with_a_code_and_turning_it_off(browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="en-GB")
    page = context.new_page()
    problems: list[str] = []
    sign_in(page, live_server, "commissioner")

    page.goto(live_server + "/staff/two-step")
    _check(page, "set-up", problems)
    secret = page.locator(".setup-key code").inner_text().replace(" ", "")
    page.fill("input[name=code]", "12")
    _submit(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.input_value("input[name=code]") == "12"
    _check(page, "set-up-error", problems)
    totp = pyotp.TOTP(secret)
    page.fill("input[name=code]", totp.at(time.time()))
    _submit(page)
    expect(page.locator("main")).to_contain_text("Two-step sign-in is on")
    _check(page, "on", problems)

    context.clear_cookies()
    page.goto(live_server + "/staff/sign-in")
    page.fill("input[name=email]", ACCOUNT["email"])
    page.fill("input[name=password]", ACCOUNT["password"])
    _submit(page)
    expect(page).to_have_url(re.compile(r"/staff/sign-in/code$"))
    _check(page, "code", problems)
    page.fill("input[name=code]", "000 000" if totp.at(time.time(), counter_offset=1) != "000000" else "111 111")
    _submit(page)
    expect(page.locator(".error-summary")).to_be_visible()
    _check(page, "code-error", problems)
    page.fill("input[name=code]", totp.at(time.time(), counter_offset=1))  # the step after the one used to set it up
    _submit(page)
    expect(page).to_have_url(re.compile(r"/staff/$"))

    page.goto(live_server + "/staff/two-step")
    page.fill("input[name=password]", ACCOUNT["password"])
    _submit(page)
    expect(page.locator("main")).to_contain_text("Two-step sign-in is off.")
    context.close()
    assert not problems, "\n\n".join(problems)
