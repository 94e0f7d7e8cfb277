"""One referral's page, and what staff do to it: change its status, add notes, signpost it elsewhere.

Every route finds the referral through referral_or_404, so a provider who changes the reference in the
address gets 404 and the try is audited. The page's queries and the changes are in app.staff.referral.service,
which commits each change with its history line and the audit entry the route hands it; the rows of facts
are worked out in app.staff.referral.views."""

import re

from flask import abort, current_app, flash, get_flashed_messages, redirect, render_template, url_for
from flask_login import current_user

from app.clock import today
from app.extensions import db
from app.feedback import service as feedback_service
from app.feedback import words as feedback_words
from app.pathways.models import Service
from app.referrals.models import Referral
from app.referrals.reference import PATTERN
from app.staff.audit.service import audit_change, record_now
from app.staff.blueprint import bp
from app.staff.overdue import is_overdue
from app.staff.permissions import Permission, can, requires
from app.staff.referral import service
from app.staff.referral.forms import NoteForm, ShareAnswerForm, SignpostForm, StatusForm
from app.staff.referral.views import FACT_SECTIONS, fact_rows, read_plan
from app.staff.referral.workflow import (
    NEXT,
    SIGNPOST_REASONS,
    check_change,
    check_signpost,
    close_reasons,
    status_choices,
)
from app.staff.scope import referral_or_404
from app.staff.words import STATUS_NAMES

FLASHES = "staff-referral"
REFERENCE = re.compile(PATTERN)


def _page(referral: Referral, status_form: StatusForm | None = None, note_form: NoteForm | None = None):
    notes = service.notes_of(db.session, referral)
    events = sorted(referral.events, key=lambda event: (event.at, event.id))
    origin, onward, visible = service.links(db.session, referral, current_user)
    return render_template(
        "staff/referral/referral.html",
        referral=referral,
        notes=notes,
        events=events,
        facts={section: fact_rows(referral, section) for section in FACT_SECTIONS},
        names=service.staff_names(db.session, {n.staff_id for n in notes} | {e.staff_id for e in events}),
        origin=origin,
        onward=onward,
        visible_links=visible,
        plan=read_plan(referral.plan),
        overdue=is_overdue(referral.status, referral.contact_due_on, today()),
        working_days=current_app.config["CONTACT_WITHIN_WORKING_DAYS"],
        can_change=can(current_user, Permission.CHANGE_REFERRALS),
        choices=status_choices(referral.status),
        reasons=close_reasons(referral.status),
        can_signpost="signposted" in NEXT.get(referral.status, ()),
        status_form=status_form or StatusForm(),
        note_form=note_form or NoteForm(),
        done=get_flashed_messages(category_filter=[FLASHES]),
        feedback=feedback_service.answers_of(db.session, referral),
        feedback_words=feedback_words,
    )


@bp.route("/referrals/<ref:reference>")
@requires(Permission.VIEW_REFERRALS)
def referral(reference: str):
    found = referral_or_404(reference)
    record_now("view", "referral", reference)
    return _page(found)


@bp.route("/referrals/<ref:reference>/status", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def change_status(reference: str):
    found = referral_or_404(reference)
    form = StatusForm()
    if form.validate_on_submit():
        new, reason = form.status.data, form.reason.data or None
        refusal = check_change(found.status, new, reason)
        if refusal is None and service.change_status(db.session, found, new, reason, current_user.id, audit_change):
            flash(f"Status changed to {STATUS_NAMES[new]}.", FLASHES)
            return redirect(url_for("staff.referral", reference=reference))
        field = form[refusal.field] if refusal else form.status
        field.errors.append(
            refusal.message
            if refusal
            else "Someone else changed this referral just now. Check its status, then try again."
        )
    return _page(found, status_form=form), 400


@bp.route("/referrals/<ref:reference>/notes", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def add_note(reference: str):
    found = referral_or_404(reference)
    form = NoteForm()
    if form.validate_on_submit():
        service.add_note(db.session, found, form.note.data.strip(), current_user.id, audit_change)
        flash("Note saved.", FLASHES)
        return redirect(url_for("staff.referral", reference=reference))
    return _page(found, note_form=form), 400


def _signpost_page(found: Referral, form: SignpostForm, code: int = 200):
    groups = service.signpost_choices(db.session, found.service_id)
    return render_template(
        "staff/referral/signpost.html",
        referral=found,
        form=form,
        groups=groups,
        reasons=SIGNPOST_REASONS,
        allowed="signposted" in NEXT.get(found.status, ()),
    ), code


@bp.route("/referrals/<ref:reference>/signpost", methods=["GET", "POST"])
@requires(Permission.CHANGE_REFERRALS)
def signpost(reference: str):
    found = referral_or_404(reference)
    form = SignpostForm()
    if not form.is_submitted():
        return _signpost_page(found, form)
    if form.validate_on_submit():
        refusal = check_signpost(found.status, form.reason.data or None)
        if refusal:
            form[refusal.field].errors.append(refusal.message)
        chosen = service.chosen_service(db.session, form.service.data)
        problem = _service_problem(found, chosen)
        if problem and not form.service.errors:
            form.service.errors.append(problem)
        if not (form.service.errors or form.reason.errors):
            new = service.signpost(
                db.session, found, chosen, form.reason.data, current_user.id, current_app.config, audit_change
            )
            if new is not None:
                flash(_signposted_words(new), FLASHES)
                return redirect(url_for("staff.referral", reference=reference))
            form.service.errors.append("Someone else changed this referral just now. Check its status, then try again.")
    return _signpost_page(found, form, 400)


def _service_problem(found: Referral, chosen: Service | None) -> str | None:
    if chosen is None or chosen.status != "active":
        return "Choose a service from the list."
    if chosen.id == found.service_id:
        return "Choose a different service from the one it is with now."
    return None


def _signposted_words(new: Referral) -> str:
    words = f"Sent to {new.service_name}. Its new reference is {new.reference}. We emailed the service."
    if new.share_token_hash:
        words += " We emailed the person to ask if they agree to share their details with it."
    else:
        words += " We have no email for the person: ask them on the phone if they agree to share, then record it."
    if current_user.role == "provider" and new.organization_id != current_user.organization_id:
        words += " It belongs to another organisation now, so you will not see it in your referrals."
    return words


@bp.route("/referrals/<ref:reference>/share-consent", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def record_share_answer(reference: str):
    """A worker records what the person said on the phone about sharing with the service they were sent on to.
    Sent from this referral's page or from the page of the referral it came from (back_to)."""
    found = referral_or_404(reference)
    form = ShareAnswerForm()
    back = form.back_to.data if form.back_to.data else reference
    if form.validate_on_submit() and form.answer.data in ("yes", "no"):
        agreed = form.answer.data == "yes"
        if service.record_share_answer(db.session, found, agreed, current_user.id, audit_change):
            flash(_share_words(found, agreed), FLASHES)
        else:
            flash("There is no answer to record now: it was recorded already.", FLASHES)
        return redirect(url_for("staff.referral", reference=back if REFERENCE.fullmatch(back) else reference))
    abort(400)


def _share_words(found: Referral, agreed: bool) -> str:
    if agreed:
        return f"Recorded: the person agreed to share their details with {found.service_name}. They are copied to {found.reference}."
    return f"Recorded: the person does not want to share their details with {found.service_name}."
