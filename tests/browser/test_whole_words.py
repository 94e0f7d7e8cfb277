"""Made for real readers on a 320 x 640 phone, measured by the browser's own layout: no word is split
across two lines on any page, and on every question page the question and its first answer come first."""

import pytest

from app import create_app
from demo.pages import page_paths
from demo.pages.referrals import DEMO_SERVICE, question_step_ids
from tests.browser.conftest import open_demo_plan_in_browser, set_cookies

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
_APP = create_app({"APP_ENV": "test"})
PLAIN = page_paths(_APP, with_answers=False)
WITH_ANSWERS = page_paths(_APP, with_answers=True)
with _APP.app_context():
    from app.checklists.current import definitions

    CHECKLIST_QUESTIONS = [f"/my-work/{c.id}/{step}" for c in definitions().values() for step in c.steps]
ASK_FOR_HELP_QUESTIONS = [f"/ask-for-help/{step}?service={DEMO_SERVICE}" for step in question_step_ids()]
QUESTIONS = CHECKLIST_QUESTIONS + ASK_FOR_HELP_QUESTIONS
# Pages of a journey that ask nothing (a notice, such as the one about a service's ages) have no answer.
with _APP.app_context():
    from app.referrals.journey import STEPS

    NOTICES = {step.id for step in STEPS if step.type == "notice"}
ASKED = [path for path in QUESTIONS if path.split("?")[0].rsplit("/", 1)[1] not in NOTICES]

# Every word of every text node that is shown (with each <details> opened), as a Range: a word is split
# when its boxes sit on more than one line. A hyphen may end a line ("part-" / "time"), so each part of
# a hyphenated word is measured on its own. Emails and web addresses are not words: they may wrap.
SPLIT_WORDS = r"""
() => {
  document.querySelectorAll("details").forEach(details => { details.open = true; });
  const notWords = /@|:\/\/|^www\.|^\//;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const split = [];
  let node;
  while ((node = walker.nextNode())) {
    const element = node.parentElement;
    if (!element || element.closest("script, style, noscript, template, option, textarea, .visually-hidden")) continue;
    if (!element.getClientRects().length) continue;
    for (const token of node.data.matchAll(/\S+/g)) {
      if (notWords.test(token[0])) continue;
      for (const part of token[0].matchAll(/[^-\u2010\u2013\u2014]+[-\u2010\u2013\u2014]*/g)) {
        const start = token.index + part.index;
        range.setStart(node, start);
        range.setEnd(node, start + part[0].length);
        const boxes = [...range.getClientRects()].filter(box => box.width > 0.5);
        if (boxes.some(box => Math.abs(box.top - boxes[0].top) > box.height / 2)) split.push(part[0]);
      }
    }
  }
  return {split, width: document.documentElement.scrollWidth};
}
"""

# The page's h1 and its first answer: the first choice card, text box or list in the form.
FIRST_SCREEN = r"""
() => {
  const box = element => {
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: element.textContent.trim().slice(0, 40)};
  };
  const heading = document.querySelector("main h1");
  const control = document.querySelector(
    "main form input:not([type=hidden]):not([type=submit]), main form textarea, main form select");
  const answer = control && (control.closest("label") || control);
  return {heading: heading && box(heading), answer: answer && box(answer), scrolled: window.scrollY,
          height: window.innerHeight, width: window.innerWidth};
}
"""


def _visible(box: dict, screen: dict) -> bool:
    return (
        box["top"] >= 0 and box["bottom"] <= screen["height"] and box["left"] >= 0 and box["right"] <= screen["width"]
    )


@pytest.mark.parametrize("size", ["normal", "extra-large"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_word_is_split_across_lines_on_any_page_at_320_pixels(browser, live_server, lang, size):
    context = browser.new_context(viewport=PHONE)
    set_cookies(context, live_server, lang=lang, reading=f"size:{size}")
    page = context.new_page()
    problems, checked = [], 0
    for with_answers, paths in ((False, PLAIN), (True, WITH_ANSWERS + QUESTIONS)):
        if with_answers:
            open_demo_plan_in_browser(page, live_server)
        for path in paths:
            response = page.goto(live_server + path)
            if response.status != 200 or page.get_attribute("html", "lang") != lang:
                problems.append(f"{path}: status {response.status}, lang {page.get_attribute('html', 'lang')}")
                continue
            found = page.evaluate(SPLIT_WORDS)
            checked += 1
            if found["split"]:
                problems.append(f"{path}: words split across lines: {found['split']}")
            if found["width"] > PHONE["width"]:
                problems.append(f"{path}: the page is {found['width']} px wide, wider than the phone")
    context.close()
    assert checked == len(PLAIN) + len(WITH_ANSWERS) + len(QUESTIONS) and not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_question_and_its_first_answer_are_on_the_first_phone_screen(browser, live_server, lang):
    context = browser.new_context(viewport=PHONE)
    set_cookies(context, live_server, lang=lang)
    page = context.new_page()
    open_demo_plan_in_browser(page, live_server)  # so the question about sending My work plan is asked
    problems = []
    for path in ASKED:
        page.goto(live_server + path)
        found = page.evaluate(FIRST_SCREEN)
        if not found["heading"] or not found["answer"]:
            problems.append(f"{path}: no question with an answer on this page")
            continue
        if found["scrolled"] or not _visible(found["heading"], found):
            problems.append(
                f"{path}: the question {found['heading']['text']!r} ends at {found['heading']['bottom']:.0f} px"
            )
        if not _visible(found["answer"], found):
            problems.append(
                f"{path}: the first answer {found['answer']['text']!r} ends at {found['answer']['bottom']:.0f} px"
            )
    context.close()
    assert not problems, "\n".join(problems)
