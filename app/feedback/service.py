"""Asking for feedback and keeping it. A link is made when staff record a first contact, a job start or an
outcome, in the same transaction, and queued in the outbox: by email, or by text message when only a phone
number was given. The message holds the link and the referral's reference, nothing about the person; the
token is kept only as a keyed hash, and the message's copy of it goes once it is sent (SECRET_BODIES)."""

import secrets
from datetime import datetime, timedelta

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.clock import aware, now
from app.feedback.models import EMPTIED, WORDS, FeedbackAnswer, FeedbackRequest
from app.outbox.models import enqueue
from app.referrals.after import _can_text, confirmation_address, keyed_hash, message_language
from app.referrals.models import Referral

TOKEN_BYTES = 24  # 32 characters in the link


def link(token: str, kind: str = "person") -> str:
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}/feedback/employer/{token}" if kind == "employer" else f"{base}/feedback/{token}"


def _request(session: Session, referral: Referral, kind: str, point: str, lang: str) -> tuple[FeedbackRequest, str]:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    at = now()
    request = FeedbackRequest(
        referral_id=referral.id,
        kind=kind,
        point=point,
        token_hash=keyed_hash(token),
        lang=lang,
        sent_at=at,
        expires_at=at + timedelta(days=current_app.config["FEEDBACK_LINK_DAYS"]),
    )
    session.add(request)
    return request, token


def already_asked(session: Session, referral: Referral, kind: str, point: str) -> bool:
    found = select(FeedbackRequest.id).where(
        FeedbackRequest.referral_id == referral.id, FeedbackRequest.kind == kind, FeedbackRequest.point == point
    )
    return session.scalar(found) is not None


def ask_person(session: Session, referral: Referral, point: str) -> FeedbackRequest | None:
    """Queue a feedback link to the person, or whoever asked for them, in the caller's transaction: once for
    each point, and only when there is an email, or a phone number and a way to text it."""
    if referral.personal_data_removed_at is not None or already_asked(session, referral, "person", point):
        return None
    address = confirmation_address(referral)
    phone = referral.phone if not address and referral.phone and _can_text() else None
    if not address and not phone:
        return None
    lang = message_language(referral, to_person=address != referral.asker_email or address is None)
    request, token = _request(session, referral, "person", point, lang)
    with force_locale(lang):
        subject = _("Tell us how it went")
        if address:
            body = render_template("messages/feedback.txt", point=point, link=link(token), referral=referral)
            enqueue(session, "feedback", address, subject, body, referral.id)
        else:
            body = render_template("messages/feedback_sms.txt", link=link(token))
            enqueue(session, "feedback-sms", phone, subject, body, referral.id)
    return request


def ask_employer(session: Session, referral: Referral, address: str) -> FeedbackRequest | None:
    """Queue a link to the short form for an employer, once a job starts; the address is used for this one
    message and kept nowhere else."""
    if already_asked(session, referral, "employer", "job-start"):
        return None
    request, token = _request(session, referral, "employer", "job-start", "en")
    body = render_template("messages/employer_feedback.txt", link=link(token, "employer"), referral=referral)
    enqueue(session, "employer-feedback", address, "A short question about a placement", body, referral.id)
    return request


def find(session: Session, token: str) -> FeedbackRequest | None:
    return session.scalar(select(FeedbackRequest).where(FeedbackRequest.token_hash == keyed_hash(token)))


def is_open(request: FeedbackRequest | None, kind: str, moment: datetime | None = None) -> bool:
    """Whether a link may still be used: the right kind, never used, and not past its time."""
    if request is None or request.kind != kind or request.used_at is not None:
        return False
    return aware(request.expires_at) > (moment or now())


def save(session: Session, request: FeedbackRequest, values: dict, lang: str) -> bool:
    """Keep the answers and spend the link, in one transaction. False when the link was used meanwhile
    (a second press, another browser) or has run out: nothing is saved then."""
    at = now()
    spent = session.execute(
        update(FeedbackRequest)
        .where(FeedbackRequest.id == request.id, FeedbackRequest.used_at.is_(None), FeedbackRequest.expires_at > at)
        .values(used_at=at)
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount != 1:
        session.rollback()
        return False
    words = {name: (values.get(name) or "").strip() or None for name in WORDS}
    session.add(
        FeedbackAnswer(
            request_id=request.id,
            referral_id=request.referral_id,
            kind=request.kind,
            point=request.point,
            answered_at=at,
            rating=values.get("rating"),
            again=values.get("again"),
            quote_ok=values.get("quote") == "yes" and any(words.values()),
            lang=lang,
            **words,
        )
    )
    session.commit()
    return True


def answers_of(session: Session, referral: Referral) -> list[FeedbackAnswer]:
    """A referral's feedback, newest first."""
    query = (
        select(FeedbackAnswer)
        .where(FeedbackAnswer.referral_id == referral.id)
        .order_by(FeedbackAnswer.answered_at.desc(), FeedbackAnswer.id.desc())
    )
    return list(session.scalars(query))


def remove_words(session: Session, referral_ids, at: datetime | None = None) -> int:
    """Empty the words of these referrals' feedback (an erasure, the purge), keeping the ratings for the
    figures. The caller commits. How many answers held words."""
    result = session.execute(
        update(FeedbackAnswer)
        .where(FeedbackAnswer.referral_id.in_(referral_ids), FeedbackAnswer.words_removed_at.is_(None))
        .values(**EMPTIED, words_removed_at=at or now())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def exported(answers: list[FeedbackAnswer]) -> list[dict]:
    """A referral's feedback in a subject access export: when, which point, and the words."""
    return [
        {
            "answered_at": aware(answer.answered_at).isoformat(),
            "kind": answer.kind,
            "point": answer.point,
            "rating": answer.rating,
            **{name: getattr(answer, name) for name in WORDS},
            "may_quote": answer.quote_ok,
        }
        for answer in answers
    ]
