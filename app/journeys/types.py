"""The step types. Each one owns, behind one small interface, everything a kind of question does:
its form fields, reading and checking the answer, its check-your-answers rows, its plan sentences,
whether its answer is spoken, and the template that shows it (templates/journeys/types/<name>.html).

Adding a step type is one entry in STEP_TYPES and its template."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from app import clock, messages
from app.journeys import fields as f
from app.journeys.ages import age_on
from app.journeys.model import SELF, Option, Step, TextInput, Voice

SEPARATOR = ", "
NOTHING = _l("Nothing")
NONE_OF_THESE = _l("None of these")
YES = _l("Yes")
NOT_ANSWERED = _l("Not answered yet")
SKIPPED = _l("Skipped")
AGES_FROM_TO = _l("This service is for people aged %(youngest)s to %(oldest)s.")
AGES_FROM = _l("This service is for people aged %(youngest)s and over.")
AGES_UP_TO = _l("This service is for people aged %(oldest)s and under.")
MAX_TEXT = 2000  # characters, for journeys that do not set a limit
AGES = (1, 120)  # years
FIRST_YEAR = 1900
CONSENT_LASTS = timedelta(days=7)  # an agreement older than this, in a draft, is asked for again


@dataclass(frozen=True)
class Row:
    """One line of a check-your-answers page."""

    label: str
    value: str
    spoken: bool  # words from this site are spoken; what the person typed is not
    change_url: str = ""


@dataclass(frozen=True)
class Sentence:
    """One line of a plan or summary, with its symbol."""

    symbol: str
    text: str
    private_key: tuple[str, str] | None = None  # words the person typed: read aloud, never cached
    named: bool = False  # the sentence holds the person's first name: read aloud, never cached


def now_text() -> str:
    return clock.now().isoformat(timespec="seconds")


class StepType:
    """The interface. `answers` are one journey's answers, by key; `value` is the answer at the step's key."""

    name = ""
    requires: tuple[str, ...] = ()  # what a definition must give a step of this type
    forbids: tuple[str, ...] = ()
    numeric = False  # conditions may compare its answer with a number
    typed = False  # the answer is words the person typed
    multiple = False  # the answer is a list of choices
    counted = True  # a question counted in "Question 3 of 11"; a page that only tells something is not

    @property
    def template(self) -> str:
        return f"journeys/types/{self.name}.html"

    # Definitions
    def values(self, raw: dict) -> list[str]:
        """The answers a condition may name."""
        return [o["id"] for o in raw.get("options", [])]

    def check(self, raw: dict) -> list[str]:
        """Problems with a step's definition that the schema cannot see."""
        found = [f"a {self.name} step needs {key!r}" for key in self.requires if key not in raw]
        return found + [f"a {self.name} step cannot have {key!r}" for key in self.forbids if key in raw]

    # The form
    def fields(self, step: Step, skippable: bool) -> dict:
        """The form fields, by name."""
        raise NotImplementedError

    def load(self, step: Step, answers: dict) -> dict:
        """The form's data from the answers kept so far."""
        value = answers.get(step.key)
        return {"answer": value} if value is not None else {}

    def validate(self, step: Step, form) -> bool:
        """Checks across fields, after each field's own; add errors to fields and say whether all is well."""
        return True

    def read(self, step: Step, form) -> dict | None:
        """The answers to keep from a checked form, by key; None when the person said no to going on."""
        return {step.key: form.answer.data}

    def also_keeps(self, step: Step) -> tuple[str, ...]:
        """The keys this type keeps besides the step's own key (the step is answered once its own key is there)."""
        return ()

    def matches(self, step: Step, kept: dict, answers: dict) -> bool:
        """Whether answers kept earlier are what the form, filled from them and checked again, would keep."""
        return all(answers.get(key) == value for key, value in kept.items())

    # What the engine and the pages ask of an answer
    def chosen(self, step: Step, value) -> set[str]:
        """The answer's values, for conditions."""
        if isinstance(value, str):
            return {value}
        if isinstance(value, (list, tuple)):
            return set(value)
        return set()

    def number(self, step: Step, value) -> int | None:
        return None

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        """The check-your-answers rows for this step's answer, in the voice of whoever is answering."""
        return []

    def sentences(self, step: Step, value, voice: Voice = SELF) -> list[tuple[str, Sentence]]:
        """What the answer says in a plan or summary, each under its section: in the person's own words
        ("I would like…"), or about them when someone else answered ("They would like…")."""
        return []

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        """Whether the answer's words may be read aloud from stored audio: words from this site are; what
        the person typed never is (it is read aloud privately, if at all), nor words with the person's name."""
        chosen = self.chosen(step, value)
        return not any(voice.names(o.voiced) for o in step.options if o.id in chosen)


def _labels(step: Step, values, voice: Voice = SELF) -> str:
    labels = {o.id: o.words(voice) for o in step.options}
    return SEPARATOR.join(labels[v] for v in values or [] if v in labels)


def _says_for_every_option(raw: dict) -> list[str]:
    """A step whose answers go in the plan (it names a section) needs a sentence for each of its options."""
    if "section" not in raw:
        return []
    return [
        f"option {o['id']!r} needs 'says': the step's answers go in the plan's {raw['section']!r}"
        for o in raw.get("options", [])
        if "says" not in o
    ]


class Single(StepType):
    """One answer from cards."""

    name = "single"
    requires = ("options",)

    def check(self, raw: dict) -> list[str]:
        return super().check(raw) + _says_for_every_option(raw)

    def fields(self, step: Step, skippable: bool) -> dict:
        if skippable:
            missing = messages.CHOOSE_ONE_OR_SKIP
        else:
            missing = messages.CHOOSE_YES_OR_NO if step.options[0].id == "yes" else messages.CHOOSE_ONE().message
        return {"answer": f.Choice(validators=[f.one_of({o.id for o in step.options}, missing)])}

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        value = answers[step.key]
        return [Row(step.label(voice), _labels(step, [value], voice), self.spoken(step, value, voice))]

    def sentences(self, step: Step, value, voice: Voice = SELF) -> list[tuple[str, Sentence]]:
        chosen = self.chosen(step, value)
        return [
            (step.section, Sentence(o.symbol, voice.pick(o.says), named=voice.names(o.says)))
            for o in step.options
            if o.id in chosen
        ]


class Several(StepType):
    """Any number of answers from cards; an answer "none" goes with no other, and is kept as an empty list."""

    name = "several"
    requires = ("options",)
    multiple = True

    def check(self, raw: dict) -> list[str]:
        return super().check(raw) + _says_for_every_option(raw)

    def fields(self, step: Step, skippable: bool) -> dict:
        missing = messages.CHOOSE_SOME_OR_SKIP if skippable else messages.CHOOSE_AT_LEAST_ONE
        allowed = {o.id for o in step.options}
        return {"answer": f.Choices(choices=sorted(allowed), validators=[f.some_of(allowed, missing)])}

    def load(self, step: Step, answers: dict) -> dict:
        saved = answers.get(step.key)
        if saved is None:
            return {}
        return {"answer": (list(saved) or (["none"] if step.option("none") else []))}

    def read(self, step: Step, form) -> dict:
        return {step.key: [v for v in form.answer.data if v != "none"]}

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        value = answers[step.key]
        shown = _labels(step, value, voice) or str(NONE_OF_THESE)
        return [Row(step.label(voice), shown, self.spoken(step, value, voice))]

    sentences = Single.sentences


class Readiness(Single):
    """Can you do this yet: yes, with help, or not yet. Each answer says something in its own section."""

    name = "readiness"
    requires = ("says", "next-step")
    forbids = ("options",)
    fixed_options = (
        Option("yes", _l("Yes"), "yes"),
        Option("with-help", _l("With help"), "with-help"),
        Option("not-yet", _l("Not yet"), "not-yet"),
    )

    def values(self, raw: dict) -> list[str]:
        return [o.id for o in self.fixed_options]

    def sentences(self, step: Step, value, voice: Voice = SELF) -> list[tuple[str, Sentence]]:
        choice = next(iter(self.chosen(step, value)), None)
        section, texts = {
            "yes": ("strengths", step.says["yes"]),
            "with-help": ("support", step.says["with-help"]),
            "not-yet": ("next-steps", step.next_step),
        }.get(choice, (None, None))
        if texts is None:
            return []
        return [(section, Sentence(step.symbol, voice.pick(texts), named=voice.names(texts)))]


class Text(StepType):
    """Typed words, in a box of one line or several."""

    name = "text"
    forbids = ("options",)
    typed = True

    def check(self, raw: dict) -> list[str]:
        found = super().check(raw)
        if ("says" in raw) != ("section" in raw):
            found.append("a text step that goes in the plan needs both 'says' and 'section'")
        return found

    def fields(self, step: Step, skippable: bool) -> dict:
        if skippable:
            return {
                "answer": f.Written(
                    validators=[f.text(step.limit or MAX_TEXT, messages.WRITE_OR_SKIP, too_long=messages.TEXT_TOO_LONG)]
                )
            }
        pattern, invalid = (f.EMAIL, messages.EMAIL_NOT_VALID) if step.input.type == "email" else (None, None)
        validators = [f.text(step.limit or MAX_TEXT, step.required, pattern, invalid)]
        if step.input.type == "tel":
            validators.append(f.phone_number)
        return {"answer": f.Typed(validators=validators)}

    def load(self, step: Step, answers: dict) -> dict:
        return {"answer": answers.get(step.key) or ""}

    def read(self, step: Step, form) -> dict:
        return {step.key: (form.answer.data or "").strip()}

    def chosen(self, step: Step, value) -> set[str]:
        return set()

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        value = answers[step.key]
        if not value:
            return [Row(step.label(voice), str(NOTHING), True)]
        return [Row(step.label(voice), value, False)]

    def sentences(self, step: Step, value, voice: Voice = SELF) -> list[tuple[str, Sentence]]:
        if not value or step.says is None:
            return []
        said = voice.pick(step.says, answer=value)
        return [(step.section, Sentence(step.symbol, said, (step.journey_id, step.id), voice.names(step.says)))]

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        return False


class Details(StepType):
    """A worker's own name, organisation, job and work email: they may be contacted about the request."""

    name = "details"
    inputs = {"email": TextInput("email", "email", spellcheck=False)}
    LIMITS = {"name": 120, "email": 254}
    FIELDS = {
        "asker_name": (_l("Your name"), messages.WRITE_YOUR_NAME),
        "asker_organisation": (_l("Name of your team or place of work"), messages.WRITE_ORGANISATION),
        "asker_role": (_l("Your job"), messages.WRITE_ROLE),
        "asker_email": (_l("Your work email"), messages.WRITE_WORK_EMAIL),
    }

    def fields(self, step: Step, skippable: bool) -> dict:
        made = {
            name: f.Typed(validators=[f.text(self.LIMITS["name"], missing)])
            for name, (_, missing) in self.FIELDS.items()
        }
        made["asker_email"] = f.Typed(
            validators=[f.text(self.LIMITS["email"], messages.WRITE_WORK_EMAIL, f.EMAIL, messages.EMAIL_NOT_VALID)]
        )
        return made

    def load(self, step: Step, answers: dict) -> dict:
        return {name: answers.get(name) or "" for name in self.FIELDS}

    def read(self, step: Step, form) -> dict:
        return {name: (form[name].data or "").strip() for name in self.FIELDS}

    def also_keeps(self, step: Step) -> tuple[str, ...]:
        return tuple(name for name in self.FIELDS if name != step.key)

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        return [Row(str(label), answers.get(name) or "", False) for name, (label, _) in self.FIELDS.items()]

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        return False


class FamilyDetails(StepType):
    """A family member or carer: their name, how they know the person, and a phone number or an email (or
    both), so the service can contact them about the request."""

    name = "family-details"
    inputs = {"phone": TextInput("tel", "tel", inputmode="tel", spellcheck=False), "email": Details.inputs["email"]}
    LIMITS = {"asker_name": 120, "asker_relationship": 60, "asker_phone": 40, "asker_email": 254}
    FIELDS = {
        "asker_name": _l("Your name"),
        "asker_relationship": _l("How you know the person"),
        "asker_phone": _l("Your phone number"),
        "asker_email": _l("Your email"),
    }

    def fields(self, step: Step, skippable: bool) -> dict:
        return {
            "asker_name": f.Typed(validators=[f.text(self.LIMITS["asker_name"], messages.WRITE_YOUR_NAME)]),
            "asker_relationship": f.Typed(
                validators=[f.text(self.LIMITS["asker_relationship"], messages.WRITE_RELATIONSHIP)]
            ),
            "asker_phone": f.Typed(validators=[f.text(self.LIMITS["asker_phone"]), f.phone_number]),
            "asker_email": f.Typed(
                validators=[f.text(self.LIMITS["asker_email"], None, f.EMAIL, messages.EMAIL_NOT_VALID)]
            ),
        }

    def validate(self, step: Step, form) -> bool:
        if (form.asker_phone.data or "").strip() or (form.asker_email.data or "").strip():
            return True
        form.asker_phone.errors.append(messages.WRITE_PHONE_OR_EMAIL)
        return False

    def load(self, step: Step, answers: dict) -> dict:
        return {name: answers.get(name) or "" for name in self.FIELDS}

    def read(self, step: Step, form) -> dict:
        return {name: (form[name].data or "").strip() or None for name in self.FIELDS}

    def matches(self, step: Step, kept: dict, answers: dict) -> bool:
        return all((answers.get(key) or None) == value for key, value in kept.items())

    def also_keeps(self, step: Step) -> tuple[str, ...]:
        return tuple(name for name in self.FIELDS if name != step.key)

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        return [Row(str(label), answers.get(name) or str(NOTHING), False) for name, label in self.FIELDS.items()]

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        return False


class Notice(StepType):
    """A page that tells the person something and asks nothing, such as an age outside a service's ages.
    Going on keeps `True` at the step's key, so the journey knows it was shown. Not counted as a question."""

    name = "notice"
    requires = ("lines",)
    forbids = ("options", "hint")
    counted = False

    def fields(self, step: Step, skippable: bool) -> dict:
        return {}

    def load(self, step: Step, answers: dict) -> dict:
        return {}

    def read(self, step: Step, form) -> dict:
        return {step.key: True}

    def matches(self, step: Step, kept: dict, answers: dict) -> bool:
        return True

    def chosen(self, step: Step, value) -> set[str]:
        return set()

    @staticmethod
    def range_words(ages) -> str:
        """The ages a service is for, as one sentence."""
        youngest, oldest = ages if isinstance(ages, (tuple, list)) and len(ages) == 2 else (None, None)
        if youngest is not None and oldest is not None:
            return str(AGES_FROM_TO) % {"youngest": youngest, "oldest": oldest}
        if youngest is not None:
            return str(AGES_FROM) % {"youngest": youngest}
        return str(AGES_UP_TO) % {"oldest": oldest} if oldest is not None else ""


class Age(StepType):
    """An age, or a date of birth in three boxes: people know one or the other. Keeps the age in years
    at the step's key and the date of birth, when given, as `date_of_birth`."""

    name = "age"
    inputs = {"number": TextInput(inputmode="numeric", spellcheck=False)}
    numeric = True

    def fields(self, step: Step, skippable: bool) -> dict:
        return {name: f.Typed() for name in ("age", "day", "month", "year")}

    def load(self, step: Step, answers: dict) -> dict:
        if answers.get("date_of_birth"):
            parsed = _born(answers)
            if parsed is None:  # not a date: the person is asked again
                return {"age": "", "day": "", "month": "", "year": ""}
            return {"age": "", "day": str(parsed.day), "month": str(parsed.month), "year": str(parsed.year)}
        age = answers.get(step.key)
        return {"age": str(age) if age is not None else "", "day": "", "month": "", "year": ""}

    def validate(self, step: Step, form) -> bool:
        for field in (form.age, form.day, form.month, form.year):
            field.data = (field.data or "").strip()[:10]
        form.years, form.born = None, None
        parts = [form.day.data, form.month.data, form.year.data]
        if not form.age.data and not any(parts):
            form.age.errors.append(messages.WRITE_AGE_OR_DATE)
            return False
        if form.age.data:
            if not (form.age.data.isascii() and form.age.data.isdigit()):
                form.age.errors.append(messages.AGE_NOT_A_NUMBER)
                return False
            form.years = int(form.age.data)
            if not AGES[0] <= form.years <= AGES[1]:
                form.age.errors.append(messages.AGE_OUT_OF_RANGE)
                return False
        if any(parts):
            error, form.born = self._date(parts)
            if error:
                form.day.errors.append(error)
                return False
            if form.years is not None and form.years != age_on(form.born, clock.today()):
                form.age.errors.append(messages.AGE_AND_DATE_DIFFER)
                return False
            form.years = age_on(form.born, clock.today())
        return True

    @staticmethod
    def _date(parts: list[str]):
        if not all(parts):
            return messages.DATE_INCOMPLETE, None
        if not all(part.isascii() and part.isdigit() for part in parts):
            return messages.DATE_NOT_NUMBERS, None
        day, month, year = map(int, parts)
        if len(parts[2]) != 4 or year < FIRST_YEAR:
            return messages.YEAR_FOUR_DIGITS, None
        try:
            born = date(year, month, day)
        except (ValueError, OverflowError):
            return messages.DATE_NOT_REAL, None
        if born >= clock.today():
            return messages.DATE_IN_FUTURE, None
        if age_on(born, clock.today()) > AGES[1]:
            return messages.YEAR_FOUR_DIGITS, None
        return None, born

    def read(self, step: Step, form) -> dict:
        return {step.key: form.years, "date_of_birth": form.born.isoformat() if form.born else None}

    def also_keeps(self, step: Step) -> tuple[str, ...]:
        return ("date_of_birth",)

    def chosen(self, step: Step, value) -> set[str]:
        return set()

    def number(self, step: Step, value) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        rows = [Row(str(_l("Age")), str(answers[step.key]), False)]
        if _born(answers) is not None:
            rows.append(Row(str(_l("Date of birth")), format_date(_born(answers), "d MMMM y"), False))
        return rows

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        return False


def _born(answers: dict) -> date | None:
    try:
        return date.fromisoformat(answers.get("date_of_birth"))
    except (TypeError, ValueError):
        return None


def _recent_moment(value) -> bool:
    """A moment of agreeing kept in a draft: a real time, not in the future and not long ago."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    now = clock.now()
    if (moment.tzinfo is None) != (now.tzinfo is None):
        return False
    return now - CONSENT_LASTS <= moment <= now + timedelta(minutes=5)


class Consent(Single):
    """Yes keeps the moment of agreeing at the step's key; no ends the journey (the definition's `stop`)."""

    name = "consent"

    def values(self, raw: dict) -> list[str]:
        return []

    def check(self, raw: dict) -> list[str]:
        found = super().check(raw)
        ids = [o["id"] for o in raw.get("options", [])]
        if ids != ["yes", "no"]:
            found.append(f"a {self.name} step has the answers yes and no, in that order")
        return found

    def load(self, step: Step, answers: dict) -> dict:
        return {"answer": "yes" if _recent_moment(answers.get(step.key)) else None}

    def matches(self, step: Step, kept: dict, answers: dict) -> bool:
        return super().matches(step, {k: v for k, v in kept.items() if k != step.key}, answers)

    def read(self, step: Step, form) -> dict | None:
        return {step.key: now_text()} if form.answer.data == "yes" else None

    def chosen(self, step: Step, value) -> set[str]:
        return set()

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        return [Row(step.label(voice), step.options[0].words(voice), not voice.names(step.options[0].voiced))]


class ParentConsent(Consent):
    """Consent from a parent or carer, who gives their name, kept as `<key without _at>_name`."""

    name = "parent-consent"

    @staticmethod
    def name_key(step: Step) -> str:
        return step.key.removesuffix("_at") + "_name"

    def fields(self, step: Step, skippable: bool) -> dict:
        # Made first, so its error comes first in the summary, as the name comes first on the page.
        name = f.Typed(validators=[f.text(Details.LIMITS["name"], messages.WRITE_PARENT_NAME)])
        return {"parent_name": name, **super().fields(step, skippable)}

    def load(self, step: Step, answers: dict) -> dict:
        return {**super().load(step, answers), "parent_name": answers.get(self.name_key(step)) or ""}

    def read(self, step: Step, form) -> dict | None:
        agreed = super().read(step, form)
        return None if agreed is None else {self.name_key(step): form.parent_name.data.strip(), **agreed}

    def also_keeps(self, step: Step) -> tuple[str, ...]:
        return (self.name_key(step),)

    def rows(self, step: Step, answers: dict, voice: Voice = SELF) -> list[Row]:
        return [Row(step.label(voice), answers.get(self.name_key(step)) or "", False)]

    def spoken(self, step: Step, value, voice: Voice = SELF) -> bool:
        return False


STEP_TYPES: dict[str, StepType] = {
    kind.name: kind
    for kind in (
        Single(),
        Several(),
        Readiness(),
        Text(),
        Details(),
        FamilyDetails(),
        Notice(),
        Age(),
        Consent(),
        ParentConsent(),
    )
}
