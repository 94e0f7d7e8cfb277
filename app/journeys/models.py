"""A journey's answers before Send, kept on the server: the browser's cookie holds only the draft's random id."""

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base


class JourneyDraft(Base):
    """One browser's answers so far on one journey. Only a keyed hash of the random id is stored; the
    idempotency key for Send is made here, with the draft, and never taken from a form."""

    __tablename__ = "journey_draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    journey: Mapped[str] = mapped_column(String(20))  # "ask-for-help" or "feedback"
    data: Mapped[dict] = mapped_column(JSON, default=dict)  # the answers, and what the journey is for
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # answers emptied, key kept
