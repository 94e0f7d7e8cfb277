"""A family member asks for help for someone in a real browser on a 320 px phone, in English and Welsh: every
question in their own voice and about the person by name, the confirmation delivered to them by a real SMTP
server in the language they used, and "Where is my request?" found with the reference and the code it gave,
with axe on every page."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.functional.test_outbox import use_smtp
from tests.functional.test_referral_journey import FAMILY, SELF_SERVICE
from tests.mail import LocalSmtpServer

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots-family"))
BASE = "/ask-for-help"
axe = Axe()


@pytest.fixture
def smtp(live_app):
    server = LocalSmtpServer().start()
    kept = dict(live_app.config)
    use_smtp(live_app, server.port)
    yield server
    live_app.config.update({key: kept[key] for key in ("MAIL_BACKEND", "SMTP_HOST", "SMTP_PORT", "SMTP_TIMEOUT")})
    server.stop()


class Walk:
    """One browser page going through the journey, with axe and a screenshot on every page it meets."""

    def __init__(self, page, name: str):
        self.page, self.name, self.problems, self.seen = page, name, [], 0

    def look(self, label: str) -> None:
        result = axe.run(self.page, options={"runOnly": {"type": "tag", "values": TAGS}})
        if result.violations_count:
            self.problems.append(f"{label} {self.page.url}:\n{result.generate_report()}")
        self.seen += 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{self.name}-{self.seen:02}-{label}.png"))

    def answer(self, step: str, fill: dict | None = None, choose: tuple = (), heading: str | None = None) -> None:
        page = self.page
        expect(page).to_have_url(re.compile(rf"{BASE}/{step}(\?.*)?$"))
        if heading:
            expect(page.locator("h1")).to_contain_text(heading)
        for name, value in (fill or {}).items():
            page.locator(f"main [name={name}]").fill(value)
        for value in choose:
            page.locator(f"main input[name=answer][value='{value}']").check()
        self.look(step)
        page.locator("main form .actions button[type=submit]").first.click()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_family_member_asks_gets_the_confirmation_by_email_and_finds_the_request(
    browser, live_app, live_server, smtp, lang
):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    set_cookies(context, live_server, lang=lang)
    page = context.new_page()
    walk = Walk(page, f"family-{lang}")
    page.goto(f"{live_server}{BASE}/start?service={SELF_SERVICE}")
    walk.look("start")
    page.locator(f"main a[href*='{BASE}/who']").first.click()
    welsh = lang == "cy"
    walk.answer("who", choose=("family",))
    walk.answer("about-you", fill=FAMILY)
    walk.answer("name", fill={"answer": "Sam"})
    walk.answer("age", fill={"age": "19"}, heading="Sam")  # from here on, the questions name the person
    walk.answer("area", fill={"answer": "Harbourside"}, heading="Sam")
    walk.answer("contact-language", choose=("en",), heading="Sam")
    walk.answer("contact-ways", choose=("phone",), heading="Sam")
    walk.answer("phone-number", fill={"answer": "07700 900123"})
    walk.answer("contact-times", choose=("morning",))
    walk.answer("communication", choose=("easy-read",), heading="Sam")
    walk.answer("person-knows", choose=("yes",), heading="Sam")
    walk.answer("consent", choose=("yes",), heading="Sam")
    walk.answer("anything-else", fill={"answer": "Sam likes gardens."})
    expect(page).to_have_url(re.compile(rf"{BASE}/check$"))
    expect(page.locator("main")).to_contain_text("Jo Tester")
    walk.look("check")
    page.locator(f"main form[action='{BASE}/send'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"{BASE}/sent$"))
    codes = page.locator("main .resume-code").all_inner_texts()
    reference, code = (c.replace("\u00a0", "").replace(" ", "") for c in codes)
    walk.look("sent")

    sent = live_app.test_cli_runner().invoke(args=["outbox", "send"])
    assert sent.exit_code == 0, sent.output
    [received] = [m for m in smtp.messages if m.rcpt_tos == [FAMILY["asker_email"]]]
    body = received.message.get_content()
    assert reference in received.message["Subject"] and reference in body and code in body
    thanks = "Diolch am ofyn am help drwy Fy Ffordd i Waith." if welsh else "Thank you for asking for help"
    assert thanks in body and ("Thank you" not in body if welsh else True)

    page.goto(f"{live_server}{BASE}/status")
    walk.look("status")
    page.locator("main [name=reference]").fill(reference.lower())
    page.locator("main [name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"{BASE}/status/result$"))
    expect(page.locator("main")).to_contain_text(reference)
    walk.look("status-result")
    context.close()
    assert walk.seen == 18 and not walk.problems, "\n\n".join(walk.problems)
