"""Who is working on a referral, and reopening a closed one: two small forms on the referral page."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from app.extensions import db
from app.referrals.models import Referral
from app.staff.audit.service import audit_change
from app.staff.blueprint import bp
from app.staff.permissions import Permission, can, requires
from app.staff.referral.routes import FLASHES
from app.staff.scope import referral_or_404
from app.staff.team import service
from app.staff.words import STATUS_NAMES

NOBODY = "nobody"


@bp.app_template_global()
def team_of(referral: Referral) -> service.Team:
    return service.team(db.session, referral)


@bp.app_template_global()
def can_change_referrals() -> bool:
    return can(current_user, Permission.CHANGE_REFERRALS)


def _back(reference: str):
    """To the referral page, whose top says what was done."""
    return redirect(url_for("staff.referral", reference=reference))


@bp.route("/referrals/<ref:reference>/assign", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def assign(reference: str):
    found = referral_or_404(reference)
    wanted = (request.form.get("worker") or "").strip()
    if wanted == NOBODY:
        worker = None
    else:
        worker = next((u for u in service.assignable(db.session, found) if str(u.id) == wanted), None)
        if worker is None:
            abort(400)  # only a changed form can send a worker who is not on the list
    if (worker.id if worker else None) != found.assigned_to_id:
        service.assign(db.session, found, worker, current_user.id, audit_change)
    flash(
        f"{worker.name} is working on this referral." if worker else "Nobody is working on this referral now.", FLASHES
    )
    return _back(reference)


@bp.route("/referrals/<ref:reference>/reopen", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def reopen(reference: str):
    found = referral_or_404(reference)
    back_to = service.status_before_closing(found)
    if back_to is not None and service.reopen(db.session, found, current_user.id, audit_change):
        flash(f"Reopened. The status is {STATUS_NAMES[back_to]} again.", FLASHES)
    else:
        flash("This referral is not closed now, so it was not reopened.", FLASHES)
    return _back(reference)
