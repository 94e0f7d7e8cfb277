"""Every validation message in one place, so their easy-read wording is reviewed together."""
from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired


def CHOOSE_ONE():
    return InputRequired(message=_l("Choose one answer."))


CHOOSE_ONE_OR_SKIP = _l("Choose one answer. Or press Skip this question.")
CHOOSE_SOME_OR_SKIP = _l("Choose at least one answer. Or press Skip this question.")
WRITE_OR_SKIP = _l("Write an answer. Or press Skip this question.")
TEXT_TOO_LONG = _l("Write 2000 letters or fewer. Your words are still in the box.")
NOT_AN_ANSWER = _l("Choose from the answers on this page.")
CODE_NEEDED = _l("Write your code. It has 3 words and 4 numbers.")
CODE_NOT_A_CODE = _l("This is not a code from this website. Check the words and numbers.")
CODE_NOT_FOUND = _l("We cannot find checklists with this code. Check the words and numbers.")
