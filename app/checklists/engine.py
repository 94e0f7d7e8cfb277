"""Walks a checklist: which step comes next given the answers so far, and how far along the person is."""
from dataclasses import dataclass

from app.checklists.definitions import Checklist, Step


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


def next_step_id(checklist: Checklist, step: Step, answers: Answers) -> str | None:
    """The step after this one: the first rule whose condition holds, else the next in the file."""
    for rule in step.next:
        when = rule.get("when")
        if when is None or when["has"] in answers.get((checklist.id, when["step"]), NO_ANSWER).choices:
            return rule["step"]
    position = checklist.order.index(step.id)
    return checklist.order[position + 1] if position + 1 < len(checklist.order) else None


def path(checklist: Checklist, answers: Answers) -> list[Step]:
    """The steps this person will see, in order, given their answers."""
    steps, current = [], checklist.first
    while current is not None and current not in {s.id for s in steps}:
        step = checklist.steps[current]
        steps.append(step)
        current = next_step_id(checklist, step, answers)
    return steps


def previous_step_id(checklist: Checklist, step: Step, answers: Answers) -> str | None:
    ids = [s.id for s in path(checklist, answers)]
    if step.id in ids:
        position = ids.index(step.id)
        return ids[position - 1] if position else None
    position = checklist.order.index(step.id)
    return checklist.order[position - 1] if position else None


def progress(checklist: Checklist, step: Step, answers: Answers) -> tuple[int, int]:
    """(this question's number, how many questions) along the person's own path."""
    ids = [s.id for s in path(checklist, answers)]
    if step.id not in ids:
        return checklist.order.index(step.id) + 1, len(checklist.order)
    return ids.index(step.id) + 1, len(ids)


def first_unanswered(checklist: Checklist, answers: Answers) -> Step | None:
    for step in path(checklist, answers):
        if (checklist.id, step.id) not in answers:
            return step
    return None


def is_done(checklist: Checklist, answers: Answers) -> bool:
    return first_unanswered(checklist, answers) is None
