"""Every validation message in one place, so their easy-read wording is reviewed together."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
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

# Ask for help
CHOOSE_AT_LEAST_ONE = _l("Choose at least one answer.")
CHOOSE_YES_OR_NO = _l("Choose yes or no.")
NONE_AND_OTHERS = _l("Choose the things that help, or choose none of these. Not both.")
WRITE_YOUR_NAME = _l("Write your name.")
WRITE_ORGANISATION = _l("Write the name of your team or place of work.")
WRITE_ROLE = _l("Write your job.")
WRITE_WORK_EMAIL = _l("Write your work email address.")
EMAIL_NOT_VALID = _l("Write an email address like name@example.com.")
PHONE_NOT_VALID = _l("Write a phone number in numbers, like 07700 900123.")
WRITE_AGE_OR_DATE = _l("Write an age or a date of birth.")
AGE_NOT_A_NUMBER = _l("Write the age in numbers, like 19.")
AGE_OUT_OF_RANGE = _l("Write an age from 1 to 120.")
DATE_INCOMPLETE = _l("Write the day, the month and the year.")
DATE_NOT_NUMBERS = _l("Write the date in numbers, like 27 3 2007.")
DATE_NOT_REAL = _l("This date does not exist. Check the day and the month.")
DATE_IN_FUTURE = _l("The date of birth must be in the past.")
YEAR_FOUR_DIGITS = _l("Write the year with 4 numbers, like 2007.")
AGE_AND_DATE_DIFFER = _l("The age and the date of birth do not match. Write just one.")
WRITE_PARENT_NAME = _l("Write the name of the parent or carer.")
WRITE_RELATIONSHIP = _l("Write how you know the person. For example, mother.")
WRITE_PHONE_OR_EMAIL = _l("Write a phone number or an email.")

# Where is my request?
WRITE_REFERENCE = _l("Write your reference. It has 8 letters and numbers.")
WRITE_CODE_OR_DATE = _l("Write your code or your date of birth.")
REQUEST_NOT_FOUND = _l("We could not find your request. Check your reference and your code or date of birth.")


def too_long(limit: int) -> str:
    """Made when the form is checked, so the count is said the right way in each language."""
    return ngettext(
        "Write %(num)s letter or fewer. Your words are still in the box.",
        "Write %(num)s letters or fewer. Your words are still in the box.",
        limit,
    )


def codes_wait(minutes: int) -> str:
    """Too many codes that do not work from here: how long to wait, and what to do."""
    return ngettext(
        "You have tried lots of codes that do not work. Wait %(num)s minute. Then try again. "
        "Check your code with the person who gave it to you.",
        "You have tried lots of codes that do not work. Wait %(num)s minutes. Then try again. "
        "Check your code with the person who gave it to you.",
        minutes,
    )
