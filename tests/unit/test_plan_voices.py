"""Every sentence of My work plan has words about the person, for when someone who knows them filled in the
checklists, in English and in Welsh, with no word of the person's own voice left in them: by their first name
when it is given ("Sam would like…"), and "they" when it is not."""

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
NAMED = Voice(other=True, name="Zebedee")
FIRST_PERSON = {
    "en": re.compile(r"\b(I|me|my|mine|myself|I'm)\b"),
    "cy": re.compile(r"\b(fi|fy|mi|rydw|dydw|hoffwn|wnes|arna|amdana)\b|'m\b", re.IGNORECASE),  # "i" is also "to"
}
PLAN_SECTIONS = {"aspirations", "strengths", "support", "next-steps"}


def plan_sentences(voice: Voice, sentences: bool = False) -> list[tuple]:
    """(checklist, step, sentence text) for every answer of every step that goes in the plan, in this voice
    (or with the Sentence itself)."""
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
                        found.append((checklist.id, step.id, sentence if sentences else sentence.text))
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
def test_with_a_first_name_every_sentence_about_what_they_want_and_can_do_names_them(lang):
    """From someone who knows them, with a first name: every sentence of the plan's first three sections
    names the person, is marked as naming them (so it is never put in the shared audio store), and keeps no
    word of the person's own voice; a next step ("Learn to travel on their own") may stay as it is."""
    with APP.test_request_context("/"), force_locale(lang):
        about, named = plan_sentences(ABOUT), plan_sentences(NAMED, sentences=True)
        assert len(about) == len(named) > 100
        naming = 0
        for (checklist, step, said), (_, _, sentence) in zip(about, named, strict=True):
            assert not FIRST_PERSON[lang].search(sentence.text.replace("%(answer)s", "")), sentence.text
            assert sentence.named == ("Zebedee" in sentence.text), (checklist, step, sentence.text)
            if sentence.named:
                naming += 1
                assert sentence.text != said
            else:
                assert sentence.text == said and checklist == "getting-ready", (checklist, step, said)
        assert naming > 100


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_plans_headings_and_titles_about_the_person_have_no_words_of_their_own_voice(lang):
    with APP.test_request_context("/"), force_locale(lang):
        for plan in (Plan(other=True), Plan(other=True, name="Zebedee")):
            texts = [plan.title] + [plan.heading(section)[0] for section in HEADINGS]
            for view in PLAN_VIEWS.values():
                texts += [plan.says(view.title)] + [plan.about(words) for words, _ in view.headings.values()]
            for text in texts:
                assert not FIRST_PERSON[lang].search(text), text
        named = Plan(other=True, name="Zebedee")
        assert all("Zebedee" in named.heading(section)[0] for section in HEADINGS)
        assert Plan(name="Sam").says(TITLE) == ("Sam's work plan" if lang == "en" else "Cynllun gwaith Sam")
        assert Plan(name="Sam").heading("aspirations")[0] == (
            "What I want from work" if lang == "en" else "Beth rydw i eisiau o waith"
        )


def test_the_private_words_of_a_named_plan_are_its_title_headings_and_sentences_that_name_the_person():
    checklists = APP.extensions["checklists"]
    answers = {
        ("before-you-start", "who"): Answer(("someone-else",)),
        ("before-you-start", "name"): Answer(text="Sam"),
        ("my-work-dreams", "kinds-of-work"): Answer(("animals",)),
        ("my-work-dreams", "dream-job"): Answer(text="Vet"),
        ("getting-ready", "travel"): Answer(("not-yet",)),
    }
    with APP.test_request_context("/"):
        plan = build_plan(checklists, answers)
        assert plan.private_texts() == [
            "Sam's work plan",
            "What Sam wants from work",
            "What Sam is good at",
            "What helps Sam",
            "Sam's next steps",
            "Sam would like to work with animals.",
            "Sam's dream job: Vet",
            "Someone who knows Sam well filled in these checklists.",
        ]
        view = PLAN_VIEWS["england"]
        assert plan.private_texts(view.title, view.headings)[:4] == [
            "Sam's work plan for an EHCP",
            "Sam's aspirations",
            "Sam's strengths",
            "The support Sam needs",
        ]
        answers[("before-you-start", "who")] = Answer(("me",))
        assert build_plan(checklists, answers).private_texts() == ["Sam's work plan", "My dream job: Vet"]


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
            expected = "Sam Lee would like to work with animals." if other else "I would like to work with animals."
            assert [s.text for s in plan.aspirations] == [expected]


def test_a_skipped_or_empty_name_leaves_the_plan_untitled_by_name():
    checklists = APP.extensions["checklists"]
    with APP.test_request_context("/"):
        for name in (Answer(skipped=True), Answer(text="   "), None):
            answers = {("before-you-start", "who"): Answer(("me",))}
            if name is not None:
                answers[("before-you-start", "name")] = name
            assert build_plan(checklists, answers).title == "My work plan"
