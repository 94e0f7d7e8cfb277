"""A claim pack for one programme and period: every referral whose sustained outcome (by that programme's
rule) was met in the period, with its job, the weeks that counted, and the evidence behind the hours, as
a page to print and a CSV. The claim date is the day the outcome was met. No names or contact details:
the reference finds the person in the referral record."""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.outcomes.ledger import outcomes
from app.outcomes.rules import OutcomeProgress, Programme
from app.referrals.models import JobStart, Referral
from app.reports.periods import Period, choose_period
from app.staff.inbox.csv_export import safe_cell
from app.staff.outcomes.forms import EVIDENCE

NO_EVIDENCE = "Not recorded"
COLUMNS = (
    "Reference",
    "Service",
    "Age band",
    "Programme",
    "Outcome met on",
    "Weeks counted",
    "Window",
    "Employers",
    "First paid job started",
    "Evidence for the hours",
    "Pay checked by a worker",
)


@dataclass(frozen=True)
class ClaimRow:
    referral: Referral
    progress: OutcomeProgress
    evidence: Counter  # check-ins by evidence words
    pay_confirmed: bool  # a job's pay below the minimum was confirmed by a worker

    @property
    def employers(self) -> str:
        return "; ".join(sorted({job.employer for job in self.referral.jobs if job.paid}))

    @property
    def first_paid_start(self) -> date | None:
        return min((job.start_date for job in self.referral.jobs if job.paid), default=None)

    @property
    def evidence_words(self) -> str:
        return "; ".join(f"{kind}: {count}" for kind, count in sorted(self.evidence.items()))


def claim_rows(
    session: Session, visible: Select, programme: Programme, first: date, last: date, today: date
) -> list[ClaimRow]:
    """Referrals (of those this member of staff may see) whose outcome was met from `first` to `last`."""
    query = (
        visible.where(Referral.id.in_(select(JobStart.referral_id).where(JobStart.paid.is_(True))))
        .options(selectinload(Referral.jobs).selectinload(JobStart.check_ins))
        .order_by(Referral.id)
    )
    rows = []
    for referral in session.scalars(query):
        progress = outcomes(referral, [programme], today)[programme.id]
        if not progress.met or not first <= progress.met_on <= last:
            continue
        evidence = Counter(
            EVIDENCE.get(check_in.evidence, NO_EVIDENCE) for job in referral.jobs for check_in in job.check_ins
        )
        confirmed = any(job.pay_confirmed_at is not None for job in referral.jobs)
        rows.append(ClaimRow(referral, progress, evidence, confirmed))
    return sorted(rows, key=lambda row: (row.progress.met_on, row.referral.reference))


def claims_csv(rows: list[ClaimRow], programme: Programme) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        progress = row.progress
        writer.writerow(
            safe_cell(value)
            for value in (
                row.referral.reference,
                row.referral.service_name,
                row.referral.age_band,
                programme.name,
                progress.met_on.isoformat(),
                progress.qualifying_weeks,
                f"{progress.best_window_start.isoformat()} to {progress.best_window_end.isoformat()}",
                row.employers,
                row.first_paid_start.isoformat() if row.first_paid_start else "",
                row.evidence_words,
                "Yes" if row.pay_confirmed else "No",
            )
        )
    return out.getvalue()


@dataclass
class ClaimChoice:
    """The programme and period chosen in the address, and what was left out and why."""

    programme: Programme
    period: Period
    problems: dict

    @property
    def first(self) -> date:
        return self.period.first

    @property
    def last(self) -> date:
        return self.period.last

    @property
    def typed(self) -> dict:
        return self.period.typed


def choose(args, programmes: list[Programme], today: date) -> ClaimChoice:
    """Read the programme and period; anything not understood is left out with a message, never an error."""
    period = choose_period(args, today)
    problems = dict(period.problems)
    wanted = (args.get("programme") or "").strip()[:100]
    by_id = {programme.id: programme for programme in programmes}
    if wanted and wanted not in by_id:
        problems["programme"] = "We did not know that programme, so we show the first one."
    return ClaimChoice(by_id.get(wanted, programmes[0]), period, problems)
