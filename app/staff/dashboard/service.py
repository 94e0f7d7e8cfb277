"""The dashboard's period and figures for a member of staff: all referrals for council admins and
commissioners, their organisation's for provider staff."""

from dataclasses import replace
from datetime import date

from flask import current_app
from sqlalchemy.orm import Session

from app.feedback import figures as feedback_figures
from app.outcomes.definitions import council_programmes
from app.reports.figures import Report, build
from app.reports.periods import Period
from app.staff.scope import reported_referrals


def report(session: Session, user, period: Period, today: date) -> Report:
    """Every figure, the feedback figures last."""
    config = current_app.config
    found = build(
        session,
        reported_referrals(user),
        period.first,
        period.last,
        today,
        council_programmes(config),
        config["HOLIDAYS"],
    )
    return replace(found, figures=found.figures + feedback(session, user, period).figures)


def feedback(session: Session, user, period: Period) -> feedback_figures.FeedbackReport:
    return feedback_figures.build(session, reported_referrals(user), period.first, period.last)
