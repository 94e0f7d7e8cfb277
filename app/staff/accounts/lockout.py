"""Limits on sign-in and reset tries, from this client and at one email, so that nobody can guess passwords."""

import math
from datetime import UTC, timedelta

from flask import current_app
from sqlalchemy import select

from app.clock import now
from app.ratelimit import RateLimit, client_key, hashed_key, try_once


def locked_for(kind: str, email: str) -> int:
    """Count one try from this client and at this email. Minutes to wait when either is over its limit, else 0."""
    config = current_app.config
    window = timedelta(minutes=config["SIGN_IN_WINDOW_MINUTES"])
    limits = (
        (client_key(kind), config["SIGN_IN_TRIES_PER_CLIENT"]),
        (hashed_key(f"{kind}-account", email), config["SIGN_IN_TRIES_PER_ACCOUNT"]),
    )
    over = [key for key, limit in limits if not try_once(key, limit, window)]
    return max((_minutes_left(key, window) for key in over), default=0)


def _minutes_left(key: str, window: timedelta) -> int:
    with current_app.extensions["database"]["factory"]() as session:
        started = session.scalar(select(RateLimit.window_start).where(RateLimit.key == key))
    if started is None:
        return math.ceil(window.total_seconds() / 60)
    started = started if started.tzinfo else started.replace(tzinfo=UTC)
    seconds = (started + window - now()).total_seconds()
    return max(1, math.ceil(seconds / 60))


def lock_out_message(minutes: int) -> str:
    return f"You have tried too many times. Wait {minutes} minute{'' if minutes == 1 else 's'}, then try again."
