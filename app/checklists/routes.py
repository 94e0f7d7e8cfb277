"""My work checklists: one generic route serves every step of every checklist."""

from datetime import timedelta

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from sqlalchemy.exc import DBAPIError

from app.checklists import current as cur
from app.checklists import service
from app.checklists.answers import (
    Answer,
    answer_from,
    first_unanswered,
    next_step_id,
    path,
    previous_step_id,
    progress,
    setup_done,
    values,
)
from app.checklists.definitions import setup_of
from app.checklists.document import check_row, voice_of
from app.checklists.plan import build_plan
from app.errors import is_database_fault
from app.extensions import db
from app.i18n import current_lang
from app.journeys import walker
from app.journeys.forms import form_for
from app.journeys.types import STEP_TYPES

bp = Blueprint("checklists", __name__, url_prefix="/my-work")


def _checklist(checklist_id: str):
    found = cur.definitions().get(checklist_id)
    return found if found is not None else abort(404)


def _answers(found: cur.Current | None) -> dict:
    return service.answers_of(db.session, found.record) if found else {}


def _then(value: str | None) -> str | None:
    """Which checklist to go to after 'Before you start': only a real one."""
    found = cur.definitions().get(value) if value else None
    return value if found is not None and not found.setup else None


def _keep_days() -> int:
    return current_app.config["CHECKLIST_DAYS"]


@bp.get("/")
def hub():
    found = cur.current_checklists()
    answers = _answers(found)
    checklists = [c for c in cur.definitions().values() if not c.setup]
    status = {c.id: (sum((c.id, s.id) in answers for s in path(c, answers)), len(path(c, answers))) for c in checklists}
    return render_template("checklists/hub.html", checklists=checklists, status=status, found=found, answers=answers)


@bp.get("/<kebab:checklist_id>")
def begin(checklist_id: str):
    checklist = _checklist(checklist_id)
    if checklist.setup:
        return redirect(url_for(".step", checklist_id=checklist.id, step_id=checklist.first))
    found = cur.current_checklists()
    answers = _answers(found)
    done = setup_done(cur.definitions(), answers)
    start = checklist.steps[checklist.first] if done else None
    unanswered = first_unanswered(checklist, answers) if found else None
    return render_template(
        "checklists/begin.html",
        checklist=checklist,
        count=len(path(checklist, answers)),
        setup_done=done,
        setup=setup_of(cur.definitions()),
        start=start,
        unanswered=unanswered,
        answers=answers,
    )


@bp.route("/<kebab:checklist_id>/<kebab:step_id>", methods=["GET", "POST"])
def step(checklist_id: str, step_id: str):
    checklist = _checklist(checklist_id)
    step = checklist.steps.get(step_id) or abort(404)
    found = cur.current_checklists()
    answers = _answers(found)
    then, from_check = _then(request.args.get("then")), request.args.get("from") == "check"
    page = walker.instead(checklist, step, values(checklist, answers))
    if page:
        return render_template(
            page,
            next_url=_after(checklist, step, answers, then, from_check),
            back_url=_back_url(checklist, step, answers, then, from_check),
        )
    kind = STEP_TYPES[step.type]
    form = form_for(step, values(checklist, answers), posted=request.method == "POST", skippable=True)
    action = request.form.get("action", "continue")

    save_failed = False
    if request.method == "POST":
        answer = None
        if action == "skip":
            answer = Answer(skipped=True)
        elif form.validate():
            answer = answer_from(step, form.answers()[step.key])
        elif action == "save" and not request.form.get("answer"):
            answer = False  # nothing chosen: keep what was saved before, and go to the code
        if answer is not None:
            try:
                found = _save(found, checklist, step, answer)
            except DBAPIError as error:
                if not is_database_fault(error):
                    raise
                db.session.rollback()  # the form is shown again below with what was typed
                save_failed = True
            else:
                if action == "save":
                    return redirect(url_for(".save"))
                return redirect(_after(checklist, step, service.answers_of(db.session, found.record), then, from_check))

    number, total = progress(checklist, step, answers)
    speaking = voice_of(checklist, answers)
    return render_template(
        "checklists/step.html",
        checklist=checklist,
        journey=checklist,
        step=step,
        kind=kind,
        form=form,
        number=number,
        total=total,
        back_url=_back_url(checklist, step, answers, then, from_check),
        then=then,
        from_check=from_check,
        question=speaking.pick(step.question),
        hint=speaking.pick(step.hint),
        voice=speaking,
        personal=not speaking.other,
        save_failed=save_failed,
    ), (503 if save_failed else 200)


def _save(found: cur.Current | None, checklist, step, answer) -> cur.Current:
    """Save one answer, starting the person's checklists first if this is their first; remembered only once saved."""
    if found is None:
        record, code = service.start_session(db.session, current_app.config["SECRET_KEY"], _keep_days(), current_lang())
        if answer:
            service.save_answer(db.session, record, checklist.id, step.id, answer, _keep_days())
        cur.remember(record, code)
        return cur.Current(record, code, cur.definitions())
    if answer:
        service.save_answer(db.session, found.record, checklist.id, step.id, answer, _keep_days())
    return found


def _back_url(checklist, step, answers, then, from_check) -> str:
    """Back: to the check page when the person came from it, else the step before, else the checklist's start."""
    if from_check:
        return url_for(".check", checklist_id=checklist.id)
    back = previous_step_id(checklist, step, answers)
    return (
        url_for(".step", checklist_id=checklist.id, step_id=back, then=then)
        if back
        else url_for(".begin", checklist_id=then or checklist.id)
    )


def _after(checklist, step, answers, then, from_check) -> str:
    """Where to go after answering: the next step, or the check page, or the checklist chosen at the start."""
    following = next_step_id(checklist, step, answers)
    if from_check and following and (checklist.id, following) in answers:
        return url_for(".check", checklist_id=checklist.id)
    if following:
        return url_for(".step", checklist_id=checklist.id, step_id=following, then=then)
    if checklist.setup:
        target = cur.definitions().get(then) if then else None
        return url_for(".step", checklist_id=target.id, step_id=target.first) if target else url_for(".hub")
    return url_for(".check", checklist_id=checklist.id)


@bp.get("/<kebab:checklist_id>/check")
def check(checklist_id: str):
    checklist = _checklist(checklist_id)
    found = cur.current_checklists()
    answers = _answers(found)
    speaking = voice_of(checklist, answers)
    rows = [(step, check_row(checklist, step, answers, speaking)) for step in path(checklist, answers)]
    return render_template("checklists/check.html", checklist=checklist, rows=rows, found=found, voice=speaking)


@bp.get("/plan")
def plan():
    found = cur.current_checklists()
    built = build_plan(cur.definitions(), _answers(found))
    return render_template(
        "checklists/plan.html", plan=built, found=found, record=found.record if found else None, shared=False
    )


@bp.get("/plan/ehcp")
def ehcp():
    found = cur.current_checklists()
    built = build_plan(cur.definitions(), _answers(found))
    return render_template(
        "checklists/ehcp.html", plan=built, found=found, record=found.record if found else None, shared=False
    )


def keep_for() -> timedelta:
    return timedelta(days=_keep_days())
