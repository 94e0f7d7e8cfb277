"""Demo job outcomes. On the demo started referral: a first job that ended, a job change in the middle of
a week, and weekly and monthly hours check-ins, from the day the referral was marked started up to today.
With the demo referral started 7 weeks before the demo loads, its page shows 6 of 13 weeks done: one
week of 12 hours does not count, and the week of the job change counts the hours of both jobs.
On the demo outcome referral, started about 22 weeks before: one job of 18 hours a week with monthly
check-ins, so the sustained outcome was met after 13 weeks and shows on the dashboard and claim pack."""

from datetime import UTC, date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import Flask
from sqlalchemy import func, select

from app import clock
from app.referrals.models import HoursCheckIn, JobStart, Referral, ReferralEvent
from app.staff.models import StaffUser
from demo.staff import DEMO_ACCOUNTS
from demo.staff.referrals import DEMO_OUTCOME_REFERENCE, DEMO_STARTED_REFERENCE

UK = ZoneInfo("Europe/London")


def is_empty(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as db:
        return not db.scalar(select(func.count()).select_from(JobStart))


def demo_jobs(first: date) -> list[tuple[dict, list[tuple[int, int, str]]]]:
    """The two jobs and their check-ins as (first day, last day, hours a week), days counted from `first`."""
    cafe = {
        "employer": "Harbour Café (demo)",
        "job_title": "Kitchen porter",
        "start_date": first,
        "end_date": first + timedelta(days=24),
        "hours_per_week": Decimal("18"),
        "hourly_pay": Decimal("12.75"),
        "paid": True,
    }
    hotel = {
        "employer": "Sandbridge Bay Hotel (demo)",
        "job_title": "Kitchen assistant",
        "start_date": first + timedelta(days=25),
        "end_date": None,
        "hours_per_week": Decimal("20"),
        "hourly_pay": Decimal("13.10"),
        "paid": True,
    }
    cafe_hours = [(0, 6, "18"), (7, 13, "12"), (14, 24, "18")]  # weekly, the last one up to the day the job ended
    hotel_hours = [(25, 54, "20"), (55, 84, "20")]  # monthly
    return [(cafe, cafe_hours), (hotel, hotel_hours)]


def kept_job(first: date) -> list[tuple[dict, list[tuple[int, int, str]]]]:
    """One job kept for months, with monthly check-ins of 18 hours a week."""
    library = {
        "employer": "Sandbridge Library Café (demo)",
        "job_title": "Café assistant",
        "start_date": first,
        "end_date": None,
        "hours_per_week": Decimal("18"),
        "hourly_pay": Decimal("12.80"),
        "paid": True,
    }
    return [(library, [(start, start + 29, "18") for start in range(0, 180, 30)])]


def load(app: Flask) -> str:
    with app.extensions["database"]["factory"]() as db:
        staff_id = db.scalar(select(StaffUser.id).where(StaffUser.email == DEMO_ACCOUNTS["provider"]["email"]))
        for reference, jobs in ((DEMO_STARTED_REFERENCE, demo_jobs), (DEMO_OUTCOME_REFERENCE, kept_job)):
            referral = db.scalar(select(Referral).where(Referral.reference == reference))
            if referral is None:
                return f"Demo outcomes: the demo referral {reference} is missing, so no jobs were added"
            _record(db, referral, jobs, staff_id)
        db.commit()
    return f"Demo outcomes: jobs and hours check-ins on referrals {DEMO_STARTED_REFERENCE} and {DEMO_OUTCOME_REFERENCE}"


def _record(db, referral: Referral, jobs, staff_id: int | None) -> None:
    """The jobs and their check-ins, from the day the referral was marked started up to today."""
    today = clock.today()
    started = referral.status_changed_at
    first = (started if started.tzinfo else started.replace(tzinfo=UTC)).astimezone(UK).date()
    for values, hours in jobs(first):
        job = JobStart(referral_id=referral.id, created_by_id=staff_id, **values)
        db.add(job)
        db.add(ReferralEvent(referral_id=referral.id, staff_id=staff_id, kind="job-start"))
        db.flush()
        for start, end, per_week in hours:
            if first + timedelta(days=start) > today:
                continue  # hours are recorded once worked
            db.add(
                HoursCheckIn(
                    job_id=job.id,
                    period_start=first + timedelta(days=start),
                    period_end=min(first + timedelta(days=end), today),
                    hours_per_week=Decimal(per_week),
                    evidence="payslip",
                    created_by_id=staff_id,
                )
            )
            db.add(ReferralEvent(referral_id=referral.id, staff_id=staff_id, kind="check-in"))
            db.flush()
