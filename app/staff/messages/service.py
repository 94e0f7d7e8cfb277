"""The outbox page's work: counts by status, the messages still to go a page at a time, and sending
a failed message again."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import now as utc_now
from app.outbox.models import OutboxMessage
from app.outbox.sending import requeue
from app.referrals.models import Referral
from app.staff.audit.service import record
from app.staff.paging import Page, page_of

WAITING = ("queued", "failed")


def counts(session: Session) -> dict[str, int]:
    """How many messages have each status."""
    return dict(session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())


def waiting_page(session: Session, found: dict[str, int], asked: int, size: int) -> Page:
    """One page of (message, its referral's reference or None) still to go or failed, newest first.
    found is the counts by status, so the waiting ones need not be counted again."""
    query = (
        select(OutboxMessage, Referral.reference)
        .outerjoin(Referral, Referral.id == OutboxMessage.referral_id)
        .where(OutboxMessage.status.in_(WAITING))
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    )
    return page_of(session, query, asked, size, total=sum(found.get(status, 0) for status in WAITING))


def find(session: Session, message_id: int) -> OutboxMessage | None:
    """The message with this id, if there is one."""
    return session.get(OutboxMessage, message_id)


def send_again(session: Session, message: OutboxMessage) -> bool:
    """Queue a failed message again, with its audit entry. False when it is not failed (already queued or sent)."""
    if message.status != "failed":
        return False
    requeue(message, utc_now())
    record("change", "outbox", message.id, "send-again")
    session.commit()
    return True
