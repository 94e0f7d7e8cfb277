"""Feedback at key points: a one-use link asked for when staff record a first contact, a job start or an
outcome, and the answers given through it. The link's token is kept only as a keyed hash."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base

KINDS = ("person", "employer")  # who is asked: the person (or whoever asked for them), or the employer
POINTS = ("contacted", "job-start", "outcome")  # when: first contact, a job start, a sustained outcome
RATINGS = ("good", "okay", "not-good")
AGAIN = ("yes", "maybe", "no")  # an employer: would they offer another placement
WORDS = ("helped", "not_helped", "anything_else")  # the personal data: emptied by an erasure or the purge
EMPTIED = {**dict.fromkeys(WORDS), "quote_ok": False}  # what an erasure or the purge leaves


class FeedbackRequest(Base):
    """One link sent to ask for feedback: at most one for each referral, kind and point."""

    __tablename__ = "feedback_request"
    __table_args__ = (UniqueConstraint("referral_id", "kind", "point", name="uq_feedback_request_point"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    point: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    lang: Mapped[str] = mapped_column(String(5), default="en")  # the language of the message and the pages first shown
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())  # queued
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer: Mapped["FeedbackAnswer | None"] = relationship(back_populates="request", uselist=False)


class FeedbackAnswer(Base):
    """What someone said through a feedback link. The words are personal data: an erasure or the purge
    empties them and keeps the rating for the figures."""

    __tablename__ = "feedback_answer"
    __table_args__ = (Index("ix_feedback_answer_at", "answered_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("feedback_request.id", ondelete="CASCADE"), unique=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    point: Mapped[str] = mapped_column(String(12))
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    rating: Mapped[str | None] = mapped_column(String(10))  # RATINGS; None: not answered
    helped: Mapped[str | None] = mapped_column(Text)
    not_helped: Mapped[str | None] = mapped_column(Text)
    anything_else: Mapped[str | None] = mapped_column(Text)
    again: Mapped[str | None] = mapped_column(String(10))  # AGAIN, from an employer
    quote_ok: Mapped[bool] = mapped_column(Boolean, default=False)  # their words may be quoted, without a name
    lang: Mapped[str] = mapped_column(String(5), default="en")
    words_removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    request: Mapped[FeedbackRequest] = relationship(back_populates="answer")

    @property
    def has_words(self) -> bool:
        return any(getattr(self, name) for name in WORDS)
