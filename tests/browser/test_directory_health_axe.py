"""axe on the directory health page alone, at phone and desktop width (the staff sweep covers it too)."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_axe_sweep_staff import sign_in

pytestmark = pytest.mark.browser
PATHS = [
    "/staff/directory-health",
    "/staff/directory-health?lang=cy",
    "/staff/directory-health?rule=not-checked&page=2",
    "/staff/directory-health?rule=x",
]
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_directory_health_page_has_no_axe_violations(browser, live_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, "council-admin")
    problems = []
    for number, path in enumerate(PATHS):
        assert page.goto(live_server + path).status == 200
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        if result.violations_count:
            problems.append(f"{path}:\n{result.generate_report()}")
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOTS}/directory-health-{number}-{viewport}.png", full_page=True)
    context.close()
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_page_saying_services_are_not_checked_yet_has_no_axe_violations(
    browser, live_app, live_server, monkeypatch, viewport
):
    from sqlalchemy import delete

    from app.pathways.models import HealthChecked, HealthFinding
    from app.staff.directory_health import service as health_page

    with live_app.app_context(), live_app.extensions["database"]["factory"]() as session:  # as after an upgrade
        session.execute(delete(HealthFinding))
        session.execute(delete(HealthChecked))
        session.commit()
    monkeypatch.setattr(health_page, "FILL", 10)
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, "council-admin")
    assert page.goto(live_server + "/staff/directory-health").status == 200
    assert page.get_by_text("Some services are not checked yet.").is_visible()
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/directory-health-not-checked-{viewport}.png", full_page=True)
    context.close()
    assert not result.violations_count, result.generate_report()
