"""The directory for directory editors and council admins: the list of services with their review state,
and each service's easy-read words, written by one person, checked by another, then published."""

from flask import abort, flash, get_flashed_messages, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from app import clock
from app.extensions import db
from app.pathways.fields import SCHEDULE, put
from app.pathways.schedule_words import DAYS, WORDS, schedule_sentences
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.directory import details, readability, service, times
from app.staff.directory.choices import kind_choices, step_choices, symbol_choices
from app.staff.directory.forms import DetailsForm, EasyReadForm, TimesForm
from app.staff.permissions import Permission, requires

PAGE_SIZE = 25  # services a page
DONE, PROBLEM = "staff-directory", "staff-directory-problem"  # flash categories
STATE_NAMES = {"draft": "Draft", "checked": "Checked", "published": "Published"}


@bp.route("/directory")
@requires(Permission.EDIT_DIRECTORY)
def directory():
    words = request.args.get("q", "")[:100]
    state = request.args.get("state", "")
    state = state if state in STATE_NAMES else ""
    page = service.services_page(db.session, words, state, request.args.get("page", 1, type=int), PAGE_SIZE)
    return render_template("staff/directory/list.html", page=page, words=words, state=state, state_names=STATE_NAMES)


def _service_or_404(service_id: str):
    found = service.find(db.session, service_id[:64])
    if found is None:
        abort(404)
    return found


def _edit_page(found, form: EasyReadForm, status: int = 200):
    values = form.typed()
    checks = {
        name: readability.check(getattr(values, name), name[-2:])
        for name in ("summary_en", "summary_cy", "who_for_en", "who_for_cy")
    }
    return (
        render_template(
            "staff/directory/easy_read.html",
            service=found,
            form=form,
            checks=checks,
            symbols=symbol_choices(found),
            steps=step_choices(),
            kinds=kind_choices(),
            names=service.staff_names(db.session, found),
            pulled=details.is_pulled(found),
            state_names=STATE_NAMES,
            done=get_flashed_messages(category_filter=[DONE]),
            problems=get_flashed_messages(category_filter=[PROBLEM]),
        ),
        status,
    )


@bp.route("/directory/<string:service_id>/easy-read", methods=["GET", "POST"])
@requires(Permission.EDIT_DIRECTORY)
def easy_read(service_id: str):
    found = _service_or_404(service_id)
    form = EasyReadForm()
    if not form.is_submitted():
        form.fill(service.current(found))
        record_now("view", "service", found.id, "easy-read")
        return _edit_page(found, form)
    if not form.validate():  # the CSRF token
        return _edit_page(found, form, 400)
    if request.form.get("action") == "check-words":
        return _edit_page(found, form)
    symbols = {value for value, _ in symbol_choices(found)}
    values = form.check(symbols, {value for value, _, _ in step_choices()}, {value for value, _, _ in kind_choices()})
    if values is None:
        return _edit_page(found, form, 400)
    service.save_draft(db.session, found, values, current_user.id, clock.now())
    flash("Your words are saved as a draft. Another person must check them.", DONE)
    return redirect(url_for("staff.easy_read", service_id=found.id))


@bp.route("/directory/<string:service_id>/easy-read/checked", methods=["POST"])
@requires(Permission.EDIT_DIRECTORY)
def easy_read_checked(service_id: str):
    return _review(service_id, service.mark_checked, "You marked the words as checked. They can be published now.")


@bp.route("/directory/<string:service_id>/easy-read/publish", methods=["POST"])
@requires(Permission.EDIT_DIRECTORY)
def easy_read_publish(service_id: str):
    return _review(service_id, service.publish, "The words are published. Everyone can see them now.")


def _review(service_id: str, step, done: str):
    found = _service_or_404(service_id)
    if not FlaskForm().validate_on_submit():  # the CSRF token
        abort(400)
    try:
        step(db.session, found, current_user.id, clock.now())
    except service.ReviewProblem as problem:
        db.session.rollback()
        flash(str(problem), PROBLEM)
    else:
        flash(done, DONE)
    return redirect(url_for("staff.easy_read", service_id=found.id))


def _own_service_form(found, form, part: str, fill, save):
    """How a form that changes one of the council's own services goes: shown filled (and audited as seen); a post
    for a pulled service refused; checked; saved with a message and shown again. `save()` gives None when the
    form's own checks failed, else whether anything changed. A redirect, or the status to show the page with."""
    if not form.is_submitted():
        fill()
        record_now("view", "service", found.id, part)
        return 200
    if details.is_pulled(found):
        record_now("denied", "service", found.id, f"{part} of a pulled service")
        abort(403)
    if not form.validate():  # the CSRF token
        return 400
    changed = save()
    if changed is None:
        return 400
    flash(f"The {part} are saved. Everyone can see them now." if changed else "Nothing was changed.", DONE)
    return redirect(url_for(request.endpoint, service_id=found.id))


@bp.route("/directory/<string:service_id>/details", methods=["GET", "POST"])
@requires(Permission.EDIT_DIRECTORY)
def service_details(service_id: str):
    found = _service_or_404(service_id)
    form = DetailsForm()

    def save() -> bool | None:
        values = form.check()
        return None if values is None else bool(details.save(db.session, found, values, current_user.id, clock.now()))

    status = _own_service_form(found, form, "details", lambda: form.fill(details.current(found)), save)
    if not isinstance(status, int):
        return status
    return (
        render_template(
            "staff/directory/details.html",
            service=found,
            form=form,
            pulled=details.is_pulled(found),
            done=get_flashed_messages(category_filter=[DONE]),
        ),
        status,
    )


@bp.route("/directory/<string:service_id>/times", methods=["GET", "POST"])
@requires(Permission.EDIT_DIRECTORY)
def service_times(service_id: str):
    """When the service runs: a week of times, and the rules a week cannot show, each of which can be removed."""
    found = _service_or_404(service_id)
    week, others = times.split(found)
    form = TimesForm()

    def save() -> bool | None:
        checked = form.check({schedule.id for schedule in others})
        return None if checked is None else times.save(db.session, found, *checked, current_user.id, clock.now())

    status = _own_service_form(found, form, "times", lambda: form.fill(week), save)
    if not isinstance(status, int):
        return status
    rules = [(s.id, " ".join(x.text for x in schedule_sentences(put(s, SCHEDULE), "en"))) for s in others]
    return (
        render_template(
            "staff/directory/times.html",
            service=found,
            form=form,
            pulled=details.is_pulled(found),
            week=week,
            rules=rules,
            days=DAY_NAMES,
            done=get_flashed_messages(category_filter=[DONE]),
        ),
        status,
    )


DAY_NAMES = tuple(zip(DAYS, WORDS["en"]["days"], strict=True))  # ("MO", "Monday"), ...
