"""Ask for help: one generic route asks each question, then the check page, Send, and the confirmation.

Answers stay in a draft on the server until Send; the cookie holds only its random id. A lost, expired or
unknown draft sends the person back to the start with a message, never to an error."""

from datetime import date

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from sqlalchemy.exc import DBAPIError

from app.checklists import current as checklists
from app.checklists import service as checklist_service
from app.checklists.plan import build_plan
from app.easyread.audio import private_speech
from app.errors import is_database_fault
from app.extensions import db
from app.i18n import current_lang
from app.journeys.actions import action, run
from app.journeys.forms import StepForm, first_wrong, form_for, recheck
from app.journeys.types import STEP_TYPES
from app.pathways.limits import ID
from app.pathways.models import Service
from app.referrals import draft as drafts
from app.referrals.after import confirmation_address, contacts, new_status_code
from app.referrals.journey import (
    ASK_FOR_HELP,
    BY_KEY,
    STEP_IDS,
    applicable,
    facts,
    first_missing,
    following,
    instead,
    position,
    previous,
    voice,
)
from app.referrals.service import create_referral, find_by_key
from app.referrals.snapshot import plan_snapshot
from app.referrals.views import check_rows, destination

bp = Blueprint("referrals", __name__, url_prefix="/ask-for-help")


def _service(service_id: str) -> Service:
    """The service named in the address, or a 404 page when there is no such service."""
    found = db.session.get(Service, service_id[:ID]) if service_id else None
    return found if found is not None else abort(404)


def _open_plan():
    """The person's own checklists, when this browser has a plan open with some answers in it."""
    found = checklists.current_checklists()
    if found is None:
        return None
    answers = checklist_service.answers_of(db.session, found.record)
    return (found, answers) if not build_plan(found.definitions, answers).is_empty else None


def _lost():
    """No draft in this browser (closed, expired or never started): back to the start, with a message."""
    session[drafts.NOTICE] = "lost"
    return redirect(url_for(".start"))


def _where(draft: dict):
    """Where this draft's request will go. A service gone from the directory since: the council's team."""
    return destination(db.session.get(Service, draft["service_id"]) if draft["service_id"] else None)


def _known(draft: dict, has_plan: bool) -> dict:
    """What the journey knows besides the answers: a plan open, and the ages the chosen service is for."""
    service = db.session.get(Service, draft["service_id"][:ID]) if draft.get("service_id") else None
    return facts(has_plan, service)


def _target_args(draft: dict) -> dict:
    return {"service": draft["service_id"]} if draft.get("service_id") else {"from": "plan"}


def _draft_for_page(question: bool = False) -> dict | None:
    """The draft, or a new one (written with its first answer) when the address names a service or the plan,
    as the start page's link and a link to a question can, or on a question after the start page."""
    if "service" in request.args:
        return drafts.begin(_service(request.args["service"]).id)
    if request.args.get("from") == "plan":
        return drafts.begin(None)
    return drafts.current_or_opened() if question else drafts.current()


@bp.get("/start")
def start():
    """What asking for help is like. Nothing is stored until the first answer."""
    notice = session.pop(drafts.NOTICE, None)
    if request.args.get("service"):
        found = _service(request.args["service"])
        drafts.opened(found.id)
        return render_template(
            "referrals/start.html",
            where=destination(found),
            from_plan=False,
            first=ASK_FOR_HELP.first,
            target={"service": found.id},
        )
    if request.args.get("from") == "plan":
        drafts.opened(None)
        return render_template(
            "referrals/start.html",
            where=destination(None),
            from_plan=True,
            first=ASK_FOR_HELP.first,
            target={"from": "plan"},
        )
    return render_template("referrals/choose.html", notice=notice)


@bp.route("/<kebab:step_id>", methods=["GET", "POST"])
def question(step_id: str):
    step = STEP_IDS.get(step_id) or abort(404)
    draft = _draft_for_page(question=True)
    if draft is None:
        return _lost()
    answers, known = draft["answers"], _known(draft, _open_plan() is not None)
    from_check = request.args.get("from") == "check"
    where = _where(draft)
    page = instead(step, answers, known)
    if page:
        return render_template(
            page,
            next_url=_after(step, answers, known, from_check),
            back_url=_back(step, answers, known, from_check, draft),
        )
    form = form_for(step, answers, posted=request.method == "POST")
    if request.method == "GET" and step.key in answers:  # an answer kept earlier shows what is wrong with it
        form = recheck(step, answers, base=StepForm) or form
    if request.method == "POST" and form.validate():
        kept = form.answers()
        if kept is None:  # the person said no to going on
            return run(ASK_FOR_HELP.stop, draft)
        answers.update(kept)
        drafts.save(draft)
        return redirect(_after(step, answers, known, from_check))
    number, total = position(step, answers, known)
    speaking = voice(answers)
    return render_template(
        "journeys/question.html",
        journey=ASK_FOR_HELP,
        step=step,
        kind=STEP_TYPES[step.type],
        form=form,
        where=where,
        number=number if STEP_TYPES[step.type].counted else None,
        total=total,
        voice=speaking,
        facts=known,
        question=speaking.pick(step.question),
        hint=speaking.pick(step.hint),
        personal=not speaking.other,
        private_words=_private_words(step, speaking),
        back_url=_back(step, answers, known, from_check, draft),
        keep_days=current_app.config["REFERRAL_KEEP_DAYS"],
    )


def _private_words(step, speaking) -> dict:
    """The words on this page that hold the person's name, each with the address that speaks it without
    storing it: shown, and read aloud on request, but never kept as audio."""
    parts = {"question": step.question, "hint": step.hint}
    parts |= {f"option-{o.id}": o.voiced for o in step.options}
    return {
        " ".join(speaking.pick(texts).split()): url_for(".say", step_id=step.id, part=part)
        for part, texts in parts.items()
        if speaking.names(texts)
    }


@bp.get("/<kebab:step_id>/say/<kebab:part>.mp3")
def say(step_id: str, part: str):
    """A question, hint or answer that holds the person's name, spoken for this browser only."""
    step = STEP_IDS.get(step_id) or abort(404)
    draft = drafts.current()
    speaking = voice(draft["answers"]) if draft else None
    texts = {"question": step.question, "hint": step.hint}.get(part)
    if part.startswith("option-") and step.option(part.removeprefix("option-")):
        texts = step.option(part.removeprefix("option-")).voiced
    if speaking is None or not speaking.names(texts):
        abort(404)
    return private_speech(speaking.pick(texts), current_lang())


def _after(step, answers: dict, known: dict, from_check: bool) -> str:
    """The next question; from the check page, the next one still unanswered, else the check page."""
    if from_check:
        missing = first_missing(answers, known)
        return url_for(".question", step_id=missing.id, **{"from": "check"}) if missing else url_for(".check")
    later = following(step, answers, known)
    return url_for(".question", step_id=later.id) if later else url_for(".check")


def _back(step, answers: dict, known: dict, from_check: bool, draft: dict) -> str:
    if from_check:
        return url_for(".check")
    before = previous(step, answers, known)
    return url_for(".question", step_id=before.id) if before else url_for(".start", **_target_args(draft))


@action("drop-draft")
def _end(draft: dict):
    """Saying no ends the journey kindly: the answers are dropped and nothing is saved."""
    drafts.clear()
    session[drafts.ENDED] = draft.get("service_id") or ""
    return redirect(url_for(".not_sent"))


@bp.get("/not-sent")
def not_sent():
    service_id = session.get(drafts.ENDED)
    found = db.session.get(Service, service_id[:ID]) if isinstance(service_id, str) and service_id else None
    return render_template("referrals/not_sent.html", service=found)


@bp.get("/check")
def check():
    draft = _draft_for_page()
    if draft is None:
        return _lost()
    return _check_page(draft)


def _check_page(draft: dict, save_failed: bool = False) -> str:
    answers, known = draft["answers"], _known(draft, _open_plan() is not None)
    missing = first_missing(answers, known)
    last = applicable(answers, known)[-1]
    return render_template(
        "referrals/check.html",
        rows=check_rows(answers, known),
        where=_where(draft),
        missing=missing,
        back_url=url_for(".question", step_id=last.id),
        save_failed=save_failed,
    )


@bp.post("/send")
def send():
    draft = drafts.current()
    if draft is None:  # a second press or a refresh after Send, or no draft at all
        key = drafts.sent_key()
        existing = find_by_key(db.session, key) if key else None
        return redirect(url_for(".sent")) if existing is not None else _lost()
    plan = _open_plan()
    known = _known(draft, plan is not None)
    missing = first_missing(draft["answers"], known) or first_wrong(
        applicable(draft["answers"], known), draft["answers"]
    )
    if missing is not None:
        return redirect(url_for(".question", step_id=missing.id, **{"from": "check"}))
    try:
        referral, code = run(ASK_FOR_HELP.finish, draft, plan, draft["key"], known)
    except DBAPIError as error:
        if not is_database_fault(error):
            raise
        db.session.rollback()  # nothing was saved; the answers are still in the draft, shown again to send
        return _check_page(draft, save_failed=True), 503
    drafts.sent(draft, _sent_record(referral, code))
    return redirect(url_for(".sent"))


@action("send-referral")
def _send_referral(draft: dict, plan, key: str, known: dict):
    """The end of the journey: the draft becomes a referral, with the plan when the person chose to send it."""
    snapshot = plan_snapshot(plan[0].definitions, plan[1]) if plan else None
    fields = drafts.referral_fields(
        draft, applicable(draft["answers"], known), snapshot, plan[0].record.id if plan else None, current_lang()
    )
    code = new_status_code()
    referral, made = create_referral(db.session, fields, key, status_code=code)
    return referral, (code if made else None)


def _sent_record(referral, code: str | None) -> dict:
    """What the confirmation page shows, kept with the sent draft (never in the cookie). The status code is known
    only when the referral was just made."""
    return {
        "reference": referral.reference,
        "service_id": referral.requested_service_id or referral.service_id,
        "routed": referral.routed_to_council,
        "methods": list(referral.contact_methods or []),
        "due": referral.contact_due_on.isoformat(),
        "personal": referral.asker == "self",
        "code": code,
        "emailed": confirmation_address(referral) is not None,
    }


@bp.get("/sent")
def sent():
    record = drafts.sent_record()
    if record is None:
        return render_template("referrals/nothing_sent.html")
    found = db.session.get(Service, record["service_id"][:ID]) if record.get("service_id") else None
    where = destination(found if found is not None and not record["routed"] else None)
    methods = [(o.label, o.symbol) for o in BY_KEY["contact_methods"].options if o.id in record["methods"]]
    return render_template(
        "referrals/sent.html",
        record=record,
        where=where,
        methods=methods,
        due=date.fromisoformat(record["due"]),
        days=current_app.config["CONTACT_WITHIN_WORKING_DAYS"],
        contacts=contacts(where.service),
    )


def spoken_reference(reference: str) -> str:
    """A reference as a voice should say it: one character at a time, a pause between the halves."""
    return ". ".join(", ".join(half) for half in reference.split("-")) + "."


@bp.get("/sent/reference.mp3")
def reference_audio():
    record = drafts.sent_record()
    if record is None:
        abort(404)
    return private_speech(spoken_reference(record["reference"]), "en")  # letters and digits, said in English


@bp.get("/sent/code.mp3")
def status_code_audio():
    record = drafts.sent_record()
    if record is None or not isinstance(record.get("code"), str):
        abort(404)
    return private_speech(spoken_reference(record["code"]), "en")  # letters and digits, said in English
