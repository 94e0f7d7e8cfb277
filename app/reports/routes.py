"""The public results page: this financial year's figures in easy read, from the same counts as the staff
dashboard, with numbers from 1 to 4 shown as "fewer than 5"."""

from flask import Blueprint, Flask, current_app, render_template
from flask_babel import format_date, gettext
from sqlalchemy import select

from app.clock import today
from app.extensions import db
from app.outcomes.definitions import council_programmes
from app.referrals.models import Referral
from app.reports.figures import build, hide_small
from app.reports.periods import financial_year_start

bp = Blueprint("reports", __name__)


def count_words(count: int) -> str:
    """A count as the page says it: small numbers are hidden so no one can be picked out."""
    shown = hide_small(count)
    return gettext("fewer than 5") if shown is None else str(shown)


@bp.get("/results")
def results():
    config = current_app.config
    first, last = financial_year_start(today()), today()
    programmes = council_programmes(config)
    report = build(db.session, select(Referral), first, last, today(), programmes[:1], config["HOLIDAYS"])
    key, programme = report.key, programmes[0]
    return render_template(
        "reports/results.html",
        first=format_date(first, "d MMMM y"),
        last=format_date(last, "d MMMM y"),
        asked=count_words(key.referrals),
        finished=count_words(key.checklists_finished),
        started=count_words(key.job_starts),
        kept=count_words(key.outcomes[programme.id]),
        programme=programme,
        days=None if key.median_days_to_contact is None else round(key.median_days_to_contact),
    )


def setup_reports(app: Flask) -> None:
    app.register_blueprint(bp)
