"""The feedback journey and the dashboard in a real browser: the journey walked in English and Welsh at
320 px and desktop width with axe on every page, and the dashboard opened by each role that sees it, with
axe and each feedback chart's title, summary and table."""

import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from app.clock import now
from app.feedback.models import FeedbackRequest
from app.referrals.after import keyed_hash
from app.referrals.models import Referral
from demo.staff.referrals import DEMO_REFERENCE
from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_axe_sweep_staff import sign_in

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots-feedback"))
axe = Axe()


def new_link(app, point: str) -> str:
    """A fresh person's link on a demo referral, as staff recording a point would make."""
    token = secrets.token_urlsafe(24)
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        referral = session.scalar(select(Referral).where(Referral.reference == DEMO_REFERENCE))
        session.query(FeedbackRequest).filter_by(referral_id=referral.id, kind="person", point=point).delete()
        session.add(
            FeedbackRequest(
                referral_id=referral.id,
                kind="person",
                point=point,
                token_hash=keyed_hash(token),
                lang="en",
                expires_at=now() + timedelta(days=28),
            )
        )
        session.commit()
    return token


def check(page, problems: list, name: str) -> None:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    if result.violations_count:
        problems.append(f"{name} {page.url}:\n{result.generate_report()}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("lang, viewport", [("en", "phone"), ("cy", "phone"), ("en", "desktop")])
def test_the_feedback_journey_has_no_axe_violations_and_spends_its_link(browser, live_app, live_server, lang, viewport):
    token = new_link(live_app, "contacted")
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    set_cookies(context, live_server, lang=lang)
    page = context.new_page()
    problems = []
    page.goto(f"{live_server}/feedback/{token}")
    assert page.get_attribute("html", "lang") == lang
    check(page, problems, f"{lang}-{viewport}-1-start")
    page.get_by_role("link", name="Dechrau nawr" if lang == "cy" else "Start now").click()
    expect(page).to_have_url(re.compile(r"/how-it-went$"))
    page.get_by_role("radio").first.check()
    check(page, problems, f"{lang}-{viewport}-2-how-it-went")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/what-helped$"))
    page.get_by_role("textbox").fill("My job coach came with me.")
    check(page, problems, f"{lang}-{viewport}-3-what-helped")
    page.locator("main form button[type=submit]").click()
    for step in ("4-what-did-not-help", "5-anything-else"):
        expect(page).to_have_url(re.compile(f"/{step[2:]}$"))
        check(page, problems, f"{lang}-{viewport}-{step}")
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/share-words$"))
    page.locator("main form button[type=submit]").click()  # nothing chosen: the easy-read error
    expect(page.locator(".error-summary")).to_be_visible()  # waits for the answer to the Send
    check(page, problems, f"{lang}-{viewport}-6-share-words-error")
    page.get_by_role("radio").last.check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/check$"))
    expect(page.locator("main")).to_contain_text("My job coach came with me.")  # waits for the page to be drawn
    check(page, problems, f"{lang}-{viewport}-7-check")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/feedback/thank-you$"))
    check(page, problems, f"{lang}-{viewport}-8-thanks")
    page.goto(f"{live_server}/feedback/{token}")
    check(page, problems, f"{lang}-{viewport}-9-used")
    assert page.locator("h1").inner_text() == (
        "Dydy'r ddolen hon ddim yn gweithio nawr" if lang == "cy" else "This link does not work now"
    )
    context.close()
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_dashboard_has_no_axe_violations_for_each_role_and_its_feedback_charts_are_described(
    browser, live_server, viewport
):
    problems = []
    for role in ("council-admin", "commissioner", "provider"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
        page = context.new_page()
        sign_in(page, live_server, role)
        page.goto(f"{live_server}/staff/dashboard?from=2000-01-01")
        assert page.locator("h1").inner_text() == "Figures and charts"
        for figure in ("feedback-point", "feedback-rating", "feedback-month", "feedback-again"):
            chart = page.locator(f"#chart-{figure}")
            assert chart.get_by_role("img").count() == 1
            assert chart.locator("svg title").text_content().strip(), f"{figure} has a title"
            assert chart.locator("figcaption").inner_text().strip(), f"{figure} has a summary"
            assert chart.get_by_role("table").locator("tbody tr").count() >= 2, f"{figure} has a table"
        check(page, problems, f"dashboard-{role}-{viewport}")
        context.close()
    assert not problems, "\n\n".join(problems)
