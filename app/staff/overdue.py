"""The flag on referrals nobody has contacted in the agreed number of working days.

A referral is overdue while it is still "new" and today is after its contact_due_on date, which is set
when it is made. The same rule is a Python test for one referral and a SQL condition for the inbox."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, and_

from app.referrals.models import Referral
from app.referrals.working_days import add_working_days


def contact_due_on(made_on: date, working_days: int, holidays: Iterable[str | date] = ()) -> date:
    """The last day for first contact with a referral made on made_on."""
    return add_working_days(made_on, working_days, holidays)


def is_overdue(status: str, due_on: date, on: date) -> bool:
    """Still not contacted, and the due day has passed (on the due day itself it is not late yet)."""
    return status == "new" and on > due_on


def overdue_condition(on: date) -> ColumnElement[bool]:
    """The same rule as is_overdue, for a query."""
    return and_(Referral.status == "new", Referral.contact_due_on < on)
