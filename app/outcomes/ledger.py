"""A referral's hours ledger as the outcome rules take it: its jobs with their check-ins, and the person's
age on any day (for the legal minimum pay)."""

from collections.abc import Iterable
from datetime import date

from app.clock import uk_time
from app.journeys.ages import age_on
from app.outcomes.rules import AgeOn, CheckIn, JobRecord, OutcomeProgress, Programme, sustained_outcome
from app.referrals.models import JobStart, Referral


def job_records(jobs: list[JobStart]) -> list[JobRecord]:
    """The rows as the outcome rule takes them: check-ins in the order they were recorded."""
    return [
        JobRecord(
            job.start_date,
            job.end_date,
            job.paid,
            [
                CheckIn(c.period_start, c.period_end, c.hours_per_week)
                for c in sorted(job.check_ins, key=lambda c: c.id)
            ],
            job.hourly_pay,
            bool(job.apprenticeship),
            job.pay_confirmed_at is not None,
        )
        for job in jobs
    ]


def person_age(referral: Referral) -> AgeOn:
    """The person's age on a day: from the date of birth, or from the age they gave when they asked."""
    if referral.date_of_birth is not None:
        born = referral.date_of_birth
        return lambda day: age_on(born, day)
    if referral.age is not None and referral.created_at is not None:
        asked, age = uk_time(referral.created_at).date(), referral.age
        return lambda day: age + max(0, age_on(asked, day))
    return lambda day: None


def outcomes(referral: Referral, programmes: Iterable[Programme], today: date) -> dict[str, OutcomeProgress]:
    """Each programme's outcome for this referral's ledger, by programme id: the one way the export, the claim
    pack and the figures all read a referral's outcomes."""
    records, age = job_records(list(referral.jobs)), person_age(referral)
    return {programme.id: sustained_outcome(records, today, programme, age) for programme in programmes}
