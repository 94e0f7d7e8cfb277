"""The questions of the ask-for-help journey, as data: their order, when each one applies, what it
fills in, its words and its answers. One generic route walks them (see routes.py)."""
from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

UNDER_PARENT_CONSENT_AGE = 16  # under this age a parent or carer must agree too

# Longest answers, in characters: the referral table's columns, or less, so the whole draft fits in a 4 KB cookie.
NAME_LIMIT = 120
EMAIL_LIMIT = 254
PHONE_LIMIT = 40
LANGUAGE_LIMIT = 60
ADDRESS_LIMIT = 300
MESSAGE_LIMIT = 500


def _always(answers: dict, has_plan: bool) -> bool:
    return True


def _professional(answers: dict, has_plan: bool) -> bool:
    return answers.get("asker") == "professional"


def _method(*methods: str) -> Callable[[dict, bool], bool]:
    def applies(answers: dict, has_plan: bool) -> bool:
        return any(m in (answers.get("contact_methods") or []) for m in methods)
    return applies


def _interpreter(answers: dict, has_plan: bool) -> bool:
    return "interpreter" in (answers.get("needs") or [])


def _under_16(answers: dict, has_plan: bool) -> bool:
    age = answers.get("age")
    return isinstance(age, int) and age < UNDER_PARENT_CONSENT_AGE


def _has_plan(answers: dict, has_plan: bool) -> bool:
    return has_plan


@dataclass(frozen=True)
class TextInput:
    """How a typed answer is asked for: the input's type and the browser's autofill hint."""
    type: str = "text"
    autocomplete: str = "off"  # when the person asks for themselves; for someone else it is always off
    multiline: bool = False
    inputmode: str | None = None
    spellcheck: bool = True


@dataclass(frozen=True)
class Step:
    id: str
    kind: str  # choice, several, text, details, age, consent, parent-consent
    key: str  # the draft answer this step fills; the step is answered once the key is there
    question: tuple  # (asked of the person, asked of someone else)
    concept: str
    hint: tuple | None = None
    options: tuple = ()  # (value, label, symbol)
    applies: Callable[[dict, bool], bool] = _always
    limit: int = NAME_LIMIT
    required: object = None  # the message when a needed answer is missing
    text_input: TextInput = field(default_factory=TextInput)
    check_label: object = None  # the label on the check page


# Inputs on pages that ask more than one thing.
EXTRA_INPUTS = {"email": TextInput("email", "email", spellcheck=False), "number": TextInput(inputmode="numeric", spellcheck=False)}

STEPS: tuple[Step, ...] = (
    Step("who", "choice", "asker", (_l("Who is asking for help?"),) * 2, "ask-for-help",
         options=(("self", _l("I am asking for myself"), "person"),
                  ("family", _l("I am a family member or carer"), "family"),
                  ("professional", _l("I work with the person, for example at a school"), "staff")),
         check_label=_l("Who is asking")),
    Step("where-you-work", "choice", "professional_kind", (_l("Where do you work?"),) * 2, "organisation",
         options=(("school", _l("A school"), "school"), ("college", _l("A college"), "college"),
                  ("social-worker", _l("Social services"), "helping"), ("job-centre", _l("A job centre"), "work"),
                  ("health", _l("Health services"), "health")),
         applies=_professional, check_label=_l("Where you work")),
    Step("your-details", "details", "asker_name", (_l("About you"),) * 2, "staff",
         hint=(_l("We need these to get in touch with you."),) * 2, applies=_professional),
    Step("name", "text", "person_name", (_l("What is your name?"), _l("What is the name of the person who needs help?")),
         "person", required=_l("Write a name."), text_input=TextInput(autocomplete="name", spellcheck=False),
         check_label=_l("Name")),
    Step("age", "age", "age", (_l("How old are you?"), _l("How old is the person?")), "age",
         hint=(_l("Write your age or your date of birth."), _l("Write their age or their date of birth."))),
    Step("area", "text", "area", (_l("Where do you live?"), _l("Where does the person live?")), "location",
         hint=(_l("Write a town, an area or a postcode."),) * 2, required=_l("Write a place name or a postcode."),
         text_input=TextInput(autocomplete="postal-code", spellcheck=False), check_label=_l("Where they live")),
    Step("contact-ways", "several", "contact_methods",
         (_l("How should the service contact you?"), _l("How should the service contact the person?")), "speak",
         hint=(_l("You can choose more than one."),) * 2,
         options=(("phone", _l("Phone call"), "phone"), ("text", _l("Text message"), "mobile"),
                  ("email", _l("Email"), "email"), ("letter", _l("Letter"), "letter")),
         check_label=_l("Ways to contact")),
    Step("phone-number", "text", "phone", (_l("What phone number should they use?"),) * 2, "phone",
         hint=(_l("For example, 07700 900123."),) * 2, applies=_method("phone", "text"), limit=PHONE_LIMIT,
         required=_l("Write a phone number."), text_input=TextInput("tel", "tel", inputmode="tel", spellcheck=False),
         check_label=_l("Phone number")),
    Step("email-address", "text", "email", (_l("What email address should they use?"),) * 2, "email",
         applies=_method("email"), limit=EMAIL_LIMIT, required=_l("Write an email address."),
         text_input=TextInput("email", "email", spellcheck=False), check_label=_l("Email address")),
    Step("postal-address", "text", "address", (_l("What address should they send letters to?"),) * 2, "letter",
         hint=(_l("Write the house number, the street, the town and the postcode."),) * 2, applies=_method("letter"),
         limit=ADDRESS_LIMIT, required=_l("Write an address for letters."),
         text_input=TextInput(autocomplete="street-address", multiline=True, spellcheck=False),
         check_label=_l("Address for letters")),
    Step("contact-times", "several", "contact_times",
         (_l("When is a good time to contact you?"), _l("When is a good time to contact the person?")), "clock",
         hint=(_l("You can choose more than one."),) * 2,
         options=(("morning", _l("In the morning"), "clock"), ("afternoon", _l("In the afternoon"), "clock"),
                  ("evening", _l("In the evening"), "clock"), ("any-time", _l("Any time"), "calendar")),
         check_label=_l("Good times to contact")),
    Step("communication", "several", "needs",
         (_l("What helps you talk with the service?"), _l("What helps the person talk with the service?")), "speak",
         hint=(_l("You can choose more than one."),) * 2,
         options=(("easy-read", _l("Easy read"), "easy-read"), ("bsl", _l("British Sign Language (BSL)"), "sign-language"),
                  ("interpreter", _l("An interpreter for another language"), "interpreter"),
                  ("someone-with-me", _l("Someone I know to be with me"), "people"),
                  ("none", _l("I do not need any of these"), "no")),
         check_label=_l("Help to talk")),
    Step("interpreter-language", "text", "interpreter_language",
         (_l("Which language do you speak?"), _l("Which language does the person speak?")), "interpreter",
         hint=(_l("The interpreter will speak this language."),) * 2, applies=_interpreter, limit=LANGUAGE_LIMIT,
         required=_l("Write a language."), check_label=_l("Language for the interpreter")),
    Step("consent", "consent", "consent_at",
         (_l("Do you agree to share your answers?"), _l("Does the person agree to share their answers?")), "consent",
         options=(("yes", _l("Yes, I agree"), "yes"), ("no", _l("No, I do not agree"), "no")),
         check_label=_l("Agreed to share the answers")),
    Step("parent-consent", "parent-consent", "parent_consent_at", (_l("Does the parent or carer agree?"),) * 2,
         "family", options=(("yes", _l("Yes, they agree"), "yes"), ("no", _l("No, they do not agree"), "no")),
         applies=_under_16, check_label=_l("Parent or carer who agreed")),
    Step("work-plan", "choice", "send_plan", (_l("Send My work plan with your request?"),) * 2, "plan",
         hint=(_l("Your plan helps the service to know what you want."),
               _l("Only say yes if the person agrees.")),
         options=(("yes", _l("Yes, send the plan"), "yes"), ("no", _l("No, do not send it"), "no")),
         applies=_has_plan, check_label=_l("Send My work plan")),
    Step("anything-else", "text", "message",
         (_l("Is there anything else you want to tell the service?"),) * 2, "pencil",
         hint=(_l("You do not have to write anything."),) * 2, limit=MESSAGE_LIMIT,
         text_input=TextInput(multiline=True), check_label=_l("Anything else")),
)
STEP_IDS = {step.id: step for step in STEPS}


def asked_of_person(answers: dict) -> bool:
    """Questions say "you" to the person, and "the person" to a family member or a worker."""
    return answers.get("asker") in (None, "self")


def words(pair: tuple | None, answers: dict) -> str | None:
    if pair is None:
        return None
    return str(pair[0] if asked_of_person(answers) else pair[1])


def applicable(answers: dict, has_plan: bool) -> list[Step]:
    return [step for step in STEPS if step.applies(answers, has_plan)]


def first_missing(answers: dict, has_plan: bool) -> Step | None:
    """The first question that applies and has no answer yet: where to carry on."""
    return next((step for step in applicable(answers, has_plan) if step.key not in answers), None)


def previous(step: Step, answers: dict, has_plan: bool) -> Step | None:
    steps = applicable(answers, has_plan)
    before = [s for s in STEPS[: STEPS.index(step)] if s in steps]
    return before[-1] if before else None


def following(step: Step, answers: dict, has_plan: bool) -> Step | None:
    steps = applicable(answers, has_plan)
    later = [s for s in STEPS[STEPS.index(step) + 1:] if s in steps]
    return later[0] if later else None


def position(step: Step, answers: dict, has_plan: bool) -> tuple[int, int]:
    """(this question's number, how many questions) for the progress line."""
    steps = applicable(answers, has_plan)
    number = len([s for s in STEPS[: STEPS.index(step)] if s in steps]) + 1
    return number, max(len(steps), number)
