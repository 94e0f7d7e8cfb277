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


def _submit(page, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_setting_up_signing_in_with_a_code_or_a_recovery_code_and_turning_it_off(browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="en-GB")
    page = context.new_page()
    problems: list[str] = []
    sign_in(page, live_server, "commissioner")

    page.goto(live_server + "/staff/two-step")
    _check(page, "set-up", problems)
    secret = page.locator(".setup-key code").inner_text().replace(" ", "")
    page.fill("input[name=code]", "12")
    _submit(page, "Turn on two-step sign-in")
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.input_value("input[name=code]") == "12"
    _check(page, "set-up-error", problems)
    totp = pyotp.TOTP(secret)
    page.fill("input[name=code]", totp.at(time.time()))
    _submit(page, "Turn on two-step sign-in")
    expect(page.locator("h1")).to_have_text("Your recovery codes")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", code) for code in codes)
    _check(page, "recovery-codes", problems)
    page.get_by_role("link", name="I have kept my codes: go on").click()
    expect(page.locator("main")).to_contain_text("Two-step sign-in is on")
    expect(page.locator("main")).to_contain_text("You have 10 recovery codes left.")
    _check(page, "on", problems)

    context.clear_cookies()
    page.goto(live_server + "/staff/sign-in")
    page.fill("input[name=email]", ACCOUNT["email"])
    page.fill("input[name=password]", ACCOUNT["password"])
    _submit(page, "Sign in")
    expect(page).to_have_url(re.compile(r"/staff/sign-in/code$"))
    _check(page, "code", problems)
    page.fill("input[name=code]", "000 000" if totp.at(time.time(), counter_offset=1) != "000000" else "111 111")
    _submit(page, "Sign in")
    expect(page.locator(".error-summary")).to_be_visible()
    _check(page, "code-error", problems)
    page.get_by_text("Lost your phone? Use a recovery code").click()
    page.fill("input[name=recovery-code]", "abcde-fghjk")
    _submit(page, "Sign in with a recovery code")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("input[name=recovery-code]")).to_have_value("abcde-fghjk")
    _check(page, "recovery-code-error", problems)
    page.fill("input[name=recovery-code]", codes[0])
    _submit(page, "Sign in with a recovery code")
    expect(page).to_have_url(re.compile(r"/staff/two-step\?done=recovery$"))
    expect(page.locator("main")).to_contain_text("You have 9 recovery codes left.")
    _check(page, "signed-in-with-a-recovery-code", problems)

    page.fill("input[name=codes-password]", ACCOUNT["password"])
    _submit(page, "Make new recovery codes")
    expect(page.locator("h1")).to_have_text("Your recovery codes")
    assert not set(page.locator(".recovery-codes code").all_inner_texts()) & set(codes)
    page.get_by_role("link", name="I have kept my codes: go on").click()
    expect(page.locator("main")).to_contain_text("You have 10 recovery codes left.")

    page.fill("input[name=password]", ACCOUNT["password"])
    _submit(page, "Turn off two-step sign-in")
    expect(page.locator("main")).to_contain_text("Two-step sign-in is off.")
    context.close()
    assert not problems, "\n\n".join(problems)
