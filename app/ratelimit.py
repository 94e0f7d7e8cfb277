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
    count = _bump(key, forget_after=window, move_start=False)
    return count is not None and count <= limit


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# Failures and growing waits. A failure count's window_start is the time of its latest failure; the count
# is forgotten after a quiet day (and the daily purge removes the row).
FORGET_AFTER = timedelta(days=1)


def wait_after(failures: int, free: int, longest: timedelta) -> timedelta:
    """How long to wait after this many failures: nothing for the first `free`, then 1 minute, doubling to `longest`."""
    if failures < free:
        return timedelta(0)
    return min(timedelta(minutes=2 ** min(failures - free, 20)), longest)


def waiting(key: str, free: int, longest: timedelta) -> timedelta:
    """The time left before the next try at key may be checked (zero when it may be checked now)."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        row = session.get(RateLimit, key)
        if row is None:
            return timedelta(0)
        last, failures = _aware(row.window_start), row.count
    now = clock.now()
    if last + FORGET_AFTER <= now:
        return timedelta(0)
    return max(timedelta(0), last + wait_after(failures, free, longest) - now)


def count_failure(key: str) -> None:
    """One more failure at key, at this moment."""
    _bump(key, forget_after=FORGET_AFTER, move_start=True)


def _bump(key: str, *, forget_after: timedelta, move_start: bool) -> int | None:
    """Add one to key's count, starting again once forget_after has passed since its window_start.

    move_start: the window starts again at every try (a failure's time is its latest); otherwise at the first.
    Returns the new count, or None when three tries to write it all met another server's first try."""
    now = clock.now()
    factory = current_app.extensions["database"]["factory"]
    for _ in range(3):
        with factory() as session:
            row = session.scalar(select(RateLimit).where(RateLimit.key == key).with_for_update())
            if row is None:
                session.add(RateLimit(key=key, window_start=now, count=1))
                count = 1
            elif _aware(row.window_start) + forget_after <= now:
                row.window_start, row.count = now, 1
                count = 1
            else:
                row.count += 1
                if move_start:
                    row.window_start = now
                count = row.count
            try:
                session.commit()
            except IntegrityError:  # another server counted the first try at the same moment
                continue
            return count
    return None


def forget_failures(key: str) -> None:
    """A success at key: its earlier failures no longer count."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        row = session.get(RateLimit, key)
        if row is not None:
            session.delete(row)
            session.commit()
