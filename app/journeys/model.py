"""What a loaded journey is: its steps, their words and answers, and the rules that join them."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Option:
    id: str
    label: object
    symbol: str
    says: object = None


@dataclass(frozen=True)
class TextInput:
    """How a typed answer is asked for: the input's type and the browser's autofill hint."""

    type: str = "text"
    autocomplete: str = "off"  # when the person answers for themselves; for someone else it is always off
    multiline: bool = False
    inputmode: str | None = None
    spellcheck: bool = True


@dataclass(frozen=True)
class Step:
    journey_id: str
    id: str
    type: str
    question: tuple  # (said to the person, said about them); the same twice when a step has one voice
    symbol: str
    key: str  # the answer this step fills; the step is answered once the key is in the answers
    hint: tuple | None = None
    options: tuple[Option, ...] = ()
    when: dict | None = None  # "only when": the step is on the path only when this holds
    otherwise: str | None = (
        None  # a template shown at the step's address, instead of the question, when `when` does not
    )
    next: tuple[dict, ...] = ()
    section: str | None = None
    match: str | None = None
    needs: str | None = None
    says: object = None  # one sentence, or one per answer ({"yes": ..., "with-help": ...})
    next_step: object = None
    check_label: object = None
    limit: int | None = None
    required: object = None  # the message when a needed answer is missing
    input: TextInput = field(default_factory=TextInput)

    def cards(self) -> list[tuple[str, object, str]]:
        """(value, label, symbol) for each answer card."""
        return [(o.id, o.label, o.symbol) for o in self.options]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Journey:
    id: str
    title: object
    symbol: str
    summary: object
    first: str
    steps: dict[str, Step] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    finish: str | None = None  # the named action that ends the journey
    stop: str | None = None  # the named action when the person says no to going on
    facts: tuple[str, ...] = ()  # what the journey's service tells the engine (e.g. has-plan)
    other_voice: dict | None = None  # when this holds, questions are asked about the person, not of them
    skippable: bool = False
    setup: bool = False
    off_path: str = "count-the-path"  # or "count-the-file": how a step off the path is numbered
