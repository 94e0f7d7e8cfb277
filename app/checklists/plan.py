"""My work plan: the answers as sentences with symbols, under four headings, in the voice of whoever filled
in the checklists: "I would like…" from the person; from someone who knows them, "Sam would like…" when
their first name is given and "They would like…" when it is not."""

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
HEADINGS = {  # section -> ((said by the person, said about them, said about them by name), symbol)
    "aspirations": (
        (_l("What I want from work"), _l("What they want from work"), _l("What %(name)s wants from work")),
        "dreams",
    ),
    "strengths": ((_l("What I am good at"), _l("What they are good at"), _l("What %(name)s is good at")), "good-at"),
    "support": ((_l("What helps me"), _l("What helps them"), _l("What helps %(name)s")), "help"),
    "next-steps": ((_l("My next steps"), _l("Their next steps"), _l("%(name)s's next steps")), "step"),
}


@dataclass
class Plan:
    aspirations: list[Sentence] = field(default_factory=list)
    strengths: list[Sentence] = field(default_factory=list)
    support: list[Sentence] = field(default_factory=list)
    next_steps: list[Sentence] = field(default_factory=list)
    filled_by: list[str] = field(default_factory=list)
    named_lines: list[str] = field(default_factory=list)  # lines of filled_by that hold the person's name
    name: str | None = None  # the first name given before the checklists, if any
    other: bool = False  # someone else filled in the checklists, so the sentences are about the person

    @property
    def is_empty(self) -> bool:
        return not (self.aspirations or self.strengths or self.support or self.next_steps)

    def says(self, texts) -> str:
        """A title in the plan's voice: (said by the person, said about them, by their first name). With a
        first name given, a title names the person whoever filled in the checklists ("Sam's work plan")."""
        if self.name and len(texts) > 2:
            return str(texts[2]) % {"name": self.name}
        return str(texts[1] if self.other else texts[0])

    @property
    def voice(self) -> Voice:
        return Voice(self.other, self.name)

    def about(self, texts) -> str:
        """A heading or line in the voice of the sentences: "What I want from work" from the person, "What
        Sam wants from work" from someone who knows them (by name when it is given)."""
        return self.voice.pick(texts)

    def private_texts(self, title: tuple = TITLE, headings: dict = HEADINGS) -> list[str]:
        """Every text on My work plan (or a view of it with its own title and headings) that holds the
        person's name or words they typed, in a fixed order. Each is spoken from its own address, by its
        place in this list, and never stored: the shared audio store holds only words anyone could see."""
        texts = [self.says(title)] if self.name else []
        texts += [self.about(words) for words, _ in headings.values() if self.voice.names(words)]
        texts += [s.text for _, items in self.sections() for s in items if s.named or s.private_key]
        texts += self.named_lines
        return list(dict.fromkeys(texts))

    @property
    def title(self) -> str:
        return self.says(TITLE)

    def heading(self, section: str) -> tuple[str, str]:
        """A section's heading on My work plan, and its symbol."""
        texts, symbol = HEADINGS[section]
        return self.about(texts), symbol

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
    voice = plan.voice
    for checklist in checklists.values():
        for step in path(checklist, answers):
            answer = answers.get((checklist.id, step.id), NO_ANSWER)
            if not answer.given:
                continue
            for section, sentence in STEP_TYPES[step.type].sentences(step, value_of(step, answer), voice):
                if section == FILLED_BY:
                    plan.filled_by.append(sentence.text)
                    if sentence.named:
                        plan.named_lines.append(sentence.text)
                elif section:  # a step in no section (such as the age) is asked, but is not in the plan
                    getattr(plan, section.replace("-", "_")).append(sentence)
    if not plan.is_empty and not plan.next_steps:
        plan.next_steps.append(Sentence("step", str(NO_NEXT_STEPS)))
    return plan


def who_for(checklists: dict[str, Checklist], answers: Answers) -> tuple[str | None, Voice]:
    """The person's first name, if given, and the voice of the plan's sentences, from the questions asked
    before the checklists (its definition's `voices`)."""
    setup = setup_of(checklists)
    voice = walker.voice(setup, values(setup, answers))
    given = answers.get((setup.id, setup.name_step)) if setup.name_step else None
    words = " ".join((given.text or "").split())[:NAME_LIMIT] if given and given.given else ""
    return words or None, Voice(voice.other)
