"""Every validation message in one place, so their easy-read wording is reviewed together."""
from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired


def CHOOSE_ONE():
    return InputRequired(message=_l("Choose one answer."))
