"""Demo feedback, so every feedback chart on the dashboard has something to show: answers after first contact
on most contacted referrals, after job starts and an outcome, and from employers, spread over the months the
referrals cover; and three links to try: one open for the person, one already used, one open for an employer."""

from datetime import UTC, timedelta

from flask import Flask
from sqlalchemy import func, select

from app import clock
from app.feedback.models import FeedbackAnswer, FeedbackRequest
from app.referrals.after import keyed_hash
from app.referrals.models import Referral
from demo.staff.referrals import DEMO_OUTCOME_REFERENCE, DEMO_STARTED_REFERENCE

# Links to try (demo only): /feedback/<this>, and /feedback/employer/<the employer one>.
DEMO_FEEDBACK_TOKEN = "demo-feedback-link-for-trying-out"
DEMO_USED_FEEDBACK_TOKEN = "demo-feedback-link-already-used"
DEMO_EMPLOYER_FEEDBACK_TOKEN = "demo-employer-feedback-link-to-try"
DEMO_LINK_DAYS = 365  # days: the demo links stay open while the demo is tried

RATINGS = ("good", "good", "okay", "good", "not-good", "good", "okay", "good")
WORDS = (
    ("The worker phoned me when she said she would.", "", "", True),
    ("They explained things slowly.", "The letter had too many words.", "", False),
    ("", "", "I want to start soon.", True),
    ("My job coach came with me on the bus.", "", "", True),
    ("", "I waited a long time for a call back.", "", False),
    ("Meeting at the library, where it was quiet.", "", "Thank you.", True),
    ("", "", "", False),
)


def is_empty(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as db:
        return not db.scalar(select(func.count()).select_from(FeedbackRequest))


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _ask(db, referral: Referral, kind: str, point: str, sent, token: str | None = None) -> FeedbackRequest:
    request = FeedbackRequest(
        referral_id=referral.id,
        kind=kind,
        point=point,
        token_hash=keyed_hash(token or f"demo-{kind}-{point}-{referral.reference}"),
        lang="en",
        sent_at=sent,
        expires_at=max(sent, clock.now()) + timedelta(days=DEMO_LINK_DAYS),
    )
    db.add(request)
    db.flush()
    return request


def _answer(db, request: FeedbackRequest, number: int, **values) -> None:
    helped, not_helped, anything_else, quote_ok = WORDS[number % len(WORDS)]
    at = min(_aware(request.sent_at) + timedelta(days=2 + number % 5), clock.now())
    request.used_at = at
    fields = {
        "rating": RATINGS[number % len(RATINGS)],
        "helped": helped or None,
        "not_helped": not_helped or None,
        "anything_else": anything_else or None,
        "quote_ok": quote_ok,
        **values,
    }
    db.add(
        FeedbackAnswer(
            request_id=request.id,
            referral_id=request.referral_id,
            kind=request.kind,
            point=request.point,
            answered_at=at,
            lang="en",
            **fields,
        )
    )


def load(app: Flask) -> str:
    with app.app_context(), app.extensions["database"]["factory"]() as db:
        referrals = db.scalars(select(Referral).order_by(Referral.id)).all()
        by_reference = {r.reference: r for r in referrals}
        contacted = [r for r in referrals if r.contacted_at is not None]
        for number, referral in enumerate(contacted):
            request = _ask(db, referral, "person", "contacted", _aware(referral.contacted_at))
            if number % 5 != 4:  # some links are never answered
                _answer(db, request, number)
        started = [r for r in referrals if r.status == "started" and r.reference != DEMO_STARTED_REFERENCE]
        for number, referral in enumerate(started):
            moment = _aware(referral.status_changed_at)
            token = DEMO_USED_FEEDBACK_TOKEN if referral.reference == DEMO_OUTCOME_REFERENCE else None
            _answer(db, _ask(db, referral, "person", "job-start", moment, token), number)
            _answer(
                db,
                _ask(db, referral, "employer", "job-start", moment),
                number,
                again=("yes", "maybe")[number % 2],
                helped="A job coach on the first days, and tasks written down.",
                not_helped=None,
                anything_else=None,
                quote_ok=False,  # the employer's form does not ask to quote
            )
        outcome = by_reference.get(DEMO_OUTCOME_REFERENCE)
        if outcome is not None:
            _answer(db, _ask(db, outcome, "person", "outcome", clock.now() - timedelta(days=20)), 5)
        trying = by_reference.get(DEMO_STARTED_REFERENCE)
        if trying is not None:
            _ask(db, trying, "person", "job-start", clock.now(), DEMO_FEEDBACK_TOKEN)
            _ask(db, trying, "employer", "job-start", clock.now(), DEMO_EMPLOYER_FEEDBACK_TOKEN)
        db.commit()
        answered = db.scalar(select(func.count()).select_from(FeedbackAnswer))
    return f"Demo feedback: {answered} answers; try /feedback/{DEMO_FEEDBACK_TOKEN}"
