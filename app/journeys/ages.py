"""How old someone is on a given day: the one rule, for the age question and for a referral's age."""

from datetime import date


def age_on(born: date, day: date) -> int:
    """Whole years from the date of birth to the day."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
