"""The forms for recording a job start and an hours check-in. Staff pages are English only, so the
messages are plain strings. Dates are three boxes (day, month, year) and numbers are typed, so every
value is parsed here: a wrong date or number gets an easy message, never an error page."""

import calendar
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from flask_wtf import FlaskForm
from wtforms import Field, RadioField, StringField

from app import emails

MAX_HOURS = Decimal(80)  # hours a week
MAX_PAY = Decimal(500)  # pounds an hour
MAX_PERIOD_DAYS = 186  # one check-in covers at most about 6 months

ENTER_EMPLOYER = "Write the name of the employer."
ENTER_TITLE = "Write the job title."
TOO_LONG = "Write 120 letters or fewer."
CHOOSE_PAID = "Choose paid or unpaid."
CHOOSE_APPRENTICESHIP = "Choose yes or no: is the job an apprenticeship?"
CHOOSE_EVIDENCE = "Choose how you know these hours."
ENTER_HOURS = "Write the hours a week, for example 16 or 15.5."
HOURS_RANGE = "Hours a week must be a number from 0 to 80, for example 16 or 15.5."
ENTER_PAY = "Write the pay for each hour in pounds, for example 12.71."
PAY_RANGE = "Pay for each hour must be a number of pounds from 0 to 500, for example 12.71."
DATE_MISSING = "Write the {what}: the day, month and year."
DATE_NOT_REAL = "The {what} must be a real date, for example 6 4 2026."
END_BEFORE_START = "The job cannot end before it started. Check the end date."
CHOOSE_JOB = "Choose the job."
CHOOSE_PERIOD = "Choose how long the check-in is for."
TO_BEFORE_FROM = "The last day must be the same as or after the first day."
PERIOD_TOO_LONG = "A check-in can be for up to 6 months. Record longer times as more than one check-in."
NOT_IN_JOB = "These dates are not while the job was going. Check the dates or the job."
IN_FUTURE = "A check-in is for hours already worked. The first day must be today or before."
EMPLOYER_EMAIL_NOT_VALID = "Write the employer's email address like name@example.com, or leave it empty."

NO_JOB_ENDED = "none"
PERIODS = {"week": "One week", "month": "One month", "dates": "From one date to another"}
EVIDENCE = {"payslip": "I saw a payslip", "employer": "The employer told us", "person": "The person told us"}


def parse_date(day: str | None, month: str | None, year: str | None, what: str) -> tuple[date | None, str | None]:
    """A date from three boxes, or the message to show. Years are 4 digits from 2000."""
    parts = [(value or "").strip() for value in (day, month, year)]
    if not all(parts):
        return None, DATE_MISSING.format(what=what)
    digits = all(part.isdigit() and part.isascii() for part in parts)
    if not digits or max(len(parts[0]), len(parts[1])) > 2 or len(parts[2]) != 4 or not 2000 <= int(parts[2]) <= 2100:
        return None, DATE_NOT_REAL.format(what=what)
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])), None
    except ValueError:
        return None, DATE_NOT_REAL.format(what=what)


def parse_amount(
    text: str | None, limit: Decimal, missing: str, out_of_range: str, optional: bool = False
) -> tuple[Decimal | None, str | None]:
    """A number of hours or pounds with up to 2 decimal places, or the message to show."""
    text = (text or "").strip().removeprefix("£").strip()
    if not text:
        return None, None if optional else missing
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, out_of_range
    if not value.is_finite() or not 0 <= value <= limit or value != value.quantize(Decimal("0.01")):
        return None, out_of_range
    return value.quantize(Decimal("0.01")), None


def month_after(day: date) -> date:
    """The last day of a month-long period starting on this day: 1 March -> 31 March, 15 March -> 14 April."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])) - timedelta(days=1)


class _Choice(RadioField):
    """A radio field checked by the form's own rules, so a tampered value gets our message, not WTForms' own.
    The page draws the choices itself."""

    def pre_validate(self, form) -> None:
        pass


def _fail(field: Field, message: str) -> None:
    field.errors = [*field.errors, message]


class JobForm(FlaskForm):
    employer = StringField()
    job_title = StringField()
    start_day, start_month, start_year = StringField(), StringField(), StringField()
    hours = StringField()
    paid = _Choice()
    pay = StringField()
    apprenticeship = _Choice()
    ended_job = _Choice()  # when this is a job change: which earlier job ended
    end_day, end_month, end_year = StringField(), StringField(), StringField()
    employer_email = StringField()  # optional: a feedback link goes to it once, and it is kept nowhere else

    def check(self, earlier_jobs: dict[str, date]) -> dict | None:
        """The values to save, or None with the errors set. earlier_jobs: job id -> its start date."""
        values = {}
        for name, message in (("employer", ENTER_EMPLOYER), ("job_title", ENTER_TITLE)):
            text = (self[name].data or "").strip()
            if not text:
                _fail(self[name], message)
            elif len(text) > 120:
                _fail(self[name], TOO_LONG)
            values[name] = text
        values["start_date"], error = parse_date(
            self.start_day.data, self.start_month.data, self.start_year.data, "start date"
        )
        if error:
            _fail(self.start_day, error)
        values["hours_per_week"], error = parse_amount(self.hours.data, MAX_HOURS, ENTER_HOURS, HOURS_RANGE)
        if error:
            _fail(self.hours, error)
        if self.paid.data not in ("paid", "unpaid"):
            _fail(self.paid, CHOOSE_PAID)
        values["paid"] = self.paid.data == "paid"
        values["hourly_pay"], error = parse_amount(
            self.pay.data, MAX_PAY, ENTER_PAY, PAY_RANGE, optional=not values["paid"]
        )
        if error:
            _fail(self.pay, error)
        if not values["paid"]:
            values["hourly_pay"] = None
        if self.apprenticeship.data not in ("yes", "no"):
            _fail(self.apprenticeship, CHOOSE_APPRENTICESHIP)
        values["apprenticeship"] = self.apprenticeship.data == "yes"
        values["ended_job"], values["end_date"] = None, None
        if earlier_jobs and self.ended_job.data not in (*earlier_jobs, NO_JOB_ENDED):
            _fail(self.ended_job, "Choose the job that ended, or choose No job ended.")
        elif self.ended_job.data in earlier_jobs:
            values["ended_job"] = int(self.ended_job.data)
            values["end_date"], error = parse_date(
                self.end_day.data, self.end_month.data, self.end_year.data, "date the job ended"
            )
            if error:
                _fail(self.end_day, error)
            elif values["end_date"] < earlier_jobs[self.ended_job.data]:
                _fail(self.end_day, END_BEFORE_START)
        values["employer_email"] = (self.employer_email.data or "").strip() or None
        if values["employer_email"] and (
            len(values["employer_email"]) > 254 or not emails.PATTERN.fullmatch(values["employer_email"])
        ):
            _fail(self.employer_email, EMPLOYER_EMAIL_NOT_VALID)
        return None if self.errors else values


class CheckInForm(FlaskForm):
    job = _Choice()
    period = _Choice()
    from_day, from_month, from_year = StringField(), StringField(), StringField()
    to_day, to_month, to_year = StringField(), StringField(), StringField()
    hours = StringField()
    evidence = _Choice()

    def check(self, jobs: dict[str, tuple[date, date | None]], today: date) -> dict | None:
        """The values to save, or None with the errors set. jobs: job id -> (start date, end date)."""
        values: dict = {"job_id": None}
        if self.job.data not in jobs:
            _fail(self.job, CHOOSE_JOB)
        else:
            values["job_id"] = int(self.job.data)
        if self.period.data not in PERIODS:
            _fail(self.period, CHOOSE_PERIOD)
        first, error = parse_date(self.from_day.data, self.from_month.data, self.from_year.data, "first day")
        if error:
            _fail(self.from_day, error)
        last = None
        if first and self.period.data == "week":
            last = first + timedelta(days=6)
        elif first and self.period.data == "month":
            last = month_after(first)
        elif self.period.data == "dates":
            last, error = parse_date(self.to_day.data, self.to_month.data, self.to_year.data, "last day")
            if error:
                _fail(self.to_day, error)
            elif first and last < first:
                _fail(self.to_day, TO_BEFORE_FROM)
            elif first and (last - first).days >= MAX_PERIOD_DAYS:
                _fail(self.to_day, PERIOD_TOO_LONG)
        if first and first > today:
            _fail(self.from_day, IN_FUTURE)
        elif first and last and values["job_id"] is not None:
            start, end = jobs[self.job.data]
            if last < start or (end is not None and first > end):
                _fail(self.from_day, NOT_IN_JOB)
        values["hours_per_week"], error = parse_amount(self.hours.data, MAX_HOURS, ENTER_HOURS, HOURS_RANGE)
        if error:
            _fail(self.hours, error)
        if self.evidence.data not in EVIDENCE:
            _fail(self.evidence, CHOOSE_EVIDENCE)
        values["evidence"] = self.evidence.data
        values["period_start"], values["period_end"] = first, last
        return None if self.errors else values
