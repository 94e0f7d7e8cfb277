"""The work behind the checklist pages: sessions, answers, codes, sharing and deleting. No request here."""

import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.checklists import codes
from app.checklists.answers import Answer, Answers
from app.checklists.models import ChecklistAnswer, ChecklistSession, OpenLink, ShareLink
from app.clock import aware, now

MAX_TEXT = 2000  # characters


def start_session(db: Session, secret: str, keep_days: int, lang: str = "en") -> tuple[ChecklistSession, str]:
    """A new, empty set of checklists and the resume code that opens it (shown once, then hashed), with
    its words in the person's language."""
    while True:
        code = codes.new_code(lang)
        hashed = codes.code_hash(code, secret)
        if db.scalar(select(ChecklistSession.id).where(ChecklistSession.code_hash == hashed)) is None:
            break
    record = ChecklistSession(
        code_hash=hashed, created_at=now(), updated_at=now(), expires_at=now() + timedelta(days=keep_days)
    )
    db.add(record)
    db.flush()
    return record, code


def find_by_code(db: Session, code: str, secret: str) -> ChecklistSession | None:
    """The checklists a code opens, if it is right and not expired. Expired ones are deleted on sight."""
    record = db.scalar(select(ChecklistSession).where(ChecklistSession.code_hash == codes.code_hash(code, secret)))
    if record is not None and aware(record.expires_at) <= now():
        db.delete(record)
        db.commit()
        return None
    return record


def is_live(record: ChecklistSession | None) -> bool:
    return record is not None and aware(record.expires_at) > now()


def answers_of(db: Session, record: ChecklistSession) -> Answers:
    rows = db.scalars(select(ChecklistAnswer).where(ChecklistAnswer.session_id == record.id))
    return {(r.checklist_id, r.step_id): Answer(tuple(r.choices or ()), r.text, r.skipped) for r in rows}


def save_answer(
    db: Session, record: ChecklistSession, checklist_id: str, step_id: str, answer: Answer, keep_days: int
) -> None:
    """Save one answer at once, and keep the checklists for keep_days from now."""
    row = db.scalar(
        select(ChecklistAnswer).where(
            ChecklistAnswer.session_id == record.id,
            ChecklistAnswer.checklist_id == checklist_id,
            ChecklistAnswer.step_id == step_id,
        )
    )
    if row is None:
        row = ChecklistAnswer(session_id=record.id, checklist_id=checklist_id, step_id=step_id)
        db.add(row)
    row.choices, row.text, row.skipped, row.updated_at = list(answer.choices), answer.text, answer.skipped, now()
    record.updated_at, record.expires_at = now(), now() + timedelta(days=keep_days)
    db.commit()


def delete_session(db: Session, record: ChecklistSession) -> None:
    """Gone from the database: answers and share links with it."""
    remove_session(db, record)
    db.commit()


def remove_session(db: Session, record: ChecklistSession) -> tuple[int, int]:
    """Delete these checklists, their answers and share links in the caller's transaction; the counts of
    answers and share links deleted."""
    links = db.execute(delete(ShareLink).where(ShareLink.session_id == record.id)).rowcount
    db.execute(delete(OpenLink).where(OpenLink.session_id == record.id))
    answers = db.execute(delete(ChecklistAnswer).where(ChecklistAnswer.session_id == record.id)).rowcount
    db.delete(record)
    return answers, links


def share(db: Session, record: ChecklistSession, secret: str, days: int) -> str:
    """A new read-only link token; earlier links keep working until they expire or are stopped."""
    token = secrets.token_urlsafe(18)
    db.add(
        ShareLink(
            session_id=record.id,
            token_hash=codes.code_hash(token, secret),
            created_at=now(),
            expires_at=now() + timedelta(days=days),
        )
    )
    db.commit()
    return token


def live_share_links(db: Session, record: ChecklistSession) -> list[ShareLink]:
    links = db.scalars(select(ShareLink).where(ShareLink.session_id == record.id, ShareLink.stopped_at.is_(None)))
    return [link for link in links if aware(link.expires_at) > now()]


def stop_sharing(db: Session, record: ChecklistSession) -> int:
    links = live_share_links(db, record)
    for link in links:
        link.stopped_at = now()
    db.commit()
    return len(links)


def find_shared(db: Session, token: str, secret: str) -> ChecklistSession | None:
    link = db.scalar(select(ShareLink).where(ShareLink.token_hash == codes.code_hash(token[:100], secret)))
    if link is None or link.stopped_at is not None or aware(link.expires_at) <= now() or not is_live(link.session):
        return None
    return link.session
