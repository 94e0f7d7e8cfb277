"""The forms for school mode: adding a pupil with their consent, and opening a pupil's checklists again.
Staff pages are English only, so the messages are plain strings."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField

from app.checklists.for_staff import normalise_code

YEAR_GROUPS = {
    "year-9": "Year 9",
    "year-10": "Year 10",
    "year-11": "Year 11",
    "year-12": "Year 12",
    "year-13": "Year 13",
    "year-14": "Year 14",
    "college": "College",
}
UNDER_16_YEARS = ("year-9", "year-10")  # every pupil in these years is under 16
CONSENT_BY = {"pupil": "The pupil", "pupil-and-parent": "The pupil and a parent or carer"}

ENTER_NAME = "Write the pupil's name."
NAME_TOO_LONG = "Write 120 letters or fewer."
CHOOSE_YEAR = "Choose the pupil's year group."
CHOOSE_CONSENT = "Choose who agreed."
PARENT_NEEDED = "Pupils in Year 9 and Year 10 are under 16. A parent or carer must agree too."
CONFIRM_CONSENT = "Tick the box to confirm the pupil agreed. Without this, the checklists cannot start."
CODE_WRONG = "This is not the pupil's code. Check the 3 words and 4 numbers, or leave the box empty."


class _Choice(RadioField):
    """Checked by the form's own rules, so a tampered value gets our message, not WTForms' own.
    The page draws the choices itself."""

    def pre_validate(self, form) -> None:
        pass


def _fail(field, message: str) -> None:
    field.errors = [*field.errors, message]


class PupilForm(FlaskForm):
    pupil_name = StringField()
    year_group = _Choice()
    consent_by = _Choice()
    agreed = BooleanField()

    def check(self) -> dict | None:
        """The values to save, or None with the errors set."""
        name = (self.pupil_name.data or "").strip()
        if not name:
            _fail(self.pupil_name, ENTER_NAME)
        elif len(name) > 120:
            _fail(self.pupil_name, NAME_TOO_LONG)
        if self.year_group.data not in YEAR_GROUPS:
            _fail(self.year_group, CHOOSE_YEAR)
        if self.consent_by.data not in CONSENT_BY:
            _fail(self.consent_by, CHOOSE_CONSENT)
        elif self.consent_by.data == "pupil" and self.year_group.data in UNDER_16_YEARS:
            _fail(self.consent_by, PARENT_NEEDED)
        if not self.agreed.data:
            _fail(self.agreed, CONFIRM_CONSENT)
        if self.errors:
            return None
        return {"pupil_name": name, "year_group": self.year_group.data, "consent_by": self.consent_by.data}


class CarryOnForm(FlaskForm):
    """The pupil's code, if they have it. Left empty, the pupil gets a new code."""

    code = StringField()

    def check(self) -> str | None:
        """The code in its usual form, "" for none, or None with the error set."""
        typed = (self.code.data or "").strip()
        if not typed:
            return ""
        code = normalise_code(typed)
        if code is None:
            _fail(self.code, CODE_WRONG)
        return code
