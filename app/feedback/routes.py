"""Feedback pages: the person's easy-read journey at /feedback/<token>, one question a page on the journey
engine, and the employer's one-page form. No sign-in: the one-use link is the key. A used or expired link
gets a kind page, never an error."""

from dataclasses import replace

from flask import Blueprint, abort, redirect, render_template, request, url_for

from app.extensions import db
from app.feedback import journey, service
from app.feedback.forms import EmployerForm
from app.feedback.journey import FEEDBACK, STEP_IDS
from app.i18n import current_lang
from app.journeys.actions import action, run
from app.journeys.forms import StepForm, first_wrong, form_for, recheck
from app.journeys.types import STEP_TYPES

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


def _open(token: str, kind: str = "person"):
    found = service.find(db.session, token)
    return found if service.is_open(found, kind) else None


def _gone():
    return render_template("feedback/gone.html")


@bp.get("/<token:token>")
def start(token: str):
    found = _open(token)
    if found is None:
        return _gone()
    return render_template("feedback/start.html", token=token, point=found.point, first=FEEDBACK.first)


@bp.route("/<token:token>/<kebab:step_id>", methods=["GET", "POST"])
def question(token: str, step_id: str):
    step = STEP_IDS.get(step_id) or abort(404)
    found = _open(token)
    if found is None:
        return _gone()
    kept = journey.draft(found.token_hash)
    answers, from_check = kept["answers"], request.args.get("from") == "check"
    form = form_for(step, answers, posted=request.method == "POST")
    if request.method == "GET" and step.key in answers:  # an answer kept earlier shows what is wrong with it
        form = recheck(step, answers, base=StepForm) or form
    if request.method == "POST" and form.validate():
        answers.update(form.answers())
        journey.keep(kept)
        return redirect(_after(token, step, answers, from_check))
    number, total = journey.position(step, answers)
    return render_template(
        "journeys/question.html",
        journey=FEEDBACK,
        step=step,
        kind=STEP_TYPES[step.type],
        form=form,
        number=number,
        total=total,
        question=step.question[0],
        hint=step.hint[0] if step.hint else None,
        personal=False,
        back_url=_back(token, step, answers, from_check),
    )


def _after(token: str, step, answers: dict, from_check: bool) -> str:
    later = None if from_check else journey.following(step, answers)
    missing = journey.first_missing(answers)
    if later is None and missing is not None and from_check:
        later = missing
    if later is None:
        return url_for(".check", token=token)
    return url_for(".question", token=token, step_id=later.id, **({"from": "check"} if from_check else {}))


def _back(token: str, step, answers: dict, from_check: bool) -> str:
    if from_check:
        return url_for(".check", token=token)
    before = journey.previous(step, answers)
    return url_for(".question", token=token, step_id=before.id) if before else url_for(".start", token=token)


@bp.get("/<token:token>/check")
def check(token: str):
    found = _open(token)
    if found is None:
        return _gone()
    answers = journey.draft(found.token_hash)["answers"]
    rows = []
    for step in journey.path(answers):
        if step.key in answers:
            change = url_for(".question", token=token, step_id=step.id, **{"from": "check"})
            rows += [replace(row, change_url=change) for row in STEP_TYPES[step.type].rows(step, answers)]
    last = journey.path(answers)[-1]
    return render_template(
        "feedback/check.html",
        token=token,
        rows=rows,
        missing=journey.first_missing(answers),
        back_url=url_for(".question", token=token, step_id=last.id),
    )


@bp.post("/<token:token>/send")
def send(token: str):
    found = _open(token)
    if found is None:
        return _gone()
    answers = journey.draft(found.token_hash)["answers"]
    missing = journey.first_missing(answers) or first_wrong(journey.path(answers), answers)
    if missing is not None:
        return redirect(url_for(".question", token=token, step_id=missing.id, **{"from": "check"}))
    return run(FEEDBACK.finish, found, answers)


@action("save-feedback")
def _save_feedback(found, answers: dict):
    """The end of the journey: the answers are kept and the link is spent, or, if it was spent meanwhile,
    the kind page for a used link."""
    if not service.save(db.session, found, answers, current_lang()):
        return _gone()
    journey.clear()
    return redirect(url_for(".thanks"))


@bp.get("/thank-you")
def thanks():
    return render_template("feedback/thanks.html")


@bp.route("/employer/<token:token>", methods=["GET", "POST"])
def employer(token: str):
    found = _open(token, "employer")
    if found is None:
        return render_template("feedback/gone.html", employer=True)
    form = EmployerForm()
    if form.validate_on_submit():
        if not service.save(db.session, found, form.data, current_lang()):
            return render_template("feedback/gone.html", employer=True)
        return redirect(url_for(".thanks"))
    return render_template("feedback/employer.html", form=form)
