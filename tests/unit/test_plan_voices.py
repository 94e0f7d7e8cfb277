"""Every sentence of My work plan has words about the person, for when someone who knows them filled in the
checklists, in English and in Welsh, with no word of the person's own voice left in them."""

import re

import pytest
from flask_babel import force_locale

from app import create_app
from app.checklists.answers import Answer
from app.checklists.plan import HEADINGS, TITLE, Plan, build_plan
from app.journeys.model import SELF, Voice
from app.journeys.types import STEP_TYPES
from app.nation import PLAN_VIEWS

APP = create_app({"APP_ENV": "test"})
ABOUT = Voice(other=True)
FIRST_PERSON = {
    "en": re.compile(r"\b(I|me|my|mine|myself|I'm)\b"),
    "cy": re.compile(r"\b(fi|fy|mi|rydw|dydw|hoffwn|wnes|arna|amdana)\b|'m\b", re.IGNORECASE),  # "i" is also "to"
}
PLAN_SECTIONS = {"aspirations", "strengths", "support", "next-steps"}


def plan_sentences(voice: Voice) -> list[tuple[str, str, str]]:
    """(checklist, step, sentence) for every answer of every step that goes in the plan, in this voice."""
    found = []
    for checklist in APP.extensions["checklists"].values():
        for step in checklist.steps.values():
            kind = STEP_TYPES[step.type]
            if step.type == "text":
                values = ["Painting"]
            elif kind.multiple:
                values = [[option.id] for option in step.options]
            else:
                values = [option.id for option in step.options]
            for value in values:
                for section, sentence in kind.sentences(step, value, voice):
                    if section in PLAN_SECTIONS:
                        found.append((checklist.id, step.id, sentence.text))
    return found


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_plan_sentence_about_the_person_has_no_words_of_their_own_voice(lang):
    with APP.test_request_context("/"), force_locale(lang):
        own, about = plan_sentences(SELF), plan_sentences(ABOUT)
        assert len(own) == len(about) > 100
        for (checklist, step, said), (_, _, mine) in zip(about, own, strict=True):
            sentence = said.replace("%(answer)s", "")
            if FIRST_PERSON[lang].search(mine):  # a sentence with no "I" or "my" (a next step) may stay the same
                assert said != mine, (checklist, step, said)
            assert not FIRST_PERSON[lang].search(sentence), (checklist, step, said)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_plans_headings_and_titles_about_the_person_have_no_words_of_their_own_voice(lang):
    plan = Plan(other=True)
    with APP.test_request_context("/"), force_locale(lang):
        texts = [plan.title] + [plan.heading(section)[0] for section in HEADINGS]
        for view in PLAN_VIEWS.values():
            texts += [plan.says(view.title)] + [plan.says(words) for words, _ in view.headings.values()]
        for text in texts:
            assert not FIRST_PERSON[lang].search(text), text
        assert Plan(name="Sam").says(TITLE) == ("Sam's work plan" if lang == "en" else "Cynllun gwaith Sam")


def test_who_filled_in_the_checklists_decides_the_voice_and_the_name_heads_the_plan():
    checklists = APP.extensions["checklists"]
    with APP.test_request_context("/"):
        for who, other in (("me", False), ("me-with-help", False), ("someone-else", True)):
            answers = {
                ("before-you-start", "who"): Answer(("someone-else",) if other else (who,)),
                ("before-you-start", "name"): Answer(text="  Sam   Lee "),
                ("my-work-dreams", "kinds-of-work"): Answer(("animals",)),
            }
            plan = build_plan(checklists, answers)
            assert (plan.other, plan.name, plan.title) == (other, "Sam Lee", "Sam Lee's work plan")
            expected = "They would like to work with animals." if other else "I would like to work with animals."
            assert [s.text for s in plan.aspirations] == [expected]


def test_a_skipped_or_empty_name_leaves_the_plan_untitled_by_name():
    checklists = APP.extensions["checklists"]
    with APP.test_request_context("/"):
        for name in (Answer(skipped=True), Answer(text="   "), None):
            answers = {("before-you-start", "who"): Answer(("me",))}
            if name is not None:
                answers[("before-you-start", "name")] = name
            assert build_plan(checklists, answers).title == "My work plan"
