"""Referrals as a CSV file for spreadsheets: no free-text notes ever, names and contact details only
when asked for, and safe to open in Excel (no cell can start a formula). Each row has the first paid job
and the day each reported programme's outcome was met."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from app.referrals.models import Referral
from app.staff.overdue import is_overdue
from app.staff.words import uk_time

COLUMNS = (
    "Reference",
    "Created",
    "Service",
    "Organisation id",
    "Ladder step",
    "Age band",
    "Status",
    "Contacted",
    "Overdue",
    "Asked by",
    "Needs",
    "Routed to council",
    "Signposted from",
    "Language",
    "Close reason",
    "Working on it",
    "First paid job",
    "Job started",
)
OUTCOME_COLUMN = "Outcome met on: {programme}"
CONTACT_COLUMNS = ("Name", "Phone", "Email", "Address", "Contact ways", "Contact times")

# A spreadsheet treats a cell starting with one of these as a formula (or a command, for tab and return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportRow:
    referral: Referral
    signposted_from: str | None  # the reference of the referral it came from
    worker: str | None = None  # the name of the member of staff working on it
    outcomes: tuple[tuple[str, date | None], ...] = ()  # (programme name, the day its outcome was met)


def safe_cell(value: object) -> str:
    """A cell's text, with a quote in front of anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _day(moment) -> str:
    return uk_time(moment).date().isoformat() if moment else ""


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _first_paid_job(referral: Referral) -> tuple[str, str]:
    """The employer and job title of the first paid job, and the day it started."""
    jobs = sorted((job for job in referral.jobs if job.paid), key=lambda job: (job.start_date, job.id or 0))
    if not jobs:
        return "", ""
    return f"{jobs[0].employer}: {jobs[0].job_title}", jobs[0].start_date.isoformat()


def row_for(row: ExportRow, today: date, with_contact: bool) -> list[str]:
    r = row.referral
    cells = [
        r.reference,
        _day(r.created_at),
        r.service_name,
        r.organization_id,
        r.ladder_step,
        r.age_band,
        r.status,
        _day(r.contacted_at),
        _yes_no(is_overdue(r.status, r.contact_due_on, today)),
        r.asker,
        " ".join(r.needs or []),
        _yes_no(r.routed_to_council),
        row.signposted_from,
        r.lang,
        r.closed_reason,
        row.worker,
        *_first_paid_job(r),
        *(met_on.isoformat() if met_on else "" for _, met_on in row.outcomes),
    ]
    if with_contact:
        cells += [
            r.person_name,
            r.phone,
            r.email,
            r.address,
            " ".join(r.contact_methods or []),
            " ".join(r.contact_times or []),
        ]
    return [safe_cell(cell) for cell in cells]


def referrals_csv(rows: list[ExportRow], today: date, with_contact: bool = False) -> bytes:
    """The file, UTF-8 with a byte-order mark so Excel reads Welsh letters (ŵ, ŷ) correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    programmes = tuple(OUTCOME_COLUMN.format(programme=name) for name, _ in (rows[0].outcomes if rows else ()))
    writer.writerow(COLUMNS + programmes + (CONTACT_COLUMNS if with_contact else ()))
    for row in rows:
        writer.writerow(row_for(row, today, with_contact))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
