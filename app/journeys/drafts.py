"""A journey's answers before Send, kept on the server (see docs/decisions/0034-drafts-on-the-server.md).

The session cookie is signed, not encrypted: anyone holding it can read it. So it holds only a random id for
each journey's draft; the row keeps a keyed hash of that id, the answers, and the idempotency key for Send,
made here and never taken from a form. A draft lasts DRAFT_HOURS after its last answer, then it is lost
(the journey says so in easy read) and the purge removes it.
"""

import copy
import re
import secrets
from datetime import timedelta

from flask import current_app, session
from sqlalchemy import delete, select
from sqlalchemy.orm.attributes import flag_modified

from app import clock
from app.checklists.codes import code_hash
from app.clock import aware
from app.extensions import db
from app.journeys.models import JourneyDraft

COOKIE = "drafts"  # in the session: {journey: the draft's random id}
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def _ids() -> dict:
    found = session.get(COOKIE)
    return dict(found) if isinstance(found, dict) else {}


def _hash(token: str) -> str:
    return code_hash(token, current_app.config["SECRET_KEY"])


def _life() -> timedelta:
    return timedelta(hours=current_app.config["DRAFT_HOURS"])


def token_of(journey: str) -> str | None:
    """This browser's random id for its draft on this journey: what only this browser holds, to seal with."""
    token = _ids().get(journey)
    return token if isinstance(token, str) and ID_PATTERN.fullmatch(token) else None


def find(journey: str) -> JourneyDraft | None:
    """This browser's draft on this journey, unless it is missing, expired or not one the site made."""
    token = token_of(journey)
    if token is None:
        return None
    row = db.session.scalar(
        select(JourneyDraft).where(JourneyDraft.token_hash == _hash(token), JourneyDraft.journey == journey)
    )
    if row is None or aware(row.expires_at) <= clock.now():
        return None
    return row


def answers_of(row: JourneyDraft) -> dict:
    """A copy of the draft's data, to change and give back to save()."""
    return copy.deepcopy(row.data) if isinstance(row.data, dict) else {}


def start(journey: str, data: dict) -> JourneyDraft:
    """A new draft with a new random id (put in this browser's cookie) and a new idempotency key."""
    drop(journey)
    token, now = secrets.token_urlsafe(32), clock.now()
    row = JourneyDraft(
        token_hash=_hash(token),
        journey=journey,
        data=copy.deepcopy(data),
        idempotency_key=secrets.token_urlsafe(32),
        created_at=now,
        updated_at=now,
        expires_at=now + _life(),
    )
    db.session.add(row)
    db.session.commit()
    session[COOKIE] = {**_ids(), journey: token}
    return row


def save(row: JourneyDraft, data: dict) -> None:
    """Keep the answers so far; the draft lasts DRAFT_HOURS from now."""
    now = clock.now()
    row.data = copy.deepcopy(data)
    flag_modified(row, "data")
    row.updated_at, row.expires_at = now, now + _life()
    db.session.commit()


def mark_sent(row: JourneyDraft, sent: dict | None = None) -> None:
    """Send worked: the answers are now in the record made from them, so the draft keeps none, only what the
    confirmation page shows (`sent`). Its key stays until it expires, so a second press of Send finds the first
    one's record."""
    row.data, row.sent_at = ({"sent": sent} if sent else {}), clock.now()
    flag_modified(row, "data")
    db.session.commit()


def drop(journey: str) -> None:
    """Delete this browser's draft on this journey, and forget its id."""
    ids = _ids()
    token = ids.pop(journey, None)
    if isinstance(token, str):
        db.session.execute(delete(JourneyDraft).where(JourneyDraft.token_hash == _hash(token[:64])))
        db.session.commit()
    if COOKIE in session:
        session[COOKIE] = ids


def drop_all() -> None:
    """Delete every draft this browser has (it closes or deletes the person's answers), and forget them."""
    tokens = [token[:64] for token in _ids().values() if isinstance(token, str)]
    if tokens:
        db.session.execute(delete(JourneyDraft).where(JourneyDraft.token_hash.in_([_hash(t) for t in tokens])))
        db.session.commit()
    session.pop(COOKIE, None)


def expired(now):
    """The rule the purge uses: drafts past their time."""
    return JourneyDraft.expires_at < now


def live(session, now) -> list[JourneyDraft]:
    """Every draft not yet past its time, for a request to see or erase what is held about a person: drafts last
    DRAFT_HOURS, so these are few."""
    return list(session.scalars(select(JourneyDraft).where(JourneyDraft.expires_at >= now).order_by(JourneyDraft.id)))
