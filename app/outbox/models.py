"""Messages waiting to go out. A message is written in the same transaction as the thing it is about,
so a mail fault can delay it but never lose it."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import now
from app.database import Base

MESSAGE_STATUSES = ("queued", "sent", "failed")  # failed: gave up after the last try; staff can send it again


class OutboxMessage(Base):
    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    kind: Mapped[str] = mapped_column(String(40))  # new-referral, password-reset, ...
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # plain text
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # a sender is working on it
    last_error: Mapped[str | None] = mapped_column(String(200))  # the kind of fault; never the message or address
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    provider_id: Mapped[str | None] = mapped_column(String(64))  # Notify's id, when sent through Notify


def enqueue(
    session, kind: str, to_address: str, subject: str, body: str, referral_id: int | None = None
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction: it is saved if and only if that commits."""
    message = OutboxMessage(
        kind=kind,
        to_address=to_address,
        subject=subject,
        body=body,
        referral_id=referral_id,
        status="queued",
        attempts=0,
        next_attempt_at=now(),
    )
    session.add(message)
    return message
