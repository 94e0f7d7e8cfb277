"""Which referrals a member of staff may see. Every staff route that takes a referral uses this, so a
provider who changes the reference in the address gets 404, and the try is in the audit trail."""

from flask import abort
from flask_login import current_user
from sqlalchemy import Select, select

from app.extensions import db
from app.referrals.models import Referral
from app.staff.audit.service import record_now


def visible_referrals(user=None) -> Select:
    """A query for the referrals this member of staff may see."""
    user = user or current_user
    query = select(Referral)
    if user.role == "council-admin":
        return query
    if user.role == "provider" and user.organization_id:
        return query.where(Referral.organization_id == user.organization_id)
    return query.where(Referral.id.is_(None))  # nothing


def reported_referrals(user=None) -> Select:
    """The referrals whose figures this member of staff may see: all of them for council admins and
    commissioners (who never open one), their organisation's for provider staff."""
    user = user or current_user
    if user.role == "commissioner":
        return select(Referral)
    return visible_referrals(user)


def referral_or_404(reference: str) -> Referral:
    """The referral with this reference, if this member of staff may see it; otherwise 404 (audited)."""
    referral = db.session.scalar(visible_referrals().where(Referral.reference == reference))
    if referral is None:
        exists = db.session.scalar(select(Referral.id).where(Referral.reference == reference))
        record_now("denied" if exists else "not-found", "referral", reference)
        abort(404)
    return referral
