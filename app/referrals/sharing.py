"""Consent to share with a service the person was signposted to.

The person agreed to share their answers with the service they asked. When a worker sends them on to
another service, that service gets a new referral at once, but of the fields the registry says signposting
copies (app/referrals/fields.py) it gets only those kept for the council's figures: codes and dates that
point to nobody. Their name, contact details, answers and plan follow only when the person agrees: a worker
records it from a call, or the person answers a link sent to them. Saying no leaves the new referral as it is."""

import secrets
from datetime import datetime

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import clock
from app.outbox.models import enqueue
from app.referrals.after import confirmation_address, keyed_hash, message_language
from app.referrals.fields import FIELDS
from app.referrals.models import Referral, ReferralEvent

WAITING, AGREED, DECLINED = "waiting", "agreed", "declined"


def copied_at_once() -> tuple[str, ...]:
    """Copied to the new referral when it is made: the copied fields kept for the figures (never removed)."""
    return tuple(field.name for field in FIELDS if field.copied and not field.removed)


def copied_on_consent() -> tuple[str, ...]:
    """Copied once the person agrees: every other field signposting copies (the person's data)."""
    return tuple(field.name for field in FIELDS if field.copied and field.removed)


def ask_person(session: Session, origin: Referral, new: Referral) -> bool:
    """Give the new referral a link token and queue a message asking the person, in the caller's transaction.
    False when there is no email to ask them at: then only a worker can record their answer."""
    address = confirmation_address(origin)
    if not address:
        return False
    token = secrets.token_urlsafe(32)
    new.share_token_hash = keyed_hash(token)
    lang = message_language(origin, to_person=address != origin.asker_email)
    with force_locale(lang):
        body = render_template(
            "messages/share_consent.txt",
            origin=origin,
            new=new,
            link=f"{current_app.config['PUBLIC_URL'].rstrip('/')}/ask-for-help/share/{token}",
            personal=origin.asker == "self",
        )
        subject = _("Can we share your request with %(service)s?", service=new.service_name)
    enqueue(session, "share-consent", address, subject, body, new.id)
    return True


def by_token(session: Session, token: str) -> Referral | None:
    """The referral waiting for the person's answer to this link; None for any other token."""
    if not token or len(token) > 100:
        return None
    return session.scalar(
        select(Referral).where(Referral.share_token_hash == keyed_hash(token), Referral.share_consent == WAITING)
    )


def origin_of(session: Session, referral: Referral) -> Referral | None:
    return session.get(Referral, referral.signposted_from_id) if referral.signposted_from_id else None


def record_answer(
    session: Session,
    referral: Referral,
    agreed: bool,
    by: str,
    staff_id: int | None = None,
    audit=None,
    now: datetime | None = None,
) -> bool:
    """Record the person's answer (by "person" through the link, or "worker" from a call). Agreeing copies
    their data from the referral they were sent on from. Commits. False when no answer is waiting (any more)."""
    if referral.share_consent not in (WAITING, DECLINED) or (not agreed and referral.share_consent == DECLINED):
        return False
    now = now or clock.now()
    values = {"share_consent": AGREED if agreed else DECLINED, "share_token_hash": None, "updated_at": now}
    if agreed:
        values["share_consent_at"] = now
        origin = origin_of(session, referral)
        if origin is not None and origin.personal_data_removed_at is None:
            values.update({name: getattr(origin, name) for name in copied_on_consent()})
    changed = session.execute(
        update(Referral)
        .where(Referral.id == referral.id, Referral.share_consent == referral.share_consent)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:
        session.rollback()
        return False
    kind = "share-agreed" if agreed else "share-declined"
    session.add(ReferralEvent(referral_id=referral.id, at=now, staff_id=staff_id, kind=kind, detail=by))
    if audit is not None:
        audit(referral.reference, kind)
    session.commit()
    session.refresh(referral)
    return True
