"""Form fields and validators the step types share. Validators check the shape of an answer and say
what to fix in easy read; they never look in the database."""

import re

from wtforms import Field, SelectMultipleField, StringField, TextAreaField, ValidationError
from wtforms.validators import StopValidation

from app import emails, messages

EMAIL = emails.PATTERN
PHONE = re.compile(r"\+?[0-9 ()\-]+")
PHONE_DIGITS = (7, 15)  # shortest and longest phone numbers, in digits
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value):
    """Typed words without control characters, which no one means to type and pages cannot show."""
    return CONTROL.sub("", value) if isinstance(value, str) else value


class Typed(StringField):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, filters=[clean], **kwargs)


class Written(TextAreaField):
    """A longer answer in a text box."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, filters=[clean], **kwargs)


class Choice(StringField):
    """One answer from a set. Takes what was sent as it is, so a tampered value gets our own message."""

    def process_formdata(self, valuelist) -> None:
        self.data = valuelist if len(valuelist) > 1 else (valuelist[0] if valuelist else None)


class Choices(SelectMultipleField):
    """Accepts what was sent as it is, so a tampered value gets our message instead of WTForms' own."""

    def pre_validate(self, form) -> None:
        pass


def one_of(allowed: set[str], missing):
    def check(_form, field: Field) -> None:
        if not field.data:
            raise ValidationError(missing)
        if not isinstance(field.data, str) or field.data not in allowed:
            raise ValidationError(messages.NOT_AN_ANSWER)

    return check


def some_of(allowed: set[str], missing):
    def check(_form, field: Field) -> None:
        values = [v for v in field.data or [] if v]
        if not values:
            raise ValidationError(missing)
        if any(v not in allowed for v in values):
            raise ValidationError(messages.NOT_AN_ANSWER)
        if "none" in values and len(values) > 1:
            raise ValidationError(messages.NONE_AND_OTHERS)

    return check


def text(limit: int, required=None, pattern=None, invalid=None, too_long=None):
    """Typed words: needed unless `required` is None, no longer than the limit, and of the right shape."""

    def check(_form, field: Field) -> None:
        value = (field.data or "").strip()
        if not value and required is not None:
            raise StopValidation(required)
        if len(value if too_long is None else field.data or "") > limit:
            raise StopValidation(too_long or messages.too_long(limit))
        if value and pattern is not None and not pattern.fullmatch(value):
            raise StopValidation(invalid)

    return check


def phone_number(_form, field: Field) -> None:
    """Digits, spaces, brackets, dashes and a leading plus: what people write a phone number with."""
    value = (field.data or "").strip()
    digits = sum(ch.isdigit() for ch in value)
    if value and not (PHONE.fullmatch(value) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
        raise ValidationError(messages.PHONE_NOT_VALID)
