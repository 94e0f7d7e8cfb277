"""Job outcomes for a started referral: what the referral page shows about its jobs, and recording a job
start (or a job change) or an hours check-in.

Each recording commits its row with the history line and audit entry (through the `audit` the route
passes) in one transaction."""

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy.orm import Session

from app.clock import now, today
from app.feedback import service as feedback
from app.outcomes.definitions import council_programmes
from app.outcomes.ledger import job_records, person_age
from app.outcomes.rules import OutcomeProgress, pay_below_minimum, sustained_outcome
from app.referrals.models import HoursCheckIn, JobStart, Referral, ReferralEvent
from app.staff.referral.service import Audit, no_audit


@dataclass(frozen=True)
class Outcome:
    """What the referral page shows about jobs: the rows, the progress, and whether this user may add."""

    jobs: list[JobStart]
    check_ins: list[HoursCheckIn]
    programmes: list[OutcomeProgress]  # one for each programme the council reports
    pay_to_check: list[JobStart]  # paid below the legal minimum for the person's age, not yet confirmed
    started: bool
    can_change: bool

    @property
    def progress(self) -> OutcomeProgress:
        """The first programme the council reports."""
        return self.programmes[0]


def outcome(referral: Referral, today: date, can_change: bool) -> Outcome:
    """The referral's jobs, their check-ins by period, and the progress towards each reported programme's
    sustained outcome on this day."""
    jobs = list(referral.jobs)
    check_ins = sorted((c for job in jobs for c in job.check_ins), key=lambda c: (c.period_start, c.id))
    records, age = job_records(jobs), person_age(referral)
    progress = [
        sustained_outcome(records, today, programme, age) for programme in council_programmes(current_app.config)
    ]
    to_check = [job for job, record in zip(jobs, records, strict=True) if pay_below_minimum(record, today, age)]
    return Outcome(jobs, check_ins, progress, to_check, referral.status == "started", can_change)


def current_jobs(referral: Referral) -> list[JobStart]:
    """The referral's jobs that have not ended."""
    return [job for job in referral.jobs if job.end_date is None]


def jobs_by_id(referral: Referral) -> dict[str, JobStart]:
    """All the referral's jobs, by their id as a form sends it."""
    return {str(job.id): job for job in referral.jobs}


def _outcome_saved(session: Session, referral: Referral, kind: str, staff_id: int | None, audit: Audit) -> None:
    """The history line and audit entry that go with a saved job or check-in, committed with it."""
    referral.updated_at = now()
    session.add(ReferralEvent(referral_id=referral.id, staff_id=staff_id, kind=kind))
    audit(referral.reference, kind)
    session.commit()


def record_job(
    session: Session,
    referral: Referral,
    values: dict,
    ended: JobStart | None,
    staff_id: int | None,
    audit: Audit = no_audit,
) -> JobStart:
    """A job start; for a job change, the job it replaces ends on the given end date."""
    if ended is not None:
        ended.end_date = values["end_date"]
    job = JobStart(
        referral_id=referral.id,
        employer=values["employer"],
        job_title=values["job_title"],
        start_date=values["start_date"],
        hours_per_week=values["hours_per_week"],
        hourly_pay=values["hourly_pay"],
        paid=values["paid"],
        apprenticeship=values["apprenticeship"],
        created_by_id=staff_id,
    )
    session.add(job)
    feedback.ask_person(session, referral, "job-start")
    if values.get("employer_email"):
        feedback.ask_employer(session, referral, values["employer_email"])
    _outcome_saved(session, referral, "job-start", staff_id, audit)
    return job


def record_check_in(
    session: Session, referral: Referral, values: dict, staff_id: int | None, audit: Audit = no_audit
) -> HoursCheckIn:
    """Hours worked in each week of a period, for one of the referral's jobs."""
    check_in = HoursCheckIn(
        job_id=values["job_id"],
        period_start=values["period_start"],
        period_end=values["period_end"],
        hours_per_week=values["hours_per_week"],
        evidence=values["evidence"],
        created_by_id=staff_id,
    )
    session.add(check_in)
    if outcome_met(session, referral, today()):
        feedback.ask_person(session, referral, "outcome")
    _outcome_saved(session, referral, "check-in", staff_id, audit)
    return check_in


def outcome_met(session: Session, referral: Referral, day: date) -> bool:
    """Whether the referral's jobs, with the check-ins just added, meet a reported programme's sustained outcome."""
    session.flush()
    for job in referral.jobs:
        session.expire(job, ["check_ins"])
    records, age = job_records(list(referral.jobs)), person_age(referral)
    programmes = council_programmes(current_app.config)
    return any(sustained_outcome(records, day, programme, age).met for programme in programmes)


def confirm_pay(
    session: Session, referral: Referral, job: JobStart, staff_id: int | None, audit: Audit = no_audit
) -> None:
    """A worker checked that the job's pay, below the legal minimum for the person's age, is right: its
    hours count from now on."""
    job.pay_confirmed_at, job.pay_confirmed_by_id = now(), staff_id
    _outcome_saved(session, referral, "pay-confirmed", staff_id, audit)
