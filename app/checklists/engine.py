"""Kept for modules that still import the checklists' answers from here; they live in answers.py and the
walking is the journey engine's (app/journeys/walker.py)."""
from app.checklists.answers import (  # noqa: F401
    NO_ANSWER,
    Answer,
    Answers,
    first_unanswered,
    is_done,
    next_step_id,
    path,
    previous_step_id,
    progress,
)
