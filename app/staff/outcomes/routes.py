"""Job outcomes for a started referral: record a job start (or a job change) and hours check-ins, and
show progress towards the sustained outcome (16 paid hours a week for 13 of 26 weeks) on the referral page.
The work is done by app.staff.outcomes.service."""

from datetime import date, datetime
from decimal import Decimal

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from app.clock import today, uk_time
from app.extensions import db
from app.outcomes.definitions import council_programmes
from app.outcomes.rules import long_date
from app.referrals.models import JobStart, Referral
from app.staff.audit.service import audit_change, record_now
from app.staff.blueprint import bp
from app.staff.outcomes import claims, service
from app.staff.outcomes.forms import EVIDENCE, NO_JOB_ENDED, PERIODS, CheckInForm, JobForm
from app.staff.outcomes.service import Outcome
from app.staff.permissions import Permission, can, requires
from app.staff.scope import referral_or_404, visible_referrals


@bp.app_template_global()
def outcome_of(referral: Referral) -> Outcome:
    return service.outcome(referral, today(), can(current_user, Permission.CHANGE_REFERRALS))


bp.add_app_template_global(EVIDENCE, "evidence_words")


@bp.app_template_filter("day_month_year")
def day_month_year(day: date | datetime) -> str:
    """6 April 2026; a stored moment is shown as its day in UK time."""
    if isinstance(day, datetime):
        day = uk_time(day).date()
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
    current_jobs = service.current_jobs(referral)
    form = JobForm(data=None if request.method == "POST" else {"ended_job": NO_JOB_ENDED})
    if request.method == "POST":
        valid = form.validate()
        values = form.check({str(job.id): job.start_date for job in current_jobs})
        if valid and values:
            ended = next((job for job in current_jobs if job.id == values["ended_job"]), None)
            service.record_job(db.session, referral, values, ended, current_user.id, audit_change)
            return redirect(referral_page(referral))
    else:
        record_now("view", "referral", referral.reference, "job-form")
    return render_template(
        "staff/outcomes/job.html",
        referral=referral,
        form=form,
        back=referral_page(referral),
        ended_options=[job_choice(job) for job in current_jobs]
        + ([(NO_JOB_ENDED, "No job ended")] if current_jobs else []),
    )


@bp.route("/referrals/<ref:reference>/check-in", methods=["GET", "POST"])
@requires(Permission.CHANGE_REFERRALS)
def record_check_in(reference: str):
    referral = referral_or_404(reference)
    if referral.status != "started":
        return _not_started(referral)
    jobs = service.jobs_by_id(referral)
    only_job = next(iter(jobs)) if len(jobs) == 1 else None
    form = CheckInForm(data=None if request.method == "POST" else {"job": only_job})
    if request.method == "POST" and jobs:
        valid = form.validate()
        values = form.check({key: (job.start_date, job.end_date) for key, job in jobs.items()}, today())
        if valid and values:
            service.record_check_in(db.session, referral, values, current_user.id, audit_change)
            return redirect(referral_page(referral))
    elif request.method == "GET":
        record_now("view", "referral", referral.reference, "check-in-form")
    return render_template(
        "staff/outcomes/check_in.html",
        referral=referral,
        form=form,
        back=referral_page(referral),
        jobs=[job_choice(job) for job in jobs.values()],
        periods=list(PERIODS.items()),
        evidence=list(EVIDENCE.items()),
    )


@bp.route("/referrals/<ref:reference>/jobs/<int:job_id>/confirm-pay", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def confirm_pay(reference: str, job_id: int):
    """The pay is below the legal minimum for the person's age and a worker has checked it is right."""
    referral = referral_or_404(reference)
    job = service.jobs_by_id(referral).get(str(job_id))
    if job is None:
        abort(404)
    if job.pay_confirmed_at is None:
        service.confirm_pay(db.session, referral, job, current_user.id, audit_change)
    return redirect(referral_page(referral))


def _claim_rows():
    programmes = council_programmes(current_app.config)
    choice = claims.choose(request.args, programmes, today())
    rows = claims.claim_rows(db.session, visible_referrals(), choice.programme, choice.first, choice.last, today())
    return programmes, choice, rows


@bp.route("/outcomes/claims")
@requires(Permission.EXPORT_REFERRALS)
def claim_pack():
    """The sustained outcomes met in a period under one programme: a page to print, and its CSV."""
    programmes, choice, rows = _claim_rows()
    record_now("view", "claims", detail=f"{choice.programme.id} {choice.first} {choice.last} rows={len(rows)}")
    return render_template("staff/outcomes/claims.html", programmes=programmes, choice=choice, rows=rows)


@bp.route("/outcomes/claims.csv")
@requires(Permission.EXPORT_REFERRALS)
def claim_pack_csv():
    _, choice, rows = _claim_rows()
    record_now("export", "claims", detail=f"{choice.programme.id} {choice.first} {choice.last} rows={len(rows)}")
    filename = f"claims-{choice.programme.id}-{choice.first.isoformat()}-to-{choice.last.isoformat()}.csv"
    return Response(
        claims.claims_csv(rows, choice.programme),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
