"""A council in Wales, in a real browser on a 320 x 640 phone: the plan's IDP view in English and Welsh has
no axe violations and no word split across lines."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import open_demo_plan_in_browser
from tests.browser.test_axe_sweep import TAGS
from tests.browser.test_whole_words import PHONE, SPLIT_WORDS

pytestmark = pytest.mark.browser


@pytest.fixture
def in_wales(live_app):
    """The live site as a Welsh council runs it, for this test only."""
    before = live_app.config["NATION"]
    live_app.config["NATION"] = "wales"
    yield
    live_app.config["NATION"] = before


@pytest.mark.parametrize(
    "lang, heading", [("en", "My work plan for an IDP"), ("cy", "Fy nghynllun gwaith ar gyfer CDU")]
)
def test_the_idp_view_reads_whole_and_passes_axe(browser, live_server, in_wales, lang, heading):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    open_demo_plan_in_browser(page, live_server)
    page.goto(f"{live_server}/my-work/plan/ehcp?lang={lang}")
    assert page.locator("h1").inner_text().strip() == heading
    assert page.locator("h2").count() >= 4
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert not result.violations_count, result.generate_report()
    assert page.evaluate(SPLIT_WORDS) == {"split": [], "width": PHONE["width"]}
    page.goto(f"{live_server}/glossary?lang={lang}")
    assert page.locator("#idp").count() == 1 and page.locator("#ehcp").count() == 0
    context.close()
