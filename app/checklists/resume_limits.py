"""Limits on wrong resume codes that a classroom never reaches.

A code that opens checklists is never counted. Wrong codes (well-formed, but no checklists have them) are
counted per browser, per code's words (so someone who overheard the words cannot try every number) and per
address, with a ceiling far above what a class of 30 on one school address makes. After the free tries each
further wrong code doubles the wait (1, 2, 4 ... minutes, to an hour): a wait, never a lock.
"""

import math
import secrets
from datetime import timedelta

from flask import current_app, session

from app.ratelimit import client_key, count_failure, hashed_key, waiting

BROWSER = "resume_browser"  # a random id for this browser, in the signed session cookie; nothing personal


def _browser_id() -> str:
    if not isinstance(session.get(BROWSER), str):
        session[BROWSER] = secrets.token_hex(8)
    return session[BROWSER]


def _words(code: str) -> str:
    """The code without its number: the part someone might overhear or half remember."""
    return code.rsplit("-", 1)[0]


def _limits(code: str) -> tuple[tuple[str, int], ...]:
    config = current_app.config
    return (
        (hashed_key("resume-browser", _browser_id()), config["RESUME_FREE_FAILURES_PER_BROWSER"]),
        (hashed_key("resume-words", _words(code)), config["RESUME_FREE_FAILURES_PER_WORDS"]),
        (client_key("resume-client"), config["RESUME_FREE_FAILURES_PER_CLIENT"]),
    )


def minutes_to_wait(code: str) -> int:
    """Whole minutes before this code may be checked from this browser; 0 for now."""
    longest = timedelta(minutes=current_app.config["RESUME_LONGEST_WAIT_MINUTES"])
    wait = max((waiting(key, free, longest) for key, free in _limits(code)), default=timedelta(0))
    return math.ceil(wait.total_seconds() / 60)


def code_not_found(code: str) -> None:
    for key, _free in _limits(code):
        count_failure(key)
