"""A plan filled in by someone who knows the person, with their first name, at 320 px and on a desktop in
English and Welsh: every sentence names the person, no word is split across lines, axe finds nothing, and
every line that holds the name is spoken from a private address."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from app import clock
from app.checklists import codes, service
from app.checklists.answers import Answer
from app.checklists.models import ChecklistSession, ShareLink
from demo.checklists import ANSWERS
from tests.browser.conftest import set_cookies
from tests.browser.test_axe_sweep import TAGS, VIEWPORTS
from tests.browser.test_whole_words import SPLIT_WORDS

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots-named-plan"))
NAME = "Gwenllian"  # a long first name, so a heading that holds it is the hardest to keep whole
TOKEN = "a-named-plan-shared-for-the-browser-tests"
axe = Axe()


@pytest.fixture(scope="module")
def named_plan(live_app) -> str:
    """The demo plan's answers, filled in by a parent with the person's first name, read through a share link."""
    answers = dict(ANSWERS)
    answers[("before-you-start", "who")] = Answer(("someone-else",))
    answers[("before-you-start", "helper")] = Answer(("parent-or-carer",))
    answers[("before-you-start", "name")] = Answer(text=NAME)
    with live_app.app_context(), live_app.extensions["database"]["factory"]() as db:
        now = clock.now()
        record = ChecklistSession(
            code_hash="named-plan", created_at=now, updated_at=now, expires_at=now + timedelta(days=1)
        )
        db.add(record)
        db.flush()
        for (checklist_id, step_id), answer in answers.items():
            service.save_answer(db, record, checklist_id, step_id, answer, 1)
        token_hash = codes.code_hash(TOKEN, live_app.config["SECRET_KEY"])
        db.add(
            ShareLink(session_id=record.id, token_hash=token_hash, created_at=now, expires_at=now + timedelta(days=1))
        )
        db.commit()
    return f"/my-work/shared/{TOKEN}"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_named_plan_names_the_person_keeps_words_whole_and_has_no_axe_violations(
    browser, live_server, named_plan, lang, viewport
):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    set_cookies(context, live_server, lang=lang)
    page = context.new_page()
    problems = []
    for view, path in (("plan", named_plan), ("ehcp", named_plan + "/ehcp")):
        assert page.goto(live_server + path).status == 200
        assert page.get_attribute("html", "lang") == lang
        main = page.locator("main").inner_text()
        wants = (
            "Gwenllian would like to work with animals."
            if lang == "en"
            else "Byddai Gwenllian yn hoffi gweithio gydag anifeiliaid."
        )
        assert wants in main and main.count(NAME) >= 10, (view, main[:300])
        assert not re.search(r"\b(They would like|Bydden nhw)\b", main), view
        for element in page.locator("main [data-say]").all():
            if NAME in element.inner_text():
                said = element.get_attribute("data-say")  # a private address, never the shared store's /audio/
                assert re.fullmatch(r"/my-work/shared/[\w-]+/audio/[\w/-]+\.mp3", said), (view, said)
        assert page.locator("audio.listen-audio").get_attribute("src").endswith(f"/audio/{view}/words/all.mp3")
        found = page.evaluate(SPLIT_WORDS)
        if viewport == "phone" and (found["split"] or found["width"] > VIEWPORTS["phone"]["width"]):
            problems.append(f"{view}: split {found['split']}, width {found['width']}")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        if result.violations_count:
            problems.append(f"{view}:\n{result.generate_report()}")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{view}-{lang}-{viewport}.png"), full_page=True)
    context.close()
    assert not problems, "\n\n".join(problems)
