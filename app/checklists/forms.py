"""Forms built from a step's definition. Validators check the shape of an answer, never the database."""
from flask_wtf import FlaskForm
from wtforms import Field, SelectMultipleField, StringField, TextAreaField, ValidationError

from app import messages
from app.checklists.definitions import Step
from app.checklists.service import MAX_TEXT


class StepForm(FlaskForm):
    """The answer field is added per step; the buttons say whether to go on, skip, or save and stop."""


def _one_of(step: Step):
    allowed = {o.id for o in step.options}

    def check(_form, field: Field) -> None:
        values = field.data if isinstance(field.data, list) else [field.data]
        values = [v for v in values if v]
        if not values:
            raise ValidationError(messages.CHOOSE_SOME_OR_SKIP if step.type == "several" else messages.CHOOSE_ONE_OR_SKIP)
        if any(v not in allowed for v in values) or (step.type != "several" and len(values) > 1):
            raise ValidationError(messages.NOT_AN_ANSWER)

    return check


def _text(_form, field: Field) -> None:
    if not (field.data or "").strip():
        raise ValidationError(messages.WRITE_OR_SKIP)
    if len(field.data) > MAX_TEXT:
        raise ValidationError(messages.TEXT_TOO_LONG)


class _Choices(SelectMultipleField):
    """Accepts what was sent as it is, so a tampered value gets our message instead of WTForms' own."""

    def pre_validate(self, form) -> None:
        pass


class _Choice(StringField):
    def process_formdata(self, valuelist) -> None:
        self.data = valuelist if len(valuelist) > 1 else (valuelist[0] if valuelist else None)


def form_for(step: Step, data: dict | None = None) -> StepForm:
    """A form with one field, 'answer', of the kind this step needs."""

    class Form(StepForm):
        pass

    if step.type == "text":
        Form.answer = TextAreaField(validators=[_text])
    elif step.type == "several":
        Form.answer = _Choices(choices=[o.id for o in step.options], validators=[_one_of(step)])
    else:
        Form.answer = _Choice(validators=[_one_of(step)])
    return Form(data=data)
