"""The form for each question. Validators check the shape of an answer and say what to fix in easy read;
they never look in the database. Each form reads its answers from the draft and writes them back."""
import re
from datetime import date

from flask_wtf import FlaskForm
from wtforms import Field, SelectMultipleField, StringField, ValidationError
from wtforms.validators import StopValidation

from app import messages
from app.referrals import steps
from app.referrals.service import age_on
from app.referrals.steps import Step

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
PHONE = re.compile(r"\+?[0-9 ()\-]+")
PHONE_DIGITS = (7, 15)  # shortest and longest phone numbers, in digits
AGES = (1, 120)  # years
FIRST_YEAR = 1900


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value):
    """Typed words without control characters, which no one means to type and pages cannot show."""
    return CONTROL.sub("", value) if isinstance(value, str) else value


class Typed(StringField):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, filters=[clean], **kwargs)


class Choice(StringField):
    """One answer from a set. Takes what was sent as it is, so a tampered value gets our own message."""

    def process_formdata(self, valuelist) -> None:
        self.data = valuelist if len(valuelist) > 1 else (valuelist[0] if valuelist else None)


class Choices(SelectMultipleField):
    def pre_validate(self, form) -> None:
        pass


def one_of(options, missing):
    allowed = {value for value, _, _ in options}

    def check(_form, field: Field) -> None:
        if not field.data:
            raise ValidationError(missing)
        if not isinstance(field.data, str) or field.data not in allowed:
            raise ValidationError(messages.NOT_AN_ANSWER)

    return check


def some_of(options):
    allowed = {value for value, _, _ in options}

    def check(_form, field: Field) -> None:
        values = [v for v in field.data or [] if v]
        if not values:
            raise ValidationError(messages.CHOOSE_AT_LEAST_ONE)
        if any(v not in allowed for v in values):
            raise ValidationError(messages.NOT_AN_ANSWER)
        if "none" in values and len(values) > 1:
            raise ValidationError(messages.NONE_AND_OTHERS)

    return check


def text(limit: int, required=None, pattern=None, invalid=None):
    """Typed words: needed unless `required` is None, no longer than the column, and of the right shape."""

    def check(_form, field: Field) -> None:
        value = (field.data or "").strip()
        if not value and required is not None:
            raise StopValidation(required)
        if len(value) > limit:
            raise StopValidation(messages.too_long(limit))
        if value and pattern is not None and not pattern.fullmatch(value):
            raise StopValidation(invalid)

    return check


def phone_number(_form, field: Field) -> None:
    """Digits, spaces, brackets, dashes and a leading plus: what people write a phone number with."""
    value = (field.data or "").strip()
    digits = sum(ch.isdigit() for ch in value)
    if value and not (PHONE.fullmatch(value) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
        raise ValidationError(messages.PHONE_NOT_VALID)


class StepForm(FlaskForm):
    """A question's form: `load` fills it from the draft's answers, `answers` gives what to keep."""

    step: Step

    def load(self, answers: dict) -> None:
        raise NotImplementedError

    def answers(self) -> dict:
        raise NotImplementedError


class ChoiceForm(StepForm):
    answer = Choice()

    def load(self, answers: dict) -> None:
        self.answer.data = answers.get(self.step.key)

    def answers(self) -> dict:
        return {self.step.key: self.answer.data}


class SeveralForm(StepForm):
    answer = Choices()

    def load(self, answers: dict) -> None:
        saved = answers.get(self.step.key)
        self.answer.data = (saved or ["none"]) if saved is not None else []

    def answers(self) -> dict:
        return {self.step.key: [v for v in self.answer.data if v != "none"]}


class TextForm(StepForm):
    answer = Typed()

    def load(self, answers: dict) -> None:
        self.answer.data = answers.get(self.step.key) or ""

    def answers(self) -> dict:
        return {self.step.key: (self.answer.data or "").strip()}


class DetailsForm(StepForm):
    """A worker's own name, organisation, job and work email: they may be contacted about the request."""

    asker_name = Typed(validators=[text(steps.NAME_LIMIT, messages.WRITE_YOUR_NAME)])
    asker_organisation = Typed(validators=[text(steps.NAME_LIMIT, messages.WRITE_ORGANISATION)])
    asker_role = Typed(validators=[text(steps.NAME_LIMIT, messages.WRITE_ROLE)])
    asker_email = Typed(validators=[text(steps.EMAIL_LIMIT, messages.WRITE_WORK_EMAIL, EMAIL, messages.EMAIL_NOT_VALID)])
    FIELDS = ("asker_name", "asker_organisation", "asker_role", "asker_email")

    def load(self, answers: dict) -> None:
        for name in self.FIELDS:
            self[name].data = answers.get(name) or ""

    def answers(self) -> dict:
        return {name: (self[name].data or "").strip() for name in self.FIELDS}


class AgeForm(StepForm):
    """An age, or a date of birth in three boxes: people know one or the other."""

    age = Typed()
    day = Typed()
    month = Typed()
    year = Typed()
    born: date | None = None
    years: int | None = None

    def load(self, answers: dict) -> None:
        born = answers.get("date_of_birth")
        if born:
            parsed = date.fromisoformat(born)
            self.day.data, self.month.data, self.year.data = str(parsed.day), str(parsed.month), str(parsed.year)
            self.age.data = ""
        else:
            self.age.data = str(answers["age"]) if answers.get("age") is not None else ""
            self.day.data = self.month.data = self.year.data = ""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in (self.age, self.day, self.month, self.year):
            field.data = (field.data or "").strip()[:10]
        parts = [self.day.data, self.month.data, self.year.data]
        if not self.age.data and not any(parts):
            self.age.errors.append(messages.WRITE_AGE_OR_DATE)
            return False
        if self.age.data:
            if not self.age.data.isdigit():
                self.age.errors.append(messages.AGE_NOT_A_NUMBER)
                return False
            self.years = int(self.age.data)
            if not AGES[0] <= self.years <= AGES[1]:
                self.age.errors.append(messages.AGE_OUT_OF_RANGE)
                return False
        if any(parts):
            error = self._date_error(parts)
            if error:
                self.day.errors.append(error)
                return False
            if self.years is not None and self.years != age_on(self.born, date.today()):
                self.age.errors.append(messages.AGE_AND_DATE_DIFFER)
                return False
            self.years = age_on(self.born, date.today())
        return valid

    def _date_error(self, parts: list[str]):
        if not all(parts):
            return messages.DATE_INCOMPLETE
        if not all(part.isdigit() for part in parts):
            return messages.DATE_NOT_NUMBERS
        day, month, year = map(int, parts)
        if len(parts[2]) != 4 or year < FIRST_YEAR:
            return messages.YEAR_FOUR_DIGITS
        try:
            self.born = date(year, month, day)
        except (ValueError, OverflowError):
            return messages.DATE_NOT_REAL
        if self.born >= date.today():
            return messages.DATE_IN_FUTURE
        if age_on(self.born, date.today()) > AGES[1]:
            return messages.YEAR_FOUR_DIGITS
        return None

    def answers(self) -> dict:
        return {"age": self.years, "date_of_birth": self.born.isoformat() if self.born else None}


class ConsentForm(ChoiceForm):
    """Yes keeps the moment of agreeing; no ends the journey (see routes)."""

    def load(self, answers: dict) -> None:
        self.answer.data = "yes" if answers.get(self.step.key) else None

    def agreed(self) -> bool:
        return self.answer.data == "yes"


class ParentConsentForm(ConsentForm):
    parent_name = Typed(validators=[text(steps.NAME_LIMIT, messages.WRITE_PARENT_NAME)])

    def load(self, answers: dict) -> None:
        super().load(answers)
        self.parent_name.data = answers.get("parent_consent_name") or ""


FORMS = {"choice": ChoiceForm, "several": SeveralForm, "text": TextForm, "details": DetailsForm, "age": AgeForm,
         "consent": ConsentForm, "parent-consent": ParentConsentForm}


def form_for(step: Step, answers: dict, posted: bool) -> StepForm:
    """The step's form: filled from what was sent, or from the draft when the page is shown."""

    class Form(FORMS[step.kind]):
        pass

    Form.step = step
    if step.kind in ("choice", "consent", "parent-consent"):
        missing = messages.CHOOSE_YES_OR_NO if step.options[0][0] == "yes" else messages.CHOOSE_ONE().message
        Form.answer = Choice(validators=[one_of(step.options, missing)])
    elif step.kind == "several":
        Form.answer = Choices(choices=[value for value, _, _ in step.options], validators=[some_of(step.options)])
    elif step.kind == "text":
        pattern, invalid = {"email": (EMAIL, messages.EMAIL_NOT_VALID)}.get(step.text_input.type, (None, None))
        validators = [text(step.limit, step.required, pattern, invalid)]
        if step.text_input.type == "tel":
            validators.append(phone_number)
        Form.answer = Typed(validators=validators)
    form = Form() if posted else Form(formdata=None)
    if not posted:
        form.load(answers)
    return form
