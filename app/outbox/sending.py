"""Sending what is due from the outbox, safely when several workers run at once.

A worker claims each message with a conditional UPDATE in its own transaction, and only the worker whose
UPDATE changed the row sends it. A claim lasts CLAIM; a worker that dies mid-send leaves a claim that runs
out, and the message is tried again later with the same Message-ID, so a double can be recognised.
Logs hold counts and outbox ids only: never an address, a subject or a body.
"""

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import now as utc_now
from app.outbox.delivery import Delivery, DeliveryError, delivery_for
from app.outbox.models import MESSAGE_STATUSES, OutboxMessage

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)
JITTER = 0.1  # up to a tenth sooner, so messages that failed together are not all tried again together
CLAIM = timedelta(minutes=5)  # far longer than one send can take (SMTP_TIMEOUT for each step)
# Messages whose body holds a secret (a status code, a link that records consent, a password-reset or
# sign-in link, a one-use feedback link): once sent, the body is replaced, so the code or link lives on only
# in the mailbox it went to. Only failed messages are sent again.
SECRET_BODIES = frozenset(
    {
        "confirmation",
        "confirmation-sms",
        "share-consent",
        "password-reset",
        "sign-in-link",
        "feedback",
        "feedback-sms",
        "employer-feedback",
    }
)
SENT_SECRET = "(Sent. This message held a code or a link, so its words are not kept.)"


def backoff(attempts: int, base_seconds: float, cap: timedelta = MAX_BACKOFF, rand: float = 0.0) -> timedelta:
    """The wait after the attempts-th failed try: base, 2 x base, 4 x base, ... up to cap, less up to a
    tenth for jitter (rand is in [0, 1); pass random.random() for it)."""
    if attempts < 1:
        raise ValueError("backoff starts after the first failed try")
    seconds = min(base_seconds * 2 ** min(attempts - 1, 40), cap.total_seconds())
    return timedelta(seconds=seconds * (1 - JITTER * rand))


@dataclass
class SendCounts:
    sent: int = 0
    retrying: int = 0  # failed this time; tried again later
    gave_up: int = 0  # failed for good this time: status "failed", shown to staff
    queued: int = 0  # still queued after this run

    def add(self, other: "SendCounts") -> None:
        self.sent += other.sent
        self.retrying += other.retrying
        self.gave_up += other.gave_up
        self.queued = other.queued

    @property
    def tried(self) -> int:
        return self.sent + self.retrying + self.gave_up

    def __str__(self) -> str:
        return (
            f"Sent {self.sent}; failed this time {self.retrying} (will try again); "
            f"gave up {self.gave_up}; still queued {self.queued}."
        )


def _due(now: datetime):
    return (
        OutboxMessage.status == "queued",
        OutboxMessage.next_attempt_at <= now,
        or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
    )


def due_ids(session: Session, now: datetime, limit: int) -> list[int]:
    query = (
        select(OutboxMessage.id)
        .where(*_due(now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def claim(factory: sessionmaker, message_id: int, now: datetime) -> bool:
    """Take a message for this worker. False when another worker has it, or it is sent or no longer due."""
    with factory() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, *_due(now))
            .values(claimed_until=now + CLAIM)
            .execution_options(synchronize_session=False)
        )
        session.commit()
        return result.rowcount == 1


def send_one(
    factory: sessionmaker, delivery: Delivery, message_id: int, now: datetime, max_attempts: int, backoff_seconds: float
) -> str:
    """Send a claimed message and record how it went: "sent", "retrying" or "gave_up"."""
    with factory() as session:
        message = session.get(OutboxMessage, message_id)
        session.commit()  # no transaction stays open while the mail server is talking
        try:
            provider_id = delivery.send(message)
        except DeliveryError as exc:
            error = exc
        except Exception as exc:  # an unexpected fault must not stop the other messages going
            error = DeliveryError(type(exc).__name__)
        else:
            message.status, message.sent_at, message.provider_id, message.claimed_until = "sent", now, provider_id, None
            if message.kind in SECRET_BODIES:
                message.body = SENT_SECRET
            session.commit()
            logger.info("Outbox message %s sent", message_id)
            return "sent"
        message.attempts += 1
        message.last_error = error.summary[:200]
        message.claimed_until = None
        if error.permanent or message.attempts >= max_attempts:
            message.status = "failed"
            outcome = "gave_up"
        else:
            message.next_attempt_at = now + backoff(message.attempts, backoff_seconds, rand=random.random())
            outcome = "retrying"
        session.commit()
        logger.warning(
            "Outbox message %s not sent (%s), try %s: %s",
            message_id,
            error.summary,
            message.attempts,
            "gave up" if outcome == "gave_up" else "will try again",
        )
        return outcome


def send_due(
    app: Flask,
    limit: int = 100,
    now: datetime | None = None,
    delivery: Delivery | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> SendCounts:
    """Send up to limit messages that are due, once each. now: a fixed time instead of the clock."""
    factory = app.extensions["database"]["factory"]
    delivery = delivery or delivery_for(app.config)
    counts = SendCounts()
    with factory() as session:
        ids = due_ids(session, now or utc_now(), limit)
    for message_id in ids:
        if should_stop():
            break
        moment = now or utc_now()
        if not claim(factory, message_id, moment):
            continue
        outcome = send_one(
            factory,
            delivery,
            message_id,
            moment,
            app.config["OUTBOX_MAX_ATTEMPTS"],
            app.config["OUTBOX_BACKOFF_SECONDS"],
        )
        setattr(counts, outcome, getattr(counts, outcome) + 1)
    counts.queued = status_counts(app)["queued"]
    if counts.tried:
        logger.info("Outbox: %s", counts)
    return counts


def requeue(message: OutboxMessage, now: datetime) -> None:
    """Staff asked for a failed message to be sent again: it starts over, with every try ahead of it."""
    message.status, message.attempts, message.next_attempt_at = "queued", 0, now
    message.claimed_until, message.last_error = None, None


def status_counts(app: Flask) -> dict[str, int]:
    factory = app.extensions["database"]["factory"]
    with factory() as session:
        rows = session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
        found = dict(rows.all())
    return {status: found.get(status, 0) for status in MESSAGE_STATUSES}
