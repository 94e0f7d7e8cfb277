"""Offline: the plan opens with no internet only after the person chose to keep it on this phone, closing the
checklists takes it off again, and pages not kept show the easy-read offline page. axe checks what is new."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import open_demo_plan_in_browser, set_cookies
from tests.browser.test_axe_sweep import TAGS

pytestmark = pytest.mark.browser
PHONE = {"width": 320, "height": 640}
axe = Axe()


@pytest.fixture
def live_server(tmp_path):
    """A site of its own for each offline test: what one test's worker fetched and kept on the server side
    (clips being made, pages kept) never decides what the next test sees."""
    import threading

    from werkzeug.serving import make_server

    from tests.site import make_app

    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/offline.db", WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def _no_axe_violations(page) -> None:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    assert result.violations_count == 0, result.generate_report()


def _open_plan_with_its_worker(context, base_url: str):
    page = context.new_page()
    open_demo_plan_in_browser(page, base_url)
    page.goto(base_url + "/my-work/plan")
    # The worker is active for the site. This page may still be one it does not control: its navigation can
    # begin while the worker is starting, and the browser then leaves it to the network. "Keep my plan on this
    # phone" needs only the active worker (offline.js speaks to it through serviceWorker.ready); every page
    # opened after this one goes through the worker, which the offline steps below show.
    _wait_for_active_worker(page)
    return page


WORKER_STATE = """() => navigator.serviceWorker.getRegistration("/")
    .then(registration => registration && registration.active ? registration.active.state : "none")"""


def _ask_until(page, script: str, wanted: str, seconds: float) -> str:
    """Runs a script that answers through a promise until it answers `wanted` or the time is up, and returns its
    last answer (wait_for_function would not wait for a promise)."""
    deadline = time.monotonic() + seconds
    answer = page.evaluate(script)
    while answer != wanted and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        answer = page.evaluate(script)
    return answer


def _wait_for_active_worker(page, seconds: float = 120) -> None:
    """Asks the page for its worker's state until it is activated."""
    state = _ask_until(page, WORKER_STATE, "activated", seconds)
    assert state == "activated", f"the site's worker is {state} after {seconds} s"


# An address the site's worker fetches from the network (no copy of it is kept): it fails only when the
# worker's own network is off too.
NETWORK_PROBE = """() => fetch("/audio/en/" + "0".repeat(64) + ".mp3", {cache: "no-store"})
    .then(() => "online", () => "offline")"""


def _go_offline(context, page, seconds: float = 30) -> None:
    """No internet, for the page and for the site's worker. Once, a page opened just after going offline was
    still fetched from the site (the server logged it) and shown, so this waits until a fetch that goes through
    the worker to the network fails too."""
    context.set_offline(True)
    state = _ask_until(page, NETWORK_PROBE, "offline", seconds)
    assert state == "offline", f"the worker still reaches the site {seconds} s after going offline"


def _keep_plan(page) -> None:
    page.get_by_role("button", name="Keep my plan on this phone").click(timeout=120_000)
    page.wait_for_url("**/my-work/plan?kept=1*")
    page.wait_for_function("() => document.documentElement.dataset.offlinePlan === 'kept'")


def test_a_kept_plan_and_its_audio_open_with_no_internet(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="en-GB", service_workers="allow")
    page = _open_plan_with_its_worker(context, live_server)
    expect(page.get_by_role("heading", name="Open my plan with no internet")).to_be_visible()
    _no_axe_violations(page)
    _keep_plan(page)
    expect(page.get_by_text("Your plan is kept on this phone.")).to_be_visible()
    _no_axe_violations(page)
    page.wait_for_function("() => document.documentElement.dataset.offlineFiles", timeout=120_000)
    assert page.get_attribute("html", "data-offline-files") == "kept"  # every clip and symbol, none missing
    sentence = page.locator("main [data-say]").nth(2)
    sentence_text, clip = sentence.inner_text(), sentence.get_attribute("data-say")

    _go_offline(context, page)
    page.goto(live_server + "/my-work/plan")
    expect(page.get_by_role("heading", level=1, name="My work plan")).to_be_visible()
    expect(page.get_by_text(sentence_text, exact=True).first).to_be_visible()
    status = page.evaluate("url => fetch(url).then(r => r.status + ' ' + r.headers.get('Content-Type'))", clip)
    assert status == "200 audio/mpeg"
    context.close()


def test_without_the_choice_the_plan_is_not_kept_and_the_welsh_offline_page_shows(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="cy-GB", service_workers="allow")
    set_cookies(context, live_server, lang="cy")
    page = _open_plan_with_its_worker(context, live_server)
    expect(page.get_by_role("button", name="Cadw fy nghynllun ar y ffôn hwn")).to_be_visible()
    _no_axe_violations(page)
    page.goto(live_server + "/glossary")

    _go_offline(context, page)
    page.goto(live_server + "/my-work/plan")
    expect(page.get_by_role("heading", level=1, name="Dim rhyngrwyd")).to_be_visible()
    assert page.get_attribute("html", "lang") == "cy"
    assert page.evaluate("() => caches.match('/my-work/plan', {ignoreSearch: true}).then(r => r === undefined)")
    _no_axe_violations(page)
    page.goto(live_server + "/glossary")
    expect(page.get_by_role("heading", level=1, name="Rhestr geiriau")).to_be_visible()
    context.close()


def test_closing_the_checklists_takes_the_kept_plan_off_the_phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="en-GB", service_workers="allow")
    page = _open_plan_with_its_worker(context, live_server)
    _keep_plan(page)
    page.goto(live_server + "/my-work/")
    page.get_by_role("button", name="Close my checklists on this device").click()
    page.wait_for_url("**/my-work/?closed=1")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => document.documentElement.dataset.offlinePlan === 'forgotten'")
    assert page.evaluate("() => caches.has('my-plan')") is False

    _go_offline(context, page)
    page.goto(live_server + "/my-work/plan")
    expect(page.get_by_role("heading", level=1, name="No internet")).to_be_visible()
    context.close()
