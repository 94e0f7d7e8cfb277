"""For the browser tests: Debian's Chromium, and a real server on a free local port."""

import os
import threading

import pytest
from playwright.sync_api import Browser
from werkzeug.serving import make_server

from tests.site import make_app

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# The site registers a service worker on every page. A test that is not about working offline opens its pages
# without one, so the worker's first download (styles, fonts, symbols) never competes with what the test does;
# the offline tests ask for it with service_workers="allow".
_new_context = Browser.new_context


def _new_context_without_workers(self, **options):
    options.setdefault("service_workers", "block")
    return _new_context(self, **options)


Browser.new_context = _new_context_without_workers


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    # The sweeps open the demo plan and sign staff in many times from one address, far past the limits.
    return make_app(
        folder,
        DATABASE_URL=f"sqlite:///{folder}/live.db",
        WTF_CSRF_ENABLED=True,
        RESUME_FREE_FAILURES_PER_BROWSER=100_000,
        RESUME_FREE_FAILURES_PER_WORDS=100_000,
        RESUME_FREE_FAILURES_PER_CLIENT=100_000,
        SIGN_IN_FREE_FAILURES_PER_ACCOUNT=100_000,
        SIGN_IN_FREE_FAILURES_PER_CLIENT=100_000,
    )


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def no_js_page(browser):
    """A phone-sized page with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def set_cookies(context, base_url: str, **cookies: str) -> None:
    context.add_cookies([{"name": name, "value": value, "url": base_url} for name, value in cookies.items()])


def open_demo_plan_in_browser(page, base_url: str) -> None:
    """Open the demo plan with its code, the way a person would."""
    from demo.checklists import DEMO_CODE

    page.goto(base_url + "/my-work/resume")
    page.fill("#code", DEMO_CODE)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/my-work/?welcome_back=1")
