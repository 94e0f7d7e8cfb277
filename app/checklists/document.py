"""The plan and answers as one readable document to keep, print or save as a PDF: words, not codes."""

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app

from app.checklists.answers import Answers, path, values
from app.checklists.definitions import Checklist, setup_of
from app.easyread.symbols import symbol_index
from app.journeys import walker
from app.journeys.model import SELF, Voice
from app.journeys.types import NOT_ANSWERED, SKIPPED, STEP_TYPES, Row

DOCUMENT_NAME = "my-work-plan.html"  # the same for everyone: a name never shows in a download list or a log


def voice_of(checklist: Checklist, answers: Answers) -> Voice:
    """Who a checklist's questions are said to. Named wording is not used, so no question holds the name."""
    return Voice(walker.voice(checklist, values(checklist, answers)).other)


def check_row(checklist: Checklist, step, answers: Answers, voice: Voice = SELF) -> Row:
    """A step's question and its answer in words, or that it is not answered or was skipped."""
    answer = answers.get((checklist.id, step.id))
    if answer is None or answer.skipped:
        return Row(voice.pick(step.question), str(SKIPPED if answer else NOT_ANSWERED), True)
    return STEP_TYPES[step.type].rows(step, values(checklist, answers), voice)[0]


@dataclass(frozen=True)
class AnsweredChecklist:
    title: str
    rows: list[tuple[str, str]]  # (question, answer in words)


def answered(checklists: dict[str, Checklist], answers: Answers) -> list[AnsweredChecklist]:
    """Every checklist the person started, with each question on their path and their answer in words.
    The questions are in the voice of whoever filled them in ("How old is the person?")."""
    voice = voice_of(setup_of(checklists), answers)
    found = []
    for checklist in checklists.values():
        steps = path(checklist, answers)
        if not any((checklist.id, step.id) in answers for step in steps):
            continue
        own = voice_of(checklist, answers) if checklist.other_voice else voice
        rows = [check_row(checklist, step, answers, own) for step in steps]
        found.append(AnsweredChecklist(str(checklist.title), [(str(r.label), str(r.value)) for r in rows]))
    return found


@lru_cache(maxsize=256)
def _symbol_data(directory: str, filename: str) -> str:
    data = (Path(directory) / filename).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")


def symbol_data(concept: str) -> str:
    """A symbol as a data address, so the document shows its pictures with no connection to this site."""
    return _symbol_data(current_app.config["SYMBOLS_DIR"], symbol_index().file_for(concept))
