"""The person's feedback as a journey: its definition (app/journeys/definitions/feedback.yaml), walked by the
journey engine with the answers kept in a draft on the server until Send (app/journeys/drafts.py)."""

from functools import lru_cache
from pathlib import Path

from app.journeys import drafts as store
from app.journeys import walker
from app.journeys.loader import build, read, refuse
from app.journeys.loader import check as check_definition
from app.journeys.model import Journey, Step

DEFINITION = Path(__file__).resolve().parents[1] / "journeys" / "definitions" / "feedback.yaml"
RAW = read(DEFINITION)
FEEDBACK: Journey = build(RAW)  # checked against the schema and the symbols at start-up
STEP_IDS: dict[str, Step] = FEEDBACK.steps
JOURNEY = "feedback"


@lru_cache(maxsize=4)
def check(symbols: frozenset[str]) -> None:
    """Stop the site from starting when the definition has a problem (checked once per process and symbol set)."""
    refuse(check_definition(RAW, DEFINITION.name, symbols))


def draft(token_hash: str) -> dict:
    """The answers so far for this link; a new link, or a draft that was lost or expired, starts afresh."""
    row = store.find(JOURNEY)
    found = store.answers_of(row) if row is not None and row.sent_at is None else {}
    if found.get("link") == token_hash and isinstance(found.get("answers"), dict):
        return found
    return {"link": token_hash, "answers": {}}


def keep(found: dict) -> None:
    """Keep the answers so far, in this browser's draft for this link (a new draft for a new link)."""
    row = store.find(JOURNEY)
    if row is not None and row.sent_at is None and store.answers_of(row).get("link") == found["link"]:
        store.save(row, found)
    else:
        store.start(JOURNEY, found)


def clear() -> None:
    store.drop(JOURNEY)


def path(answers: dict) -> list[Step]:
    return walker.path(FEEDBACK, answers)


def first_missing(answers: dict) -> Step | None:
    return walker.first_unanswered(FEEDBACK, answers)


def following(step: Step, answers: dict) -> Step | None:
    found = walker.next_step_id(FEEDBACK, step, answers)
    return STEP_IDS[found] if found else None


def previous(step: Step, answers: dict) -> Step | None:
    found = walker.previous_step_id(FEEDBACK, step, answers)
    return STEP_IDS[found] if found else None


def position(step: Step, answers: dict) -> tuple[int, int]:
    return walker.progress(FEEDBACK, step, answers)
