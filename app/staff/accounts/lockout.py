"""Limits on wrong passwords that a stranger cannot turn against the account's owner.

Only failures count, and they are counted per account from one address and per address, never per account
alone: wrong passwords typed somewhere else never stop the owner signing in from their own desk. After a few
free failures each further one means a wait that doubles (1, 2, 4 ... minutes, to an hour), not a lock. An owner
who has to wait can still sign in at once with a one-use link sent to their email.
"""

import math
from datetime import UTC, timedelta

from flask import current_app, request
from sqlalchemy import select

from app import clock
from app.ratelimit import RateLimit, client_key, count_failure, forget_failures, hashed_key, try_once, waiting


def _pair_key(email: str) -> str:
    return hashed_key("sign-in-pair", f"{email}\n{request.remote_addr or 'unknown'}")


def _limits(email: str) -> tuple[tuple[str, int], ...]:
    """(key, free failures) for this account from this address, and for this address."""
    config = current_app.config
    return (
        (_pair_key(email), config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]),
        (client_key("sign-in-client"), config["SIGN_IN_FREE_FAILURES_PER_CLIENT"]),
    )


def _longest() -> timedelta:
    return timedelta(minutes=current_app.config["SIGN_IN_LONGEST_WAIT_MINUTES"])


def minutes_to_wait(email: str) -> int:
    """Whole minutes before a password for this email may be checked from this address; 0 for now."""
    longest = _longest()
    wait = max((waiting(key, free, longest) for key, free in _limits(email)), default=timedelta(0))
    return math.ceil(wait.total_seconds() / 60)


def sign_in_failed(email: str) -> None:
    for key, _free in _limits(email):
        count_failure(key)


def signed_in(email: str) -> None:
    """A right password: this account's failures from this address are forgotten (the address's are not)."""
    forget_failures(_pair_key(email))


def link_wait() -> int:
    """Count one ask for an emailed link (a new password or signing in) from this address. Minutes to wait
    when it has asked too often, else 0. Only the address is limited, so a stranger asking never stops the owner."""
    config = current_app.config
    window = timedelta(minutes=config["SIGN_IN_WINDOW_MINUTES"])
    key = client_key("link-client")
    if try_once(key, config["LINK_REQUESTS_PER_CLIENT"], window):
        return 0
    return _minutes_left(key, window)


def _minutes_left(key: str, window: timedelta) -> int:
    with current_app.extensions["database"]["factory"]() as session:
        started = session.scalar(select(RateLimit.window_start).where(RateLimit.key == key))
    if started is None:
        return math.ceil(window.total_seconds() / 60)
    started = started if started.tzinfo else started.replace(tzinfo=UTC)
    return max(1, math.ceil((started + window - clock.now()).total_seconds() / 60))


def may_email_account(email: str) -> bool:
    """At most a few link emails an hour to one account, so that nobody can fill its inbox. Past that, the
    asker sees the same answer and the links sent before still work."""
    config = current_app.config
    return try_once(hashed_key("link-account", email), config["LINK_EMAILS_PER_ACCOUNT"], timedelta(hours=1))


def lock_out_message(minutes: int) -> str:
    return (
        f"You have typed a wrong password too many times. Try again in {minutes} minute{'' if minutes == 1 else 's'}. "
        "Or we can email you a link to sign in now."
    )


def code_lock_out_message(minutes: int) -> str:
    """Wrong codes at the second step of signing in count with wrong passwords, and mean the same waits."""
    return (
        f"You have typed a wrong password or code too many times. "
        f"Try again in {minutes} minute{'' if minutes == 1 else 's'}."
    )


def too_many_links_message(minutes: int) -> str:
    return f"You have asked for too many links. Try again in {minutes} minute{'' if minutes == 1 else 's'}."
