"""The forms for finding a person's data and confirming an erasure. Staff pages are English only, so the
messages are plain strings. Every value is checked here: what is wrong gets a message, never an error page."""

import re
from datetime import date

from flask_wtf import FlaskForm
from wtforms import StringField

from app.clock import today
from app.referrals.reference import PATTERN, normalise
from app.staff.privacy.service import Wanted

NOTHING_GIVEN = "Write a reference, an email address, a phone number, or a name and a date of birth."
REFERENCE_WRONG = "Write the reference as it was given: 8 letters and numbers, for example K7MR-4WAX."
EMAIL_WRONG = "Write an email address with an @ in it and no spaces, for example name@example.org."
PHONE_WRONG = "Write a phone number of 6 to 15 digits, for example 01632 960123."
NAME_TOO_LONG = "Write 120 letters or fewer."
NAME_NEEDS_BIRTH = "Write their date of birth too. A name on its own could be someone else."
BIRTH_NEEDS_NAME = "Write their name too, to find them by date of birth."
BIRTH_MISSING = "Write the date of birth: the day, month and year."
BIRTH_NOT_REAL = "The date of birth must be a real date, for example 14 2 1989."
BIRTH_IN_FUTURE = "The date of birth must be in the past."
CONFIRM_WRONG = "Type the reference {reference} to confirm, or go back."
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE_DIGITS = (6, 15)


def _fail(field, message: str) -> None:
    field.errors = [*field.errors, message]


def _birth(day: str, month: str, year: str) -> tuple[date | None, str | None]:
    """A date of birth from three boxes, or the message to show."""
    if not all((day, month, year)):
        return None, BIRTH_MISSING
    parts = (day, month, year)
    if not all(part.isascii() and part.isdigit() for part in parts) or len(year) != 4 or max(len(day), len(month)) > 2:
        return None, BIRTH_NOT_REAL
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None, BIRTH_NOT_REAL
    if found.year < 1900:
        return None, BIRTH_NOT_REAL
    return (None, BIRTH_IN_FUTURE) if found >= today() else (found, None)


class SearchForm(FlaskForm):
    """Any of the keys; a name only with a date of birth."""

    reference = StringField()
    email = StringField()
    phone = StringField()
    person_name = StringField()
    born_day, born_month, born_year = StringField(), StringField(), StringField()
    erase_unsent = StringField()  # "yes" from the button that deletes the answers not sent yet that these keys find

    def check(self) -> Wanted | None:
        """What to look for, or None with the errors set."""
        reference, email, phone, name = (
            (field.data or "").strip() for field in (self.reference, self.email, self.phone, self.person_name)
        )
        name = " ".join(name.split())
        born_parts = [(field.data or "").strip() for field in (self.born_day, self.born_month, self.born_year)]
        if not any((reference, email, phone, name, *born_parts)):
            _fail(self.reference, NOTHING_GIVEN)
            return None
        if reference:
            reference = normalise(reference)
            if not re.fullmatch(PATTERN, reference):
                _fail(self.reference, REFERENCE_WRONG)
        if email and (len(email) > 254 or not EMAIL.fullmatch(email)):
            _fail(self.email, EMAIL_WRONG)
        digits = re.sub(r"\D", "", phone)
        if phone and (not digits.isascii() or not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]):
            _fail(self.phone, PHONE_WRONG)
        born = None
        if any(born_parts):
            born, problem = _birth(*born_parts)
            if problem:
                _fail(self.born_day, problem)
            elif not name:
                _fail(self.person_name, BIRTH_NEEDS_NAME)
        if name and len(name) > 120:
            _fail(self.person_name, NAME_TOO_LONG)
        elif name and not any(born_parts):
            _fail(self.born_day, NAME_NEEDS_BIRTH)
        if self.errors:
            return None
        return Wanted(reference=reference, email=email, phone=phone, name=name, date_of_birth=born)


class EraseForm(FlaskForm):
    """The reference typed again, so an erasure is never one click."""

    confirm = StringField()

    def check(self, reference: str) -> bool:
        if normalise((self.confirm.data or "").strip()) != reference:
            _fail(self.confirm, CONFIRM_WRONG.format(reference=reference))
            return False
        return True
