"""axe on the pages a refused write shows: the checklist question again with "We could not save that", and
the "not ready yet" page of a clip, in English and Welsh, at phone width."""

import sqlite3
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app.easyread.pool import SpeechBusy, SpeechPool
from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.site import make_app

pytestmark = pytest.mark.browser
axe = Axe()


@pytest.fixture
def file_server(tmp_path):
    app = make_app(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/site.db", DB_BUSY_TIMEOUT_MS=50)
    app.config["WTF_CSRF_ENABLED"] = True
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", tmp_path / "site.db"
    server.shutdown()
    thread.join(timeout=5)
    app.extensions["database"]["engine"].dispose()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_answer_the_database_refused_has_no_axe_violations(browser, file_server, lang):
    base, database = file_server
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    set_cookies(context, base, lang=lang)
    page = context.new_page()
    page.goto(f"{base}/my-work/my-work-dreams/dream-job")
    page.fill("textarea", "Keeper at the zoo")
    other = sqlite3.connect(database, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        page.locator("main form button[value=continue]").click()
        page.wait_for_load_state()
    finally:
        other.rollback()
        other.close()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.locator("textarea").input_value() == "Keeper at the zoo"
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    context.close()
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_audio_not_ready_has_no_axe_violations(browser, file_server, lang, monkeypatch):
    def busy(self, text, lang, **kwargs):
        raise SpeechBusy("every speech process is busy")

    monkeypatch.setattr(SpeechPool, "synthesize", busy)
    base, _ = file_server
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    set_cookies(context, base, lang=lang)
    page = context.new_page()
    page.goto(f"{base}/credits")
    clip = page.locator("main [data-say]").first.get_attribute("data-say")
    response = page.goto(base + clip)
    assert response.status == 503
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    context.close()
    assert result.violations_count == 0, result.generate_report()
