"""School mode: school staff start a pupil's checklists in a review meeting, with the consent recorded,
and later see the pupil's progress, My work plan and the EHCP view. School staff see their own school's
pupils only; council admins see every pupil."""

from flask import abort, current_app, redirect, render_template, session, url_for
from flask_login import current_user

from app.checklists import for_staff as checklists
from app.extensions import db
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.models import Pupil
from app.staff.permissions import Permission, requires
from app.staff.pupils import service
from app.staff.pupils.forms import CODE_WRONG, CONSENT_BY, YEAR_GROUPS, CarryOnForm, PupilForm

# The staff session keeps a new resume code until the pupil's page has shown it once.
CODE_TO_SHOW = "pupil_code"


def pupil_or_404(pupil_id: int) -> Pupil:
    """The pupil, if this member of staff may see them; otherwise 404, with the try in the audit trail."""
    pupil, exists = service.visible_pupil(db.session, current_user, pupil_id)
    if pupil is None:
        record_now("denied" if exists else "not-found", "pupil", pupil_id)
        abort(404)
    return pupil


def _open_here(pupil: Pupil, opened: service.Opened) -> None:
    """Open the pupil's checklists in this browser, as the public pages do, and keep a new code to show once."""
    checklists.open_here(opened.checklists, opened.code)
    if opened.new_code:
        session[CODE_TO_SHOW] = [pupil.id, opened.code]


@bp.route("/pupils")
@requires(Permission.PUPILS)
def pupils():
    rows = service.pupils_with_progress(db.session, current_user)
    record_now("view", "pupil", None, "list")
    return render_template("staff/pupils/list.html", pupils=rows, years=YEAR_GROUPS)


@bp.route("/pupils/new", methods=["GET", "POST"])
@requires(Permission.PUPILS)
def new_pupil():
    form = PupilForm()
    if current_user.school_id is not None and form.is_submitted():
        valid = form.validate()
        values = form.check()
        if valid and values:
            pupil, opened = service.add_pupil(
                db.session,
                school_id=current_user.school_id,
                staff_id=current_user.id,
                values=values,
                secret=current_app.config["SECRET_KEY"],
                keep_days=current_app.config["CHECKLIST_DAYS"],
            )
            _open_here(pupil, opened)
            checklist_id, step_id = checklists.first_step()
            return redirect(url_for("checklists.step", checklist_id=checklist_id, step_id=step_id))
    return render_template(
        "staff/pupils/new.html",
        form=form,
        years=list(YEAR_GROUPS.items()),
        consent=list(CONSENT_BY.items()),
        keep_days=current_app.config["CHECKLIST_DAYS"],
    )


def _pupil_page(pupil: Pupil, form: CarryOnForm, code_status: int = 200):
    shown = session.get(CODE_TO_SHOW)
    code = None
    if isinstance(shown, list) and shown[:1] == [pupil.id]:
        code = shown[1]
        session.pop(CODE_TO_SHOW)
    return render_template(
        "staff/pupils/pupil.html",
        pupil=pupil,
        progress=service.progress_of(db.session, pupil),
        form=form,
        code=code,
        years=YEAR_GROUPS,
        consent=CONSENT_BY,
    ), code_status


@bp.route("/pupils/<int:pupil_id>")
@requires(Permission.PUPILS)
def pupil(pupil_id: int):
    found = pupil_or_404(pupil_id)
    record_now("view", "pupil", found.id, "page")
    return _pupil_page(found, CarryOnForm())


@bp.route("/pupils/<int:pupil_id>/carry-on", methods=["POST"])
@requires(Permission.PUPILS)
def carry_on(pupil_id: int):
    """Open the pupil's checklists in this browser again: with the pupil's code, or with a new code."""
    pupil = pupil_or_404(pupil_id)
    form = CarryOnForm()
    valid = form.validate()
    code = form.check()
    if not valid or code is None:
        return _pupil_page(pupil, form, 400)
    opened = service.carry_on(
        db.session, pupil, code, current_user.id, current_app.config["SECRET_KEY"], current_app.config["CHECKLIST_DAYS"]
    )
    if opened is None:
        form.code.errors = [CODE_WRONG]
        return _pupil_page(pupil, form, 400)
    _open_here(pupil, opened)
    return redirect(url_for("checklists.hub"))


def _plan_view(pupil_id: int, template: str, detail: str):
    pupil = pupil_or_404(pupil_id)
    plan, found = service.plan_of(db.session, pupil)
    record_now("view", "pupil", pupil.id, detail)
    return render_template(template, pupil=pupil, plan=plan, found=found, years=YEAR_GROUPS)


@bp.route("/pupils/<int:pupil_id>/plan")
@requires(Permission.PUPILS)
def pupil_plan(pupil_id: int):
    return _plan_view(pupil_id, "staff/pupils/plan.html", "plan")


@bp.route("/pupils/<int:pupil_id>/ehcp")
@requires(Permission.PUPILS)
def pupil_ehcp(pupil_id: int):
    return _plan_view(pupil_id, "staff/pupils/ehcp.html", "ehcp")
