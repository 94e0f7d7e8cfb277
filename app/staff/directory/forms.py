"""The easy-read, details and opening-times forms. Staff pages are English only, so the messages are plain strings; the form checks
its choices against the lists it is given, never the database."""

import re

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField

from app.emails import is_email
from app.pathways.schedule_words import DAYS
from app.staff.directory.details import Details, good_url
from app.staff.directory.service import EasyRead
from app.staff.directory.times import Week, clock_time

LONGEST = 2000  # characters in one easy-read text
WRITE_SUMMARY_EN = "Write the easy-read summary in English."
WRITE_SUMMARY_CY = "Write the easy-read summary in Welsh."
TOO_LONG = f"Write {LONGEST:,} characters or fewer. Easy read is short."
CHOOSE_SYMBOL = "Choose a symbol from the list."
CHOOSE_STEP = "Choose a step from the list."
CHOOSE_KIND = "Choose kinds of help from the list."


class _Free(RadioField):
    """Checked by the form's own rules, so a tampered value gets our message. The page draws the choices."""

    def pre_validate(self, form) -> None:
        pass


class _FreeMany(SelectMultipleField):
    def pre_validate(self, form) -> None:
        pass


def _fail(field, message: str) -> None:
    field.errors = [*field.errors, message]


class EasyReadForm(FlaskForm):
    summary_en = TextAreaField()
    summary_cy = TextAreaField()
    who_for_en = TextAreaField()
    who_for_cy = TextAreaField()
    symbol = _Free()
    step = _Free()
    kinds = _FreeMany()

    def fill(self, values: EasyRead) -> None:
        for name in ("summary_en", "summary_cy", "who_for_en", "who_for_cy", "symbol", "step"):
            getattr(self, name).data = getattr(values, name)
        self.kinds.data = list(values.kinds)

    def typed(self) -> EasyRead:
        """What was typed and chosen, tidied, whether or not it is valid."""
        return EasyRead(
            *(
                (getattr(self, name).data or "").strip()
                for name in ("summary_en", "summary_cy", "who_for_en", "who_for_cy")
            ),
            symbol=self.symbol.data or "",
            step=self.step.data or "",
            kinds=tuple(sorted(set(self.kinds.data or ()))),
        )

    def check(self, symbols, steps, kinds) -> EasyRead | None:
        """The values to save, or None with the errors set."""
        values = self.typed()
        if not values.summary_en:
            _fail(self.summary_en, WRITE_SUMMARY_EN)
        if not values.summary_cy:
            _fail(self.summary_cy, WRITE_SUMMARY_CY)
        for name in ("summary_en", "summary_cy", "who_for_en", "who_for_cy"):
            if len(getattr(values, name)) > LONGEST:
                _fail(getattr(self, name), TOO_LONG)
        if values.symbol not in symbols:
            _fail(self.symbol, CHOOSE_SYMBOL)
        if values.step and values.step not in steps:
            _fail(self.step, CHOOSE_STEP)
        if any(kind not in kinds for kind in values.kinds):
            _fail(self.kinds, CHOOSE_KIND)
        return None if any(field.errors for field in self) else values


NAME_NEEDED = "Write the service's name."
NAME_TOO_LONG = "Write 255 characters or fewer."
EMAIL_WRONG = "Write an email address like name@example.org, or leave the box empty."
URL_WRONG = "Write a whole web address, starting https://, or leave the box empty."
PHONE_WRONG = "Write a phone number with digits, or leave the box empty."
AGE_WRONG = "Write an age in years, from 0 to 120, or leave the box empty."
AGES_WRONG = "The youngest age must not be more than the oldest age."
PHONE = re.compile(r"\+?[0-9 ()-]{6,30}")


def _age(field) -> tuple[bool, int | None]:
    text = (field.data or "").strip()
    if not text:
        return True, None
    if text.isascii() and text.isdigit() and int(text) <= 120:
        return True, int(text)
    _fail(field, AGE_WRONG)
    return False, None


class DetailsForm(FlaskForm):
    name = StringField()
    name_cy = StringField()
    description = TextAreaField()
    description_cy = TextAreaField()
    eligibility_description = TextAreaField()
    email = StringField()
    url = StringField()
    phone = StringField()
    minimum_age = StringField()
    maximum_age = StringField()

    def fill(self, values: Details) -> None:
        for field in self:
            if field.name != "csrf_token":
                value = getattr(values, field.name)
                field.data = "" if value is None else str(value)

    def check(self) -> Details | None:
        """The values to save, or None with the errors set."""
        text = {
            name: (getattr(self, name).data or "").strip()
            for name in (
                "name",
                "name_cy",
                "description",
                "description_cy",
                "eligibility_description",
                "email",
                "url",
                "phone",
            )
        }
        if not text["name"]:
            _fail(self.name, NAME_NEEDED)
        for name in ("name", "name_cy"):
            if len(text[name]) > 255:
                _fail(getattr(self, name), NAME_TOO_LONG)
        for name in ("description", "description_cy", "eligibility_description"):
            if len(text[name]) > 4 * LONGEST:
                _fail(getattr(self, name), f"Write {4 * LONGEST:,} characters or fewer.")
        if text["email"] and not is_email(text["email"]):
            _fail(self.email, EMAIL_WRONG)
        if text["url"] and (len(text["url"]) > 500 or not good_url(text["url"])):
            _fail(self.url, URL_WRONG)
        if text["phone"] and not PHONE.fullmatch(text["phone"]):
            _fail(self.phone, PHONE_WRONG)
        (young_ok, youngest), (old_ok, oldest) = _age(self.minimum_age), _age(self.maximum_age)
        if young_ok and old_ok and youngest is not None and oldest is not None and youngest > oldest:
            _fail(self.minimum_age, AGES_WRONG)
        if any(field.errors for field in self):
            return None
        return Details(**text, minimum_age=youngest, maximum_age=oldest)


TIME_WRONG = "Write the time like 09:30 or 17:00."
TIME_HALF = "Write both times for this day, or leave both empty."
TIME_ORDER = "The closing time must be after the opening time."
NOTES_TOO_LONG = "Write 500 characters or fewer."
CHOOSE_REMOVE = "Choose times to remove from the list."


class TimesForm(FlaskForm):
    """A week of opening and closing times: `opens_MO`, `closes_MO` and so on, made below for each day."""

    notes = TextAreaField()
    remove = _FreeMany()

    def fill(self, week: Week) -> None:
        for day in DAYS:
            opens, closes = week.times.get(day, ("", ""))
            self[f"opens_{day}"].data, self[f"closes_{day}"].data = opens, closes
        self.notes.data = week.notes

    def check(self, removable: set[str]) -> tuple[Week, set[str]] | None:
        """The week and the other rules to remove, or None with the errors set."""
        times = {}
        for day in DAYS:
            opens_field, closes_field = self[f"opens_{day}"], self[f"closes_{day}"]
            typed = [(opens_field.data or "").strip(), (closes_field.data or "").strip()]
            if not any(typed):
                continue
            if not all(typed):
                _fail(opens_field if not typed[0] else closes_field, TIME_HALF)
                continue
            opens, closes = clock_time(typed[0]), clock_time(typed[1])
            for field, value in ((opens_field, opens), (closes_field, closes)):
                if value is None:
                    _fail(field, TIME_WRONG)
            if opens and closes:
                if closes <= opens:
                    _fail(closes_field, TIME_ORDER)
                else:
                    times[day] = (opens, closes)
        notes = " ".join((self.notes.data or "").split())
        if len(notes) > 500:
            _fail(self.notes, NOTES_TOO_LONG)
        remove = set(self.remove.data or [])
        if not remove <= removable:
            _fail(self.remove, CHOOSE_REMOVE)
        if any(field.errors for field in self):
            return None
        return Week(times, notes), remove


for _day in DAYS:
    setattr(TimesForm, f"opens_{_day}", StringField())
    setattr(TimesForm, f"closes_{_day}", StringField())
