"""The ask-for-help questions as a journey definition: which apply, where to carry on, and words that
read easily in both forms (to the person, and about them)."""

import json
import re

import textstat

from app import create_app, messages
from app.journeys.types import STEP_TYPES
from app.referrals.journey import STEP_IDS as S
from app.referrals.journey import STEPS, applicable, first_missing, following, position, previous

APP = create_app({"APP_ENV": "test"})


def ids(steps) -> list[str]:
    return [step.id for step in steps]


def test_a_person_asking_for_themselves_skips_the_worker_and_follow_up_questions():
    answers = {"asker": "self", "contact_methods": ["phone"], "needs": ["bsl"], "age": 30}
    assert ids(applicable(answers, has_plan=False)) == [
        "who",
        "name",
        "age",
        "area",
        "contact-ways",
        "phone-number",
        "contact-times",
        "communication",
        "consent",
        "anything-else",
    ]


def test_follow_up_questions_appear_for_the_answers_that_need_them():
    answers = {
        "asker": "professional",
        "contact_methods": ["text", "email", "letter"],
        "needs": ["interpreter"],
        "age": 15,
    }
    steps = ids(applicable(answers, has_plan=True))
    for step in (
        "where-you-work",
        "your-details",
        "phone-number",
        "email-address",
        "postal-address",
        "interpreter-language",
        "parent-consent",
        "work-plan",
    ):
        assert step in steps
    assert len(steps) == len(STEPS)


def test_carrying_on_finds_the_first_unanswered_question():
    assert first_missing({}, False).id == "who"
    assert first_missing({"asker": "self", "person_name": "A"}, False).id == "age"
    done = {step.key: "x" for step in STEPS} | {"asker": "self", "contact_methods": [], "needs": [], "age": 20}
    assert first_missing(done, True) is None
    assert first_missing({**done, "age": 12}, True) is None
    del done["parent_consent_at"]
    assert first_missing({**done, "age": 12}, True).id == "parent-consent"


def test_next_previous_and_progress_follow_the_questions_that_apply():
    answers = {"asker": "self", "contact_methods": ["email"]}
    assert following(S["contact-ways"], answers, False).id == "email-address"
    assert previous(S["contact-times"], answers, False).id == "email-address"
    assert previous(S["who"], answers, False) is None
    assert following(S["anything-else"], answers, False) is None
    assert position(S["who"], answers, False) == (1, 10)


def test_every_answer_has_a_symbol_from_the_index():
    with open(APP.config["SYMBOL_INDEX"]) as handle:
        concepts = set(json.load(handle)["concepts"])
    for step in STEPS:
        assert step.symbol in concepts, step.id
        for option in step.options:
            assert option.symbol in concepts, (step.id, option.id)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]


def test_every_question_hint_answer_and_message_is_easy_read_in_both_forms():
    with APP.test_request_context():
        texts = [str(t) for step in STEPS for pair in (step.question, step.hint or ()) for t in pair]
        texts += [str(option.label) for step in STEPS for option in step.options]
        texts += [str(step.required) for step in STEPS if step.required]
        texts += [str(value) for name, value in vars(messages).items() if name.isupper() and not callable(value)]
        texts.append(messages.too_long(120))
    problems = []
    for text in texts:
        if any(len(s.split()) > 15 for s in _sentences(text)):
            problems.append(f"over 15 words: {text}")
        if len(text.split()) >= 8 and textstat.flesch_reading_ease(text) < 70:
            problems.append(f"hard to read: {text}")
    assert not problems, "\n".join(problems)


def test_the_steps_that_keep_more_than_one_answer_say_so_through_their_type():
    kept = {step.id: STEP_TYPES[step.type].also_keeps(step) for step in STEPS if STEP_TYPES[step.type].also_keeps(step)}
    assert kept == {
        "your-details": ("asker_organisation", "asker_role", "asker_email"),
        "age": ("date_of_birth",),
        "parent-consent": ("parent_consent_name",),
    }
