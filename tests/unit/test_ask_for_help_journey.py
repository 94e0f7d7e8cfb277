"""The ask-for-help questions as a journey definition: which apply, where to carry on, and words that
read easily in both forms (to the person, and about them)."""

import json
import re
from types import SimpleNamespace

import textstat

from app import create_app, messages
from app.journeys.types import STEP_TYPES
from app.referrals.journey import STEP_IDS as S
from app.referrals.journey import STEPS, applicable, facts, first_missing, following, position, previous, voice

APP = create_app({"APP_ENV": "test"})


def ids(steps) -> list[str]:
    return [step.id for step in steps]


NO_PLAN = facts(False)
WITH_PLAN = facts(True)
AGES_16_TO_25 = facts(False, SimpleNamespace(minimum_age=16, maximum_age=25))

# Answers a person gives, question by question, for each kind of asker (a plan is open for the family).
WALKS = {
    "self": [
        ("who", {"asker": "self"}),
        ("name", {"person_name": "Sam Tester"}),
        ("age", {"age": 19, "date_of_birth": None}),
        ("area", {"area": "Harbourside"}),
        ("contact-language", {"contact_language": "en"}),
        ("contact-ways", {"contact_methods": ["phone"]}),
        ("phone-number", {"phone": "07700 900123"}),
        ("contact-times", {"contact_times": ["morning"]}),
        ("communication", {"needs": ["easy-read"]}),
        ("consent", {"consent_at": "2026-12-02T10:00:00+00:00"}),
        ("anything-else", {"message": ""}),
    ],
    "family": [
        ("who", {"asker": "family"}),
        ("about-you", {"asker_name": "Jo", "asker_relationship": "Mother", "asker_phone": "07700 900456"}),
        ("name", {"person_name": "Sam Tester"}),
        ("age", {"age": 15, "date_of_birth": None}),
        ("area", {"area": "Harbourside"}),
        ("contact-language", {"contact_language": "other"}),
        ("interpreter-language", {"interpreter_language": "Polish"}),
        ("contact-ways", {"contact_methods": ["email", "letter"]}),
        ("email-address", {"email": "sam@example.net"}),
        ("postal-address", {"address": "1 Quay Street"}),
        ("contact-times", {"contact_times": ["any-time"]}),
        ("communication", {"needs": []}),
        ("person-knows", {"person_knows": "yes"}),
        ("consent", {"consent_at": "2026-12-02T10:00:00+00:00"}),
        ("parent-consent", {"parent_consent_at": "2026-12-02T10:00:00+00:00", "parent_consent_name": "Jo"}),
        ("work-plan", {"send_plan": "yes"}),
        ("anything-else", {"message": ""}),
    ],
    "professional": [
        ("who", {"asker": "professional"}),
        ("where-you-work", {"professional_kind": "college"}),
        ("your-details", {"asker_name": "Pat", "asker_organisation": "C", "asker_role": "T", "asker_email": "p@c.uk"}),
        ("name", {"person_name": "Sam Tester"}),
        ("age", {"age": 30, "date_of_birth": None}),
        ("area", {"area": "Harbourside"}),
        ("contact-language", {"contact_language": "cy"}),
        ("contact-ways", {"contact_methods": ["phone", "text"]}),
        ("phone-number", {"phone": "07700 900123"}),
        ("contact-times", {"contact_times": ["afternoon"]}),
        ("communication", {"needs": ["bsl"]}),
        ("person-knows", {"person_knows": "no"}),
        ("consent", {"consent_at": "2026-12-02T10:00:00+00:00"}),
        ("anything-else", {"message": ""}),
    ],
}


def answers_of(walk) -> dict:
    return {key: value for _, kept in walk for key, value in kept.items()}


def test_a_person_asking_for_themselves_skips_the_asker_and_follow_up_questions():
    answers = answers_of(WALKS["self"])
    assert ids(applicable(answers, NO_PLAN)) == [step for step, _ in WALKS["self"]]


def test_family_and_professionals_are_asked_about_themselves_and_whether_the_person_knows():
    for asker in ("family", "professional"):
        known = WITH_PLAN if asker == "family" else NO_PLAN
        assert ids(applicable(answers_of(WALKS[asker]), known)) == [step for step, _ in WALKS[asker]]


def test_follow_up_questions_appear_for_the_answers_that_need_them():
    answers = {
        "asker": "professional",
        "contact_methods": ["text", "email", "letter"],
        "contact_language": "other",
        "age": 12,
    }
    steps = ids(applicable(answers, AGES_16_TO_25 | {"has-plan": True}))
    assert steps == [step.id for step in STEPS if step.id != "about-you"]


def test_an_age_outside_the_services_ages_shows_the_notice_and_nothing_else_does():
    for age, shown in ((12, True), (15, True), (16, False), (25, False), (26, True)):
        assert ("age-check" in ids(applicable({"asker": "self", "age": age}, AGES_16_TO_25))) == shown, age
    assert "age-check" not in ids(applicable({"asker": "self", "age": 12}, NO_PLAN))  # no ages: for everyone
    only_oldest = facts(False, SimpleNamespace(minimum_age=None, maximum_age=19))
    assert "age-check" in ids(applicable({"asker": "self", "age": 20}, only_oldest))


def test_carrying_on_finds_the_first_unanswered_question():
    assert first_missing({}, NO_PLAN).id == "who"
    assert first_missing({"asker": "self", "person_name": "A"}, NO_PLAN).id == "age"
    done = answers_of(WALKS["self"])
    assert first_missing(done, NO_PLAN) is None
    assert first_missing({**done, "age": 12}, AGES_16_TO_25).id == "age-check"
    assert first_missing({**done, "age": 12, "age_outside_range": True}, AGES_16_TO_25).id == "parent-consent"


def test_next_previous_and_progress_follow_the_questions_that_apply():
    answers = {"asker": "self", "contact_methods": ["email"]}
    assert following(S["contact-ways"], answers, NO_PLAN).id == "email-address"
    assert previous(S["contact-times"], answers, NO_PLAN).id == "email-address"
    assert previous(S["who"], answers, NO_PLAN) is None
    assert following(S["anything-else"], answers, NO_PLAN) is None


def test_the_question_count_is_known_at_the_start_and_never_grows():
    for asker, walk in WALKS.items():
        known = WITH_PLAN if asker == "family" else AGES_16_TO_25
        answers, totals = {}, []
        for step_id, kept in walk:
            number, total = position(S[step_id], answers, known)
            assert number == len(totals) + 1, (asker, step_id)
            totals.append(total)
            answers |= kept
        assert totals == sorted(totals, reverse=True), (asker, totals)
        # The total falls only just after an answer that decides which questions follow, and ends at
        # exactly the questions asked.
        deciding = {"who", "age", "contact-language", "contact-ways"}
        for (step_id, _), total, after in zip(walk, totals, totals[1:], strict=False):
            assert after == total or step_id in deciding, (asker, step_id, totals)
        assert totals[-1] == len(walk)


def test_the_age_notice_is_not_counted_as_a_question():
    answers = {"asker": "self", "person_name": "Sam", "age": 12}
    assert position(S["area"], answers, AGES_16_TO_25) == position(S["area"], answers, NO_PLAN)


def test_a_changed_answer_changes_the_count_only_when_it_changes_the_questions():
    answers = answers_of(WALKS["self"])
    before = position(S["anything-else"], answers, NO_PLAN)
    assert position(S["anything-else"], {**answers, "area": "Llanfield"}, NO_PLAN) == before
    assert position(S["anything-else"], {**answers, "needs": ["bsl"]}, NO_PLAN) == before
    with_email = {**answers, "contact_methods": ["phone", "email"]}
    assert position(S["anything-else"], with_email, NO_PLAN) == (before[0] + 1, before[1] + 1)


WRONG_FOR_YOU = re.compile(r"\b(the person|they|their|them|themselves|they're)\b", re.IGNORECASE)


def test_asking_for_yourself_never_shows_words_about_the_person():
    with APP.test_request_context():
        answers = answers_of(WALKS["self"]) | {
            "contact_methods": ["phone", "email", "letter"],
            "email": "a@b.cd",
            "address": "1 Street",
            "contact_language": "other",
            "interpreter_language": "Polish",
            "age": 14,
            "parent_consent_at": "2026-12-02T10:00:00+00:00",
            "parent_consent_name": "Jo",
            "age_outside_range": True,
            "send_plan": "yes",
        }
        spoken = voice(answers)
        assert not spoken.other
        texts = []
        for step in applicable(answers, AGES_16_TO_25 | {"has-plan": True}):
            texts += [spoken.pick(step.question), spoken.pick(step.hint) or ""]
            if step.id != "who":  # the choice of who is asking, made before the voice is known
                texts += [label for _, label, _ in step.cards(spoken)]
            texts += [spoken.pick(words) for _, words in step.lines if isinstance(words, tuple)]
            for row in STEP_TYPES[step.type].rows(step, answers, spoken):
                texts += [row.label] + ([row.value] if row.spoken else [])
    found = [text for text in texts if WRONG_FOR_YOU.search(text)]
    assert not found, found


def test_consent_is_asked_in_the_voice_of_whoever_answers():
    consent = S["consent"]
    with APP.test_request_context():
        mine = voice({"asker": "self", "person_name": "Sam Tester"})
        assert mine.pick(consent.question) == "Do you agree to share your answers?"
        assert [label for _, label, _ in consent.cards(mine)] == ["Yes, I agree", "No, I do not agree"]
        for asker in ("family", "professional"):
            named = voice({"asker": asker, "person_name": "Sam Tester"})
            assert named.pick(consent.question) == "Does Sam agree to share their answers?"
            assert [label for _, label, _ in consent.cards(named)] == ["Yes, Sam agrees", "No, Sam does not agree"]
            unnamed = voice({"asker": asker})
            assert unnamed.pick(consent.question) == "Does the person agree to share their answers?"
            assert [label for _, label, _ in consent.cards(unnamed)][0] == "Yes, the person agrees"
        [row] = STEP_TYPES["consent"].rows(consent, {"consent_at": "x"}, named)
        assert (row.value, row.spoken) == ("Yes, Sam agrees", False)  # a name is never kept as audio
        [row] = STEP_TYPES["consent"].rows(consent, {"consent_at": "x"}, mine)
        assert (row.label, row.value, row.spoken) == ("You agreed to share the answers", "Yes, I agree", True)


def test_the_person_is_named_by_their_first_name_in_welsh_too():
    with APP.test_request_context("/?lang=cy"):
        from flask import session

        session["lang"] = "cy"
        named = voice({"asker": "family", "person_name": "Sam Tester"})
        assert named.pick(S["consent"].question) == "Ydy Sam yn cytuno i rannu eu hatebion?"
        assert named.pick(S["consent"].options[0].voiced) == "Ydy, mae Sam yn cytuno"


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
        texts = [str(t) for step in STEPS for pair in (step.question, step.hint or ()) for t in pair if t]
        texts += [str(t) for step in STEPS for option in step.options for t in option.voiced or (option.label,) if t]
        texts += [str(t) for step in STEPS for _, words in step.lines if isinstance(words, tuple) for t in words if t]
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
        "about-you": ("asker_name", "asker_phone", "asker_email"),
        "age": ("date_of_birth",),
        "parent-consent": ("parent_consent_name",),
    }
