"""How checklists keep their answers: one database row per step (Answer), across every checklist of a
session, keyed by (checklist id, step id). The journey engine walks one checklist at a time with the
plain values of that checklist's answers."""

from dataclasses import dataclass

from app.checklists.definitions import setup_of
from app.journeys import walker
from app.journeys.model import Journey, Step
from app.journeys.types import STEP_TYPES


@dataclass(frozen=True)
class Answer:
    choices: tuple[str, ...] = ()
    text: str | None = None
    skipped: bool = False

    @property
    def given(self) -> bool:
        return bool(self.choices or self.text) and not self.skipped


NO_ANSWER = Answer()
Answers = dict[tuple[str, str], Answer]  # (checklist id, step id) -> answer


def value_of(step: Step, answer: Answer):
    """An answer as the step type reads it: typed words, a list of choices, one choice, or None when skipped."""
    kind = STEP_TYPES[step.type]
    if kind.typed:
        return answer.text
    if kind.multiple:
        return list(answer.choices)
    return answer.choices[0] if answer.choices else None


def answer_from(step: Step, value) -> Answer:
    """What a step's form gave, as the row to keep."""
    if STEP_TYPES[step.type].typed:
        return Answer(text=value)
    return Answer(choices=tuple(value if isinstance(value, list) else [value]))


def values(checklist: Journey, answers: Answers) -> dict:
    """One checklist's answers by step key, as plain values (a skipped step is there, with no value)."""
    return {
        step.key: value_of(step, answers[(checklist.id, step.id)])
        for step in checklist.steps.values()
        if (checklist.id, step.id) in answers
    }


def path(checklist: Journey, answers: Answers) -> list[Step]:
    """The steps this person will see, in order, given their answers."""
    return walker.path(checklist, values(checklist, answers))


def next_step_id(checklist: Journey, step: Step, answers: Answers) -> str | None:
    return walker.next_step_id(checklist, step, values(checklist, answers))


def previous_step_id(checklist: Journey, step: Step, answers: Answers) -> str | None:
    return walker.previous_step_id(checklist, step, values(checklist, answers))


def progress(checklist: Journey, step: Step, answers: Answers) -> tuple[int, int]:
    return walker.progress(checklist, step, values(checklist, answers))


def first_unanswered(checklist: Journey, answers: Answers) -> Step | None:
    return walker.first_unanswered(checklist, values(checklist, answers))


def is_done(checklist: Journey, answers: Answers) -> bool:
    return first_unanswered(checklist, answers) is None


def setup_done(checklists: dict[str, Journey], answers: Answers) -> bool:
    """Whether the first question before the checklists (who is filling them in) is answered."""
    setup = setup_of(checklists)
    return (setup.id, setup.first) in answers
