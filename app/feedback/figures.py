"""The dashboard's feedback figures for a period, counted from the database like the other figures
(app/reports/figures.py): answers by when we asked, by how it went, by month, and what employers said.
Quotes are only the words of people who agreed to share them, with no name or reference."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.clock import uk_time
from app.feedback.models import FeedbackAnswer, FeedbackRequest
from app.feedback.words import AGAIN_NAMES, POINT_NAMES, RATING_NAMES
from app.referrals.models import Referral
from app.reports.figures import Figure, _rows, _start_of

QUOTES_SHOWN = 6


@dataclass(frozen=True)
class FeedbackReport:
    asked: int  # links sent in the period
    answered: int  # answers given in the period
    figures: tuple[Figure, ...]
    quotes: tuple[str, ...]  # words people agreed to share, newest first


def _months(first: date, last: date) -> dict[str, str]:
    """Every month from first to last, as "2026-11" -> "November 2026", in order."""
    months, day = {}, first.replace(day=1)
    while day <= last:
        months[f"{day:%Y-%m}"] = f"{day:%B %Y}"
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def build(session: Session, referrals: Select, first: date, last: date) -> FeedbackReport:
    """The feedback figures for answers given from `first` to `last`, among the `referrals` query's referrals."""
    ids = referrals.with_only_columns(Referral.id)
    start, end = _start_of(first), _start_of(last + timedelta(days=1))
    asked = session.scalar(
        select(func.count())
        .select_from(FeedbackRequest)
        .where(FeedbackRequest.referral_id.in_(ids), FeedbackRequest.sent_at >= start, FeedbackRequest.sent_at < end)
    )
    answers = session.scalars(
        select(FeedbackAnswer)
        .where(
            FeedbackAnswer.referral_id.in_(ids), FeedbackAnswer.answered_at >= start, FeedbackAnswer.answered_at < end
        )
        .order_by(FeedbackAnswer.answered_at.desc(), FeedbackAnswer.id.desc())
    ).all()
    point, rating, month, good_month, again = (Counter() for _ in range(5))
    for answer in answers:
        point["employer" if answer.kind == "employer" else answer.point] += 1
        rating[answer.rating] += 1
        when = f"{uk_time(answer.answered_at):%Y-%m}"
        month[when] += 1
        good_month[when] += answer.rating == "good"
        if answer.kind == "employer":
            again[answer.again] += 1
    shown = [f"{uk_time(a.answered_at):%Y-%m}" for a in answers]
    months = _months(date.fromisoformat(min(shown) + "-01"), last) if shown else {}
    figures = (
        Figure(
            "feedback-point",
            "Feedback answers by when we asked",
            "answers",
            _rows(point, {**POINT_NAMES, "employer": "From employers, after a job start"}),
        ),
        Figure("feedback-rating", "Feedback answers by how it went", "answers", _rows(rating, RATING_NAMES)),
        Figure("feedback-month", "Feedback answers by month", "answers", _rows(month, months)),
        Figure("feedback-good-month", "Answers that said it went well, by month", "answers", _rows(good_month, months)),
        Figure(
            "feedback-again",
            "Employers by whether they would offer another placement",
            "employers",
            _rows(again, AGAIN_NAMES),
        ),
    )
    quotes = tuple(
        words
        for answer in answers
        if answer.quote_ok
        for words in (answer.helped, answer.not_helped, answer.anything_else)
        if words
    )[:QUOTES_SHOWN]
    return FeedbackReport(asked or 0, len(answers), figures, quotes)
