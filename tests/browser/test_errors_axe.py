"""axe on pages that show form errors: the error summary takes focus, so it is checked focused, in every
colour scheme, on a public question (English and Welsh) and on the staff sign-in form."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS

pytestmark = pytest.mark.browser

SERVICE = "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Supported employment with a job coach (demo)
axe = Axe()


@pytest.mark.parametrize("colour", ["standard", "high", "dark"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_question_with_an_error_has_no_axe_violations(browser, live_server, lang, colour):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    set_cookies(context, live_server, lang=lang, reading=f"contrast:{colour}")
    page = context.new_page()
    page.goto(f"{live_server}/ask-for-help/start?service={SERVICE}")
    page.goto(f"{live_server}/ask-for-help/name")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')"), (
        "the summary does not take focus"
    )
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    context.close()
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("colour", ["standard", "high", "dark"])
def test_sign_in_with_a_wrong_password_has_no_axe_violations(browser, live_server, colour):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    set_cookies(context, live_server, reading=f"contrast:{colour}")
    page = context.new_page()
    page.goto(f"{live_server}/staff/sign-in")
    page.fill("input[name=email]", "nobody@example.org")
    page.fill("input[name=password]", "not the password")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    expect(page.locator(".error-summary")).to_be_visible()
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    context.close()
    assert result.violations_count == 0, result.generate_report()
