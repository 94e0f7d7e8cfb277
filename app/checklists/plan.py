"""My work plan: the answers as sentences with symbols, under four headings, in the voice of whoever filled
in the checklists: "I would like…" from the person, "They would like…" from someone who knows them."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.checklists.answers import NO_ANSWER, Answers, path, value_of, values
from app.checklists.definitions import Checklist, setup_of
from app.journeys import walker
from app.journeys.model import Voice
from app.journeys.types import STEP_TYPES, Sentence

FILLED_BY = "filled-by"  # the section of the steps whose answers say who filled in the checklists
NO_NEXT_STEPS = _l("Talk to someone you trust about what to try first.")
NAME_LIMIT = 40  # characters of a first name shown in a heading
TITLE = (_l("My work plan"), _l("The person's work plan"), _l("%(name)s's work plan"))
HEADINGS = {  # section -> ((said by the person, said about them), symbol)
    "aspirations": ((_l("What I want from work"), _l("What they want from work")), "dreams"),
    "strengths": ((_l("What I am good at"), _l("What they are good at")), "good-at"),
    "support": ((_l("What helps me"), _l("What helps them")), "help"),
    "next-steps": ((_l("My next steps"), _l("Their next steps")), "step"),
}


@dataclass
class Plan:
    aspirations: list[Sentence] = field(default_factory=list)
    strengths: list[Sentence] = field(default_factory=list)
    support: list[Sentence] = field(default_factory=list)
    next_steps: list[Sentence] = field(default_factory=list)
    filled_by: list[str] = field(default_factory=list)
    name: str | None = None  # the first name given before the checklists, if any
    other: bool = False  # someone else filled in the checklists, so the sentences are about the person

    @property
    def is_empty(self) -> bool:
        return not (self.aspirations or self.strengths or self.support or self.next_steps)

    def says(self, texts) -> str:
        """Words in the plan's voice: (said by the person, said about them, by their first name). With a
        first name given, a title names the person whoever filled in the checklists ("Sam's work plan")."""
        if self.name and len(texts) > 2:
            return str(texts[2]) % {"name": self.name}
        return str(texts[1] if self.other else texts[0])

    @property
    def title(self) -> str:
        return self.says(TITLE)

    def heading(self, section: str) -> tuple[str, str]:
        """A section's heading on My work plan, and its symbol."""
        texts, symbol = HEADINGS[section]
        return self.says(texts), symbol

    def sections(self) -> list[tuple[str, list[Sentence]]]:
        return [
            ("aspirations", self.aspirations),
            ("strengths", self.strengths),
            ("support", self.support),
            ("next-steps", self.next_steps),
        ]


def build_plan(checklists: dict[str, Checklist], answers: Answers) -> Plan:
    """Every given answer, in the order the person met it, as sentences in the section its step names."""
    name, voice = who_for(checklists, answers)
    plan = Plan(name=name, other=voice.other)
    for checklist in checklists.values():
        for step in path(checklist, answers):
            answer = answers.get((checklist.id, step.id), NO_ANSWER)
            if not answer.given:
                continue
            for section, sentence in STEP_TYPES[step.type].sentences(step, value_of(step, answer), voice):
                if section == FILLED_BY:
                    plan.filled_by.append(sentence.text)
                elif section:  # a step in no section (such as the age) is asked, but is not in the plan
                    getattr(plan, section.replace("-", "_")).append(sentence)
    if not plan.is_empty and not plan.next_steps:
        plan.next_steps.append(Sentence("step", str(NO_NEXT_STEPS)))
    return plan


def who_for(checklists: dict[str, Checklist], answers: Answers) -> tuple[str | None, Voice]:
    """The person's first name, if given, and the voice of the plan's sentences, from the questions asked
    before the checklists (its definition's `voices`). Sentences never hold the name: stored audio is shared."""
    setup = setup_of(checklists)
    voice = walker.voice(setup, values(setup, answers))
    given = answers.get((setup.id, setup.name_step)) if setup.name_step else None
    words = " ".join((given.text or "").split())[:NAME_LIMIT] if given and given.given else ""
    return words or None, Voice(voice.other)
