"""Forms on a referral's pages. They check the shape of what was sent; the workflow rules are checked
against the referral by the routes, with app.staff.referral.workflow."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField, ValidationError

from app.staff.referral.service import NOTE_MAX


class _Text(StringField):
    """Keeps what was sent as text, so a tampered value gets our message, not an error."""

    def process_formdata(self, valuelist) -> None:
        self.data = (valuelist[0] if valuelist else "").strip()[:100]


class StatusForm(FlaskForm):
    status = _Text()
    reason = _Text()


def _note(_form, field) -> None:
    if not (field.data or "").strip():
        raise ValidationError("Write a note before you save it.")
    if len(field.data) > NOTE_MAX:
        raise ValidationError(
            f"Write {NOTE_MAX} characters or fewer. You wrote {len(field.data)}. Your words are still in the box."
        )


class NoteForm(FlaskForm):
    note = TextAreaField(validators=[_note])


class SignpostForm(FlaskForm):
    service = _Text()
    reason = _Text()


class ShareAnswerForm(FlaskForm):
    answer = _Text()  # "yes" or "no": what the person said on the phone
    back_to = _Text()  # the reference of the page the form was on
