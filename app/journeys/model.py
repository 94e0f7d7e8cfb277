"""What a loaded journey is: its steps, their words and answers, and the rules that join them."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Voice:
    """Who a question is said to: the person ("you"), or someone asking for them, who is told the person's
    first name once it is known ("Does Sam agree?") and "the person" before."""

    other: bool = False
    name: str | None = None

    def pick(self, texts, **values) -> str | None:
        """One text in this voice, from (said to the person, said about them, said about them by name), with
        any other values it holds (a plan sentence's `%(answer)s`) put in."""
        if texts is None:
            return None
        if self.names(texts):
            return str(texts[2]) % {"name": self.name, **values}
        text = str(texts[1] if self.other and len(texts) > 1 else texts[0]) if isinstance(texts, tuple) else str(texts)
        return text % values if values else text

    def names(self, texts) -> bool:
        """Whether this text, in this voice, holds the person's name (so it is never stored as audio)."""
        return bool(self.other and self.name and isinstance(texts, tuple) and len(texts) > 2 and texts[2] is not None)


SELF = Voice()


@dataclass(frozen=True)
class Option:
    id: str
    label: object  # in the person's own voice
    symbol: str
    says: object = None
    voiced: tuple | None = None  # (self, other, named) when the answer's words change with the voice

    def words(self, voice: "Voice" = SELF) -> str:
        return voice.pick(self.voiced or self.label)


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
    question: tuple  # (said to the person, said about them, said about them by name or None)
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
    check_label: tuple | None = None  # voiced like the question
    limit: int | None = None
    required: object = None  # the message when a needed answer is missing
    input: TextInput = field(default_factory=TextInput)

    lines: tuple = ()  # a notice's sentences: (symbol, voiced text) or (symbol, {"range": fact})

    def cards(self, voice: Voice | None = None) -> list[tuple[str, object, str]]:
        """(value, label, symbol) for each answer card, in the voice the page speaks in."""
        return [(o.id, o.words(voice or SELF), o.symbol) for o in self.options]

    def label(self, voice: Voice = SELF) -> str:
        """What the check page calls this step's answer."""
        return voice.pick(self.check_label)

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
    name_step: str | None = None  # the step whose answer is the person's name, used in `named` wording
    skippable: bool = False
    setup: bool = False
    off_path: str = "count-the-path"  # or "count-the-file": how a step off the path is numbered
