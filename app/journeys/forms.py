"""One form per step, made from its type's fields."""

from flask_wtf import FlaskForm

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
