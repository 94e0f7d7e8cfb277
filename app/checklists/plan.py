"""My work plan: the answers as first-person sentences with symbols, under four headings."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.checklists.answers import NO_ANSWER, Answers, path, value_of
from app.checklists.definitions import Checklist
from app.journeys.types import STEP_TYPES, Sentence

FILLED_BY = "filled-by"  # the section of the steps whose answers say who filled in the checklists
NO_NEXT_STEPS = _l("Talk to someone you trust about what to try first.")


@dataclass
class Plan:
    aspirations: list[Sentence] = field(default_factory=list)
    strengths: list[Sentence] = field(default_factory=list)
    support: list[Sentence] = field(default_factory=list)
    next_steps: list[Sentence] = field(default_factory=list)
    filled_by: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.aspirations or self.strengths or self.support or self.next_steps)

    def sections(self) -> list[tuple[str, list[Sentence]]]:
        return [
            ("aspirations", self.aspirations),
            ("strengths", self.strengths),
            ("support", self.support),
            ("next-steps", self.next_steps),
        ]


def build_plan(checklists: dict[str, Checklist], answers: Answers) -> Plan:
    """Every given answer, in the order the person met it, as sentences in the section its step names."""
    plan = Plan()
    for checklist in checklists.values():
        for step in path(checklist, answers):
            answer = answers.get((checklist.id, step.id), NO_ANSWER)
            if not answer.given:
                continue
            for section, sentence in STEP_TYPES[step.type].sentences(step, value_of(step, answer)):
                if section == FILLED_BY:
                    plan.filled_by.append(sentence.text)
                elif section:  # a step in no section (such as the age) is asked, but is not in the plan
                    getattr(plan, section.replace("-", "_")).append(sentence)
    if not plan.is_empty and not plan.next_steps:
        plan.next_steps.append(Sentence("step", str(NO_NEXT_STEPS)))
    return plan
