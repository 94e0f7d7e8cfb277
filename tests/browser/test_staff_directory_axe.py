"""axe in a real browser on the easy-read pages of the staff directory in every state the sweep of staff
pages does not reach: the readability check, errors, a saved draft, and a draft ready to be checked.
Screenshots go to SCREENSHOT_DIR when it is set."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_axe_sweep_staff import sign_in

pytestmark = pytest.mark.browser

SERVICE = "2e303dca-f5dd-55ad-8e98-c13dfd270392"  # Computer jobs at Bright Byte (demo)
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
LONG = "This service offers employment opportunities for individuals who want to work independently in the community."
axe = Axe()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_easy_read_pages_have_no_axe_violations_in_every_state(browser, live_server, viewport):
    problems = []

    def check(page, name: str) -> None:
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        if result.violations_count:
            problems.append(f"{name}:\n{result.generate_report()}")
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOTS}/staff-directory-{name}-{viewport}.png", full_page=True)

    edit = f"{live_server}/staff/directory/{SERVICE}/easy-read"
    for role in ("directory-editor", "council-admin"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
        page = context.new_page()
        sign_in(page, live_server, role)
        if role == "directory-editor":
            page.goto(f"{live_server}/staff/directory?q=computer")
            check(page, "list")
            page.goto(edit)
            page.get_by_label("Summary in English").fill(LONG)
            page.get_by_role("button", name="Check my words").click()
            assert page.get_by_text("This sentence has 16 words.").is_visible()
            check(page, "check-words")
            page.get_by_label("Summary in Welsh").fill("")
            page.get_by_role("button", name="Save as a draft").click()
            assert page.get_by_role("heading", name="There is a problem").is_visible()
            assert page.get_by_label("Summary in English").input_value() == LONG
            check(page, "errors")
            page.get_by_label("Summary in Welsh").fill("Rydych chi'n cael help i weithio gyda chyfrifiaduron.")
            page.get_by_label("Summary in English").fill("You get help to work with computers.")
            page.get_by_role("button", name="Save as a draft").click()
            assert page.get_by_text("Your words are saved as a draft.").is_visible()
            check(page, "draft")
        else:
            page.goto(edit)
            assert page.get_by_role("button", name="Mark as checked").is_visible()
            check(page, "to-check")
        context.close()
    assert not problems, "\n\n".join(problems)
