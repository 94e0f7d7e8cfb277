"""Ask for help as a journey: its definition (app/journeys/definitions/ask-for-help.yaml), walked by the
journey engine with the draft's answers and whether the person has a plan open."""

from functools import lru_cache
from pathlib import Path

from app.journeys import walker
from app.journeys.loader import build, read, refuse
from app.journeys.loader import check as check_definition
from app.journeys.model import Journey, Step, Voice

DEFINITION = Path(__file__).resolve().parents[1] / "journeys" / "definitions" / "ask-for-help.yaml"
RAW = read(DEFINITION)
ASK_FOR_HELP: Journey = build(RAW)  # checked against the schema and the symbols at start-up
STEPS: tuple[Step, ...] = tuple(ASK_FOR_HELP.steps.values())
STEP_IDS: dict[str, Step] = ASK_FOR_HELP.steps
BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}  # keys are the referral's column names


@lru_cache(maxsize=4)
def check(symbols: frozenset[str]) -> None:
    """Stop the site from starting when the definition has a problem (checked once per process and symbol set)."""
    refuse(check_definition(RAW, DEFINITION.name, symbols))


def facts(has_plan: bool, service=None) -> dict:
    """What the journey knows besides the answers: whether a plan is open, and the ages the service is for."""
    ages = (service.minimum_age, service.maximum_age) if service is not None else None
    return {"has-plan": has_plan, "service-ages": ages if ages and any(a is not None for a in ages) else None}


def applicable(answers: dict, known: dict) -> list[Step]:
    """The questions this person is asked, in order."""
    return walker.path(ASK_FOR_HELP, answers, known)


def first_missing(answers: dict, known: dict) -> Step | None:
    """The first question that applies and has no answer yet: where to carry on."""
    return walker.first_unanswered(ASK_FOR_HELP, answers, known)


def previous(step: Step, answers: dict, known: dict) -> Step | None:
    found = walker.previous_step_id(ASK_FOR_HELP, step, answers, known)
    return STEP_IDS[found] if found else None


def following(step: Step, answers: dict, known: dict) -> Step | None:
    found = walker.next_step_id(ASK_FOR_HELP, step, answers, known)
    return STEP_IDS[found] if found else None


def position(step: Step, answers: dict, known: dict) -> tuple[int, int]:
    """(this question's number, how many questions) for the progress line."""
    return walker.progress(ASK_FOR_HELP, step, answers, known)


def instead(step: Step, answers: dict, known: dict) -> str | None:
    """The page shown at this step's address instead of its question, when the definition names one."""
    return walker.instead(ASK_FOR_HELP, step, answers, known)


def voice(answers: dict) -> Voice:
    """Questions say "you" to the person, and "the person" (or their first name) to a family member or a worker."""
    return walker.voice(ASK_FOR_HELP, answers)
