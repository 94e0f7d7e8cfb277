"""Limits on repeated tries, kept in the database so that every app server shares them."""

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from flask import current_app, request
from sqlalchemy import DateTime, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app import clock
from app.database import Base


class RateLimit(Base):
    """How many tries a key has made in its current window. Keys are hashed: no address is stored."""

    __tablename__ = "rate_limit"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    count: Mapped[int] = mapped_column(Integer)


def hashed_key(kind: str, value: str) -> str:
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), value.encode(), hashlib.sha256).hexdigest()
    return f"{kind}:{digest[:64]}"[:80]


def client_key(kind: str) -> str:
    return hashed_key(kind, request.remote_addr or "unknown")


def try_once(key: str, limit: int, window: timedelta) -> bool:
    """Count one try against key; False when it is over the limit for this window."""
    now = clock.now()
    factory = current_app.extensions["database"]["factory"]
    for _ in range(3):
        with factory() as session:
            row = session.scalar(select(RateLimit).where(RateLimit.key == key).with_for_update())
            if row is None:
                session.add(RateLimit(key=key, window_start=now, count=1))
            elif _aware(row.window_start) + window <= now:
                row.window_start, row.count = now, 1
            else:
                row.count += 1
            count = 1 if row is None else row.count
            try:
                session.commit()
            except IntegrityError:  # another server counted the first try at the same moment
                continue
            return count <= limit
    return False


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
