"""Job outcomes for a started referral: record a job start (or a job change) and hours check-ins, and
show progress towards the sustained outcome (16 paid hours a week for 13 of 26 weeks) on the referral page."""
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from app.extensions import db
from app.referrals.models import HoursCheckIn, JobStart, Referral
from app.referrals.outcomes import CheckIn, JobRecord, OutcomeProgress, long_date, sustained_outcome
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.outcomes.forms import NO_JOB_ENDED, PERIODS, CheckInForm, JobForm
from app.staff.permissions import Permission, can, requires
from app.staff.referral import service as changes
from app.staff.referral.routes import audit_change
from app.staff.scope import referral_or_404

UK = ZoneInfo("Europe/London")


def today() -> date:
    return datetime.now(UK).date()


def job_records(jobs: list[JobStart]) -> list[JobRecord]:
    """The rows as the outcome rule takes them: check-ins in the order they were recorded."""
    return [JobRecord(job.start_date, job.end_date, job.paid,
                      [CheckIn(c.period_start, c.period_end, c.hours_per_week) for c in sorted(job.check_ins, key=lambda c: c.id)])
            for job in jobs]


@dataclass(frozen=True)
class Outcome:
    """What the referral page shows about jobs: the rows, the progress, and whether this user may add."""

    jobs: list[JobStart]
    check_ins: list[HoursCheckIn]
    progress: OutcomeProgress
    started: bool
    can_change: bool


@bp.app_template_global()
def outcome_of(referral: Referral) -> Outcome:
    jobs = list(referral.jobs)
    check_ins = sorted((c for job in jobs for c in job.check_ins), key=lambda c: (c.period_start, c.id))
    return Outcome(jobs, check_ins, sustained_outcome(job_records(jobs), today()), referral.status == "started",
                   can(current_user, Permission.CHANGE_REFERRALS))


@bp.app_template_filter("day_month_year")
def day_month_year(day: date | datetime) -> str:
    """6 April 2026; a stored moment is shown as its day in UK time."""
    if isinstance(day, datetime):
        day = (day if day.tzinfo else day.replace(tzinfo=timezone.utc)).astimezone(UK).date()
    return long_date(day)


@bp.app_template_filter("day_month")
def day_month(day: date) -> str:
    return f"{day.day} {day:%b}"


@bp.app_template_filter("hours_number")
def hours_number(value) -> str:
    """16, 15.5 or 15.25: no trailing zeros."""
    text = f"{Decimal(value):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def referral_page(referral: Referral) -> str:
    return url_for("staff.referral", reference=referral.reference, _anchor="outcome")


def _not_started(referral: Referral):
    """An easy message instead of the form; a POST saves nothing and says so with 409."""
    page = render_template("staff/outcomes/not_started.html", referral=referral, back=referral_page(referral))
    return page, 409 if request.method == "POST" else 200


def job_choice(job: JobStart) -> tuple[str, str]:
    """A job as a radio choice: its id, and words that tell two jobs apart."""
    return str(job.id), f"{job.employer}: {job.job_title}, started {long_date(job.start_date)}"


@bp.route("/referrals/<ref:reference>/job", methods=["GET", "POST"])
@requires(Permission.CHANGE_REFERRALS)
def record_job(reference: str):
    referral = referral_or_404(reference)
    if referral.status != "started":
        return _not_started(referral)
    current_jobs = [job for job in referral.jobs if job.end_date is None]
    form = JobForm(data=None if request.method == "POST" else {"ended_job": NO_JOB_ENDED})
    if request.method == "POST":
        valid = form.validate()
        values = form.check({str(job.id): job.start_date for job in current_jobs})
        if valid and values:
            ended = next((job for job in current_jobs if job.id == values["ended_job"]), None)
            changes.record_job(db.session, referral, values, ended, current_user.id, audit_change)
            return redirect(referral_page(referral))
    else:
        record_now("view", "referral", referral.reference, "job-form")
    return render_template("staff/outcomes/job.html", referral=referral, form=form, back=referral_page(referral),
                           ended_options=[job_choice(job) for job in current_jobs] + ([(NO_JOB_ENDED, "No job ended")] if current_jobs else []))


@bp.route("/referrals/<ref:reference>/check-in", methods=["GET", "POST"])
@requires(Permission.CHANGE_REFERRALS)
def record_check_in(reference: str):
    referral = referral_or_404(reference)
    if referral.status != "started":
        return _not_started(referral)
    jobs = {str(job.id): job for job in referral.jobs}
    only_job = next(iter(jobs)) if len(jobs) == 1 else None
    form = CheckInForm(data=None if request.method == "POST" else {"job": only_job})
    if request.method == "POST" and jobs:
        valid = form.validate()
        values = form.check({key: (job.start_date, job.end_date) for key, job in jobs.items()}, today())
        if valid and values:
            changes.record_check_in(db.session, referral, values, current_user.id, audit_change)
            return redirect(referral_page(referral))
    elif request.method == "GET":
        record_now("view", "referral", referral.reference, "check-in-form")
    return render_template("staff/outcomes/check_in.html", referral=referral, form=form, back=referral_page(referral),
                           jobs=[job_choice(job) for job in jobs.values()], periods=list(PERIODS.items()))

