"""One referral's page, and what staff do to it: change its status, add notes, signpost it elsewhere.

Every route finds the referral through referral_or_404, so a provider who changes the reference in the
address gets 404 and the try is audited. The changes are made by app.staff.referral.service, which commits each
with its history line and the audit entry the route hands it."""
from dataclasses import dataclass

from flask import current_app, flash, get_flashed_messages, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select

from app.extensions import db
from app.pathways.models import Service
from app.referrals.fields import BY_NAME, Field, staff_fields
from app.referrals.models import Referral, ReferralNote
from app.staff import words
from app.staff.audit.service import record, record_now
from app.staff.referral import service as changes
from app.staff.blueprint import bp
from app.staff.models import StaffUser
from app.staff.overdue import is_overdue, today
from app.staff.permissions import Permission, can, requires
from app.staff.referral.views import read_plan
from app.staff.referral.forms import NoteForm, SignpostForm, StatusForm
from app.staff.scope import referral_or_404, visible_referrals
from app.staff.words import STATUS_NAMES
from app.staff.referral.workflow import NEXT, SIGNPOST_REASONS, check_change, check_signpost, close_reasons, status_choices

FLASHES = "staff-referral"


@dataclass(frozen=True)
class FactRow:
    label: str
    value: str | Markup
    lines: bool = False  # keep the line breaks the person typed


def _value(field: Field, value) -> str | Markup:
    """One field's value in staff words, by its kind."""
    if field.kind == "codes":
        return words.names_for(getattr(words, field.words), value)
    if field.kind == "code":
        return words.name_for(getattr(words, field.words), value)
    if value is None or value == "":
        return field.missing
    if field.kind == "phone":
        return Markup('<a href="tel:{}">{}</a>').format(value.replace(" ", ""), value)
    if field.kind == "email":
        return Markup('<a href="mailto:{0}">{0}</a>').format(value)
    if field.kind == "date":
        return words.long_date(value)
    if field.kind == "moment":
        return words.date_time(value)
    return str(value)


def _age(referral: Referral) -> FactRow:
    born = words.long_date(referral.date_of_birth) if referral.date_of_birth else None
    if referral.age is not None:
        return FactRow("Age", f"{referral.age} (born {born})" if born else str(referral.age))
    return FactRow("Age", f"Born {born}" if born else "Not given")


def _professional(referral: Referral) -> FactRow | None:
    if referral.asker != "professional":
        return None
    value = escape(referral.asker_name or "Name not given")
    for part in (referral.asker_role, referral.asker_organisation):
        value += Markup(", ") + part if part else ""
    if referral.professional_kind:
        value += f" ({words.name_for(words.PROFESSIONAL_KINDS, referral.professional_kind)})"
    if referral.asker_email:
        value += Markup("<br>") + _value(BY_NAME["asker_email"], referral.asker_email)
    return FactRow("Professional", value)


def _parent_consent(referral: Referral) -> FactRow | None:
    if referral.parent_consent_name or referral.parent_consent_at:
        return FactRow("Parent or carer who agreed (under 16)",
                       f"{referral.parent_consent_name or 'Not given'}, {words.date_time(referral.parent_consent_at)}")
    if referral.age is not None and referral.age < 16:
        return FactRow("Parent or carer", "No parent or carer consent is recorded.")
    return None


# Rows that show several fields together, by the row the registry names.
COMBINED_ROWS = {"Age": _age, "Professional": _professional, "Parent or carer who agreed (under 16)": _parent_consent}
FACT_SECTIONS = ("facts", "person", "consent")  # the needs box and the plan have their own parts of the page


def fact_rows(referral: Referral, section: str) -> list[FactRow]:
    """The staff page's rows for one section, worked out from the field registry: a row for each field,
    or one row for the fields that share it."""
    rows, seen = [], set()
    for field in staff_fields(section):
        if field.staff_row in seen:
            continue
        seen.add(field.staff_row)
        value = getattr(referral, field.name)
        if field.staff_row in COMBINED_ROWS:
            row = COMBINED_ROWS[field.staff_row](referral)
        else:
            row = None if field.optional and not value else FactRow(field.staff_row, _value(field, value), field.kind == "lines")
        if row is not None:
            rows.append(row)
    return rows


def _staff_names(ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(db.session.execute(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def _links(referral: Referral) -> tuple[Referral | None, list[Referral], set[int]]:
    """The referral this one came from, those it was sent on to, and which of them this user may open."""
    origin = db.session.get(Referral, referral.signposted_from_id) if referral.signposted_from_id else None
    onward = list(db.session.scalars(select(Referral).where(Referral.signposted_from_id == referral.id).order_by(Referral.id)))
    ids = [r.id for r in ([origin] if origin else []) + onward]
    visible = set(db.session.scalars(visible_referrals().with_only_columns(Referral.id).where(Referral.id.in_(ids)))) if ids else set()
    return origin, onward, visible


def _page(referral: Referral, status_form: StatusForm | None = None, note_form: NoteForm | None = None):
    notes = list(db.session.scalars(select(ReferralNote).where(ReferralNote.referral_id == referral.id)
                                    .order_by(ReferralNote.at.desc(), ReferralNote.id.desc())))
    events = sorted(referral.events, key=lambda event: (event.at, event.id))
    origin, onward, visible = _links(referral)
    return render_template(
        "staff/referral/referral.html", referral=referral, notes=notes, events=events,
        facts={section: fact_rows(referral, section) for section in FACT_SECTIONS},
        names=_staff_names({n.staff_id for n in notes} | {e.staff_id for e in events}),
        origin=origin, onward=onward, visible_links=visible, plan=read_plan(referral.plan),
        overdue=is_overdue(referral.status, referral.contact_due_on, today()),
        working_days=current_app.config["CONTACT_WITHIN_WORKING_DAYS"],
        can_change=can(current_user, Permission.CHANGE_REFERRALS),
        choices=status_choices(referral.status), reasons=close_reasons(referral.status),
        can_signpost="signposted" in NEXT.get(referral.status, ()),
        status_form=status_form or StatusForm(), note_form=note_form or NoteForm(),
        done=get_flashed_messages(category_filter=[FLASHES]),
    )


def audit_change(reference: str, detail: str) -> None:
    """An audit entry for a change to a referral, in the change's own transaction."""
    record("change", "referral", reference, detail)


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
        if refusal is None and changes.change_status(db.session, found, new, reason, current_user.id, audit_change):
            flash(f"Status changed to {STATUS_NAMES[new]}.", FLASHES)
            return redirect(url_for("staff.referral", reference=reference))
        field = form[refusal.field] if refusal else form.status
        field.errors.append(refusal.message if refusal else "Someone else changed this referral just now. Check its status, then try again.")
    return _page(found, status_form=form), 400


@bp.route("/referrals/<ref:reference>/notes", methods=["POST"])
@requires(Permission.CHANGE_REFERRALS)
def add_note(reference: str):
    found = referral_or_404(reference)
    form = NoteForm()
    if form.validate_on_submit():
        changes.add_note(db.session, found, form.note.data.strip(), current_user.id, audit_change)
        flash("Note saved.", FLASHES)
        return redirect(url_for("staff.referral", reference=reference))
    return _page(found, note_form=form), 400


def _services(excluding: str) -> list[Service]:
    return list(db.session.scalars(select(Service).where(Service.status == "active", Service.id != excluding)
                                   .order_by(Service.sort_name)))


def _signpost_page(found: Referral, form: SignpostForm, code: int = 200):
    services = _services(found.service_id)
    groups: dict[str, list[Service]] = {}
    for service in sorted(services, key=lambda s: (s.organization.name.lower(), s.sort_name)):
        groups.setdefault(service.organization.name, []).append(service)
    return render_template("staff/referral/signpost.html", referral=found, form=form, groups=groups,
                           reasons=SIGNPOST_REASONS, allowed="signposted" in NEXT.get(found.status, ())), code


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
        service = db.session.get(Service, form.service.data) if form.service.data else None
        problem = _service_problem(found, service)
        if problem and not form.service.errors:
            form.service.errors.append(problem)
        if not (form.service.errors or form.reason.errors):
            new = changes.signpost(db.session, found, service, form.reason.data, current_user.id, current_app.config, audit_change)
            if new is not None:
                flash(_signposted_words(new), FLASHES)
                return redirect(url_for("staff.referral", reference=reference))
            form.service.errors.append("Someone else changed this referral just now. Check its status, then try again.")
    return _signpost_page(found, form, 400)


def _service_problem(found: Referral, service: Service | None) -> str | None:
    if service is None or service.status != "active":
        return "Choose a service from the list."
    if service.id == found.service_id:
        return "Choose a different service from the one it is with now."
    return None


def _signposted_words(new: Referral) -> str:
    words = f"Sent to {new.service_name}. Its new reference is {new.reference}. We emailed the service."
    if current_user.role == "provider" and new.organization_id != current_user.organization_id:
        words += " It belongs to another organisation now, so you will not see it in your referrals."
    return words
