"""Audio of private words (a resume code, what a person typed, a title with their first name): made on
request, never stored."""

from flask import abort, current_app

from app.checklists import codes, service
from app.checklists import current as cur
from app.checklists.keeping import spoken_code
from app.checklists.plan import build_plan
from app.checklists.routes import bp
from app.easyread.audio import private_speech
from app.extensions import db
from app.i18n import current_lang
from app.nation import plan_view

TITLED_VIEWS = ("plan", "ehcp")


@bp.get("/audio/code.mp3")
def code_audio():
    found = cur.current_checklists() or abort(404)
    return private_speech(spoken_code(found.code), codes.language_of(found.code))


def _typed_sentence(record, checklist_id: str, step_id: str) -> str:
    plan = build_plan(cur.definitions(), service.answers_of(db.session, record))
    for _, sentences in plan.sections():
        for sentence in sentences:
            if sentence.private_key == (checklist_id, step_id):
                return sentence.text
    abort(404)


@bp.get("/audio/<kebab:checklist_id>/<kebab:step_id>.mp3")
def answer_audio(checklist_id: str, step_id: str):
    found = cur.current_checklists() or abort(404)
    return private_speech(_typed_sentence(found.record, checklist_id, step_id), current_lang())


@bp.get("/shared/<token:token>/audio/<kebab:checklist_id>/<kebab:step_id>.mp3")
def shared_answer_audio(token: str, checklist_id: str, step_id: str):
    record = service.find_shared(db.session, token, current_app.config["SECRET_KEY"]) or abort(404)
    return private_speech(_typed_sentence(record, checklist_id, step_id), current_lang())


def _title(record, view: str) -> str:
    """The plan's title with the person's first name, on My work plan or on the view for professionals."""
    plan = build_plan(cur.definitions(), service.answers_of(db.session, record))
    if not plan.name or view not in TITLED_VIEWS:
        abort(404)
    return plan.title if view == "plan" else plan.says(plan_view().title)


@bp.get("/audio/title/<kebab:view>.mp3")
def title_audio(view: str):
    found = cur.current_checklists() or abort(404)
    return private_speech(_title(found.record, view), current_lang())


@bp.get("/shared/<token:token>/audio/title/<kebab:view>.mp3")
def shared_title_audio(token: str, view: str):
    record = service.find_shared(db.session, token, current_app.config["SECRET_KEY"]) or abort(404)
    return private_speech(_title(record, view), current_lang())
