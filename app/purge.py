"""`flask data purge`: remove personal data when its time is up (see docs/decisions/0006-outbox-and-retention.md).

- A referral's personal data is removed when the referral has not changed for REFERRAL_KEEP_DAYS
  (its last change is the later of updated_at and status_changed_at). The field registry
  (app.referrals.fields) says what is removed. What is kept is what the council's figures need: reference,
  service, status, dates, ladder step, age band, who asked (the kind, not the name), needs codes, and jobs
  with their hours and dates.
- Sent messages are deleted SENT_MESSAGE_DAYS after they went; their address and body go with them.
- Checklists past their expiry and not linked to a referral that still holds personal data are deleted,
  with their answers and share links; so are school pupils whose checklist is gone, CHECKLIST_DAYS on.
- The save page's square-code links once used or expired (they work once, for minutes).
- Journey drafts (the answers before Send, app/journeys/drafts.py) past their expiry, DRAFT_HOURS after the last answer.
- Password resets a day after they expired or were used, and rate-limit counts a day after their window.
- Audio clips of words a person typed (search words) when they expire (AUDIO_TYPED_HOURS), with their files.

Everything is counted first, so a dry run reports exactly what a real run would do. Logs and output hold
counts only.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import and_, delete, exists, func, or_, select, update

from app import clock
from app.checklists.models import ChecklistSession, OpenLink
from app.easyread.models import AudioClip
from app.feedback.models import EMPTIED, FeedbackAnswer
from app.journeys import drafts
from app.journeys.models import JourneyDraft
from app.outbox.models import OutboxMessage
from app.ratelimit import RateLimit
from app.referrals.fields import removed_values
from app.referrals.models import Referral, ReferralNote
from app.staff.models import PasswordReset, Pupil, SignInLink

logger = logging.getLogger(__name__)

data_cli = AppGroup("data", help="Look after personal data: remove it when its time is up.")

SENT_MESSAGE_DAYS = 30  # days after a message was sent
SHORT_LIVED = timedelta(days=1)  # password resets after they expire or are used; rate-limit counts after their window


@dataclass
class PurgeCounts:
    referrals: int = 0
    notes: int = 0
    feedback: int = 0  # feedback answers whose words are emptied with the referral's data
    checklists: int = 0
    pupils: int = 0
    messages: int = 0
    password_resets: int = 0
    sign_in_links: int = 0
    open_links: int = 0
    drafts: int = 0
    rate_limits: int = 0
    audio_clips: int = 0

    def summary(self, dry_run: bool = False) -> str:
        remove, delete_ = ("Would remove", "would delete") if dry_run else ("Removed", "deleted")
        empty = "would empty" if dry_run else "emptied"
        deleted = [
            _count(self.checklists, "checklist"),
            _count(self.pupils, "pupil"),
            _count(self.messages, "sent message"),
            _count(self.password_resets, "password reset"),
            _count(self.sign_in_links, "sign-in link"),
            _count(self.open_links, "square-code link"),
            _count(self.drafts, "draft"),
            _count(self.rate_limits, "rate-limit count"),
            _count(self.audio_clips, "typed audio clip"),
        ]
        text = (
            f"{remove} personal data from {_count(self.referrals, 'referral')} "
            f"(and {delete_} {_count(self.notes, 'note')}, {empty} {_count(self.feedback, 'feedback answer')}); "
            f"{delete_} {', '.join(deleted[:-1])} and {deleted[-1]}."
        )
        return f"Dry run, nothing changed. {text}" if dry_run else text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def purge(app: Flask, now: datetime | None = None, dry_run: bool = False) -> PurgeCounts:
    """Remove what is past its time (or only count it, for a dry run), in one transaction."""
    now = now or clock.now()
    config = app.config
    referral_cutoff = now - timedelta(days=config["REFERRAL_KEEP_DAYS"])
    referral_due = and_(
        Referral.personal_data_removed_at.is_(None),
        Referral.updated_at < referral_cutoff,
        Referral.status_changed_at < referral_cutoff,
    )
    kept_with_referral = exists().where(
        Referral.checklist_session_id == ChecklistSession.id,
        Referral.personal_data_removed_at.is_(None),
        or_(Referral.updated_at >= referral_cutoff, Referral.status_changed_at >= referral_cutoff),
    )
    checklist_due = and_(ChecklistSession.expires_at < now, ~kept_with_referral)
    pupil_due = and_(
        Pupil.created_at < now - timedelta(days=config["CHECKLIST_DAYS"]),
        or_(
            Pupil.checklist_session_id.is_(None),
            Pupil.checklist_session_id.in_(select(ChecklistSession.id).where(checklist_due)),
        ),
    )
    rules = {
        "notes": (ReferralNote, ReferralNote.referral_id.in_(select(Referral.id).where(referral_due))),
        "feedback": (
            FeedbackAnswer,
            and_(
                FeedbackAnswer.referral_id.in_(select(Referral.id).where(referral_due)),
                FeedbackAnswer.words_removed_at.is_(None),
            ),
        ),
        "referrals": (Referral, referral_due),
        "pupils": (Pupil, pupil_due),
        "open_links": (OpenLink, or_(OpenLink.expires_at < now, OpenLink.used_at.is_not(None))),
        "drafts": (JourneyDraft, drafts.expired(now)),
        "checklists": (ChecklistSession, checklist_due),
        "messages": (
            OutboxMessage,
            and_(OutboxMessage.status == "sent", OutboxMessage.sent_at < now - timedelta(days=SENT_MESSAGE_DAYS)),
        ),
        "password_resets": (
            PasswordReset,
            or_(PasswordReset.expires_at < now - SHORT_LIVED, PasswordReset.used_at < now - SHORT_LIVED),
        ),
        "sign_in_links": (
            SignInLink,
            or_(SignInLink.expires_at < now - SHORT_LIVED, SignInLink.used_at < now - SHORT_LIVED),
        ),
        "rate_limits": (RateLimit, RateLimit.window_start < now - SHORT_LIVED),
        "audio_clips": (AudioClip, AudioClip.expires_at < now),
    }
    factory = app.extensions["database"]["factory"]
    with factory() as session:
        counts = PurgeCounts(
            **{
                name: session.scalar(select(func.count()).select_from(model).where(rule)) or 0
                for name, (model, rule) in rules.items()
            }
        )
        expired_audio = (
            []
            if dry_run
            else list(session.execute(select(AudioClip.lang, AudioClip.key).where(rules["audio_clips"][1])))
        )
        if not dry_run:
            for name, (
                model,
                rule,
            ) in rules.items():  # notes before their referrals are marked; pupils before checklists
                if name == "referrals":
                    statement = update(Referral).where(rule).values(**removed_values(), personal_data_removed_at=now)
                elif name == "feedback":  # the words go; the rating stays for the figures
                    statement = update(FeedbackAnswer).where(rule).values(**EMPTIED, words_removed_at=now)
                else:
                    statement = delete(model).where(rule)
                session.execute(statement.execution_options(synchronize_session=False))
            session.commit()
    for lang, key in expired_audio:  # after the commit: a file without its row would never be found again
        (Path(config["AUDIO_DIR"]) / lang / f"{key}.mp3").unlink(missing_ok=True)
    logger.info("Data purge: %s", counts.summary(dry_run))
    return counts


@data_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be removed, and change nothing.")
def purge_command(dry_run: bool) -> None:
    """Remove personal data that is past its time, and print how much."""
    counts = purge(current_app._get_current_object(), dry_run=dry_run)
    click.echo(counts.summary(dry_run))
