"""Ask for help as a journey: its definition (app/journeys/definitions/ask-for-help.yaml), walked by the
journey engine with the draft's answers and whether the person has a plan open."""

from pathlib import Path

from app.journeys import walker
from app.journeys.loader import build, read, refuse
from app.journeys.loader import check as check_definition
from app.journeys.model import Journey, Step

DEFINITION = Path(__file__).resolve().parents[1] / "journeys" / "definitions" / "ask-for-help.yaml"
RAW = read(DEFINITION)
ASK_FOR_HELP: Journey = build(RAW)  # checked against the schema and the symbols at start-up
STEPS: tuple[Step, ...] = tuple(ASK_FOR_HELP.steps.values())
STEP_IDS: dict[str, Step] = ASK_FOR_HELP.steps
BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}  # keys are the referral's column names


def check(symbols: set[str]) -> None:
    """Stop the site from starting when the definition has a problem."""
    refuse(check_definition(RAW, DEFINITION.name, symbols))


def facts(has_plan: bool) -> dict:
    return {"has-plan": has_plan}


def applicable(answers: dict, has_plan: bool) -> list[Step]:
    """The questions this person is asked, in order."""
    return walker.path(ASK_FOR_HELP, answers, facts(has_plan))


def first_missing(answers: dict, has_plan: bool) -> Step | None:
    """The first question that applies and has no answer yet: where to carry on."""
    return walker.first_unanswered(ASK_FOR_HELP, answers, facts(has_plan))


def previous(step: Step, answers: dict, has_plan: bool) -> Step | None:
    found = walker.previous_step_id(ASK_FOR_HELP, step, answers, facts(has_plan))
    return STEP_IDS[found] if found else None


def following(step: Step, answers: dict, has_plan: bool) -> Step | None:
    found = walker.next_step_id(ASK_FOR_HELP, step, answers, facts(has_plan))
    return STEP_IDS[found] if found else None


def position(step: Step, answers: dict, has_plan: bool) -> tuple[int, int]:
    """(this question's number, how many questions) for the progress line."""
    return walker.progress(ASK_FOR_HELP, step, answers, facts(has_plan))


def instead(step: Step, answers: dict, has_plan: bool) -> str | None:
    """The page shown at this step's address instead of its question, when the definition names one."""
    return walker.instead(ASK_FOR_HELP, step, answers, facts(has_plan))


def asked_of_person(answers: dict) -> bool:
    """Questions say "you" to the person, and "the person" to a family member or a worker."""
    return walker.voice(ASK_FOR_HELP, answers) == 0


def words(pair: tuple | None, answers: dict) -> str | None:
    return walker.words(pair, ASK_FOR_HELP, answers)
