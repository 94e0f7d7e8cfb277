"""The employer's short form: plain English on one page. Checked here; nothing here looks in the database."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired, Length, Optional

from app.journeys.fields import Written

WORDS_LIMIT = 2000  # characters

GOING = (("good", _l("Well")), ("okay", _l("OK")), ("not-good", _l("Not well")))
AGAIN_CHOICES = (("yes", _l("Yes")), ("maybe", _l("Maybe")), ("no", _l("No")))
TOO_LONG = _l("Write 2000 characters or fewer.")


class EmployerForm(FlaskForm):
    rating = RadioField(
        _l("How is the placement going?"),
        choices=GOING,
        validators=[InputRequired(_l("Choose how the placement is going."))],
    )
    helped = Written(
        _l("What support helps, or would help?"), validators=[Optional(), Length(max=WORDS_LIMIT, message=TOO_LONG)]
    )
    again = RadioField(
        _l("Would you offer another placement?"),
        choices=AGAIN_CHOICES,
        validators=[InputRequired(_l("Choose whether you would offer another placement."))],
    )
    anything_else = Written(
        _l("Anything else you would like to tell us?"),
        validators=[Optional(), Length(max=WORDS_LIMIT, message=TOO_LONG)],
    )
