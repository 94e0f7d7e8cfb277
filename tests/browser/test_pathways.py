"""The directory in a real browser: axe on the pages the sweep cannot reach, and the filters without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS

pytestmark = pytest.mark.browser
axe = Axe()

VARIANTS = [
    "/services?kind=job-coaching&ask=yes&age=19-25",
    "/services?q=helicopter&step=volunteering&pay=paid",
    "/services?age=very+old",
    "/services-for-me?interest=animals&try=volunteering-role&age=16-18",
    "/services-for-me?try=paid-job&need=physical-sensory&help=travel-training",
]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("path", VARIANTS)
def test_directory_variants_have_no_axe_violations(browser, live_server, path, lang, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    set_cookies(context, live_server, lang=lang)
    page = context.new_page()
    assert page.goto(live_server + path).status == 200
    if page.locator("details.filter-choices").count():
        page.locator("details.filter-choices > summary").click()
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    context.close()
    assert result.violations_count == 0, result.generate_report()


def test_filters_work_as_a_plain_form_and_the_address_keeps_them(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/services")
    page.get_by_text("Choose what you want to see", exact=True).click()
    page.get_by_label("Volunteering", exact=True).check()
    page.get_by_label("I can ask for it myself").check()
    page.get_by_label("Search by words").fill("animals")
    page.get_by_role("button", name="Show services").click()
    expect(page).to_have_url(re.compile(r"/services\?q=animals&step=volunteering(&[a-z]+=)*.*ask=yes"))
    expect(page.get_by_role("heading", name="We found 1 service")).to_be_visible()
    expect(page.get_by_role("link", name="Volunteer with animals")).to_be_visible()
    page.get_by_role("link", name="Take away: animals").click()
    expect(page).not_to_have_url(re.compile(r"q="))
    assert "step=volunteering" in page.url


def test_every_link_on_the_directory_pages_leads_somewhere_real(no_js_page, live_server):
    page = no_js_page
    seen, broken = set(), []
    for start in (
        "/find-work",
        "/find-work/social-enterprise",
        "/services?step=volunteering",
        "/services-for-me?interest=art",
        "/services/a4f34fe0-24fc-58f9-8922-919c6081da3c",
    ):
        page.goto(live_server + start)
        for href in page.eval_on_selector_all("main a[href]", "els => els.map(el => el.getAttribute('href'))"):
            if href.startswith(("http", "mailto:", "tel:", "sms:")) or href in seen:
                continue
            seen.add(href)
            response = page.request.get(live_server + href.split("#")[0])
            if response.status != 200:
                broken.append((start, href, response.status))
    assert not broken
