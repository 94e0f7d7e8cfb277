"""axe in a real browser on the easy-read pages of the staff directory in every state the sweep of staff
pages does not reach: the readability check, errors, a saved draft, and a draft ready to be checked.
Screenshots go to SCREENSHOT_DIR when it is set."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_axe_sweep_staff import sign_in

pytestmark = pytest.mark.browser

SERVICE = "2e303dca-f5dd-55ad-8e98-c13dfd270392"  # Computer jobs at Bright Byte (demo)
NO_WORDS = "116e6b8b-2d61-50fb-ac07-9a1bbffcfb47"  # Volunteer in a charity shop (demo)
NOTICE = {
    "en": "There are no easy-read words for this service yet.",
    "cy": "Does dim testun Hawdd ei Ddeall ar gyfer y gwasanaeth hwn eto.",
}
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
LONG = "This service offers employment opportunities for individuals who want to work independently in the local community."
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
            expect(page.get_by_text("This sentence has 16 words.")).to_be_visible()
            check(page, "check-words")
            page.get_by_label("Summary in Welsh").fill("")
            page.get_by_role("button", name="Save as a draft").click()
            expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
            expect(page.get_by_label("Summary in English")).to_have_value(LONG)
            check(page, "errors")
            page.get_by_label("Summary in Welsh").fill("Rydych chi'n cael help i weithio gyda chyfrifiaduron.")
            page.get_by_label("Summary in English").fill("You get help to work with computers.")
            page.get_by_role("button", name="Save as a draft").click()
            expect(page.get_by_text("Your words are saved as a draft.")).to_be_visible()
            check(page, "draft")
            page.goto(f"{live_server}/staff/directory/{SERVICE}/details")
            page.get_by_label("Email address").fill("not an email")
            page.get_by_role("button", name="Save the details").click()
            expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
            check(page, "details-errors")
        else:
            page.goto(edit)
            expect(page.get_by_role("button", name="Mark as checked")).to_be_visible()
            check(page, "to-check")
        context.close()
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_service_without_published_words_has_no_axe_violations(browser, live_app, live_server, viewport):
    from app.pathways.models import Service

    with live_app.app_context():
        with live_app.extensions["database"]["factory"]() as session:
            found = session.get(Service, NO_WORDS)
            found.summary_en = found.summary_cy = found.who_for_en = found.who_for_cy = None
            session.commit()
    problems = []
    for lang in ("en", "cy"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
        page = context.new_page()
        for name, path in (("service", f"/services/{NO_WORDS}"), ("card", "/services?q=charity")):
            page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={lang}")
            expect(page.get_by_text(NOTICE[lang]).first).to_be_visible()
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            if result.violations_count:
                problems.append(f"{path} {lang}:\n{result.generate_report()}")
            if SCREENSHOTS:
                page.screenshot(path=f"{SCREENSHOTS}/no-easy-read-{name}-{lang}-{viewport}.png", full_page=True)
        context.close()
    assert not problems, "\n\n".join(problems)
