"""One form per step, made from its type's fields."""

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import Form

from app import messages
from app.journeys.model import Step
from app.journeys.types import STEP_TYPES


class StepAnswers:
    """What a step's form adds to a WTForms form: its type's fields, checked by each field and then by the
    type as a whole, and the answers to keep."""

    step: Step

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self.kind.validate(self.step, self) and valid if valid else False

    def answers(self) -> dict | None:
        """What to keep from a checked form, by key; None when the person said no to going on."""
        return self.kind.read(self.step, self)


class StepForm(StepAnswers, FlaskForm):
    """A step's form on the site, with its CSRF token."""


def form_for(
    step: Step,
    answers: dict | None,
    posted: bool,
    skippable: bool = False,
    types=None,
    base: type = StepForm,
    formdata=None,
):
    """The step's form: filled from what was sent, or from the answers kept so far when the page is shown."""
    kind = (types or STEP_TYPES)[step.type]
    Form = type(f"{step.type.title()}Form", (base,), {"step": step, "kind": kind, **kind.fields(step, skippable)})
    if not posted:
        return Form(formdata=None, data=kind.load(step, answers or {}))
    return Form(formdata) if formdata is not None else Form()


class CheckedForm(StepAnswers, Form):
    """A step's form filled on the server from answers kept earlier, to check them again."""


def _as_sent(data: dict) -> MultiDict:
    """Form data as a browser would send it for these field values."""
    sent = MultiDict()
    for name, value in data.items():
        for one in value if isinstance(value, (list, tuple)) else [value]:
            if one is not None:
                sent.add(name, str(one))
    return sent


def recheck(step: Step, answers: dict, types=None, base: type = CheckedForm):
    """The step's form filled from the answers kept so far and checked again, as if the person had sent it:
    None when all is well, else a form of the given base with its easy-read errors."""
    kind = (types or STEP_TYPES)[step.type]
    sent = _as_sent(kind.load(step, answers))
    form = form_for(step, answers, posted=True, types=types, base=CheckedForm, formdata=sent)
    if form.validate():
        kept = form.answers()
        if kept is not None and kind.matches(step, kept, answers):
            return None
        next(iter(form)).errors.append(messages.NOT_AN_ANSWER)
    if base is CheckedForm:
        return form
    shown = form_for(step, answers, posted=True, types=types, base=base, formdata=sent)
    for field in form:
        shown[field.name].errors = list(field.errors)
    return shown


def first_wrong(steps, answers: dict, types=None):
    """The first of these steps whose kept answer no longer passes its own checks (a draft from an older page, or
    one changed outside the site): Send saves nothing until it is answered again."""
    return next((step for step in steps if recheck(step, answers, types) is not None), None)
