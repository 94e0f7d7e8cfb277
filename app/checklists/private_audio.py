"""Audio of private words (a resume code, what a person typed, the plan's words that hold their first name):
made on request, never stored."""

from flask import abort, current_app, url_for

from app.checklists import codes, keeping, routes, service
from app.checklists import current as cur
from app.checklists.keeping import spoken_code
from app.checklists.plan import build_plan
from app.checklists.routes import bp
from app.easyread.audio import private_speech
from app.easyread.reader import reader
from app.extensions import db
from app.i18n import current_lang
from app.nation import plan_view

VIEWS = ("plan", "ehcp")


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


def words_of(plan, view: str) -> list[str]:
    """The private words of My work plan ("plan") or of its view for professionals ("ehcp"), in order."""
    if view == "plan":
        return plan.private_texts()
    shown = plan_view()
    return plan.private_texts(shown.title, shown.headings)


def _words(record, view: str, number: int) -> str:
    """One of the plan's private words: its title, a heading or a sentence that names the person."""
    if view not in VIEWS:
        abort(404)
    words = words_of(build_plan(cur.definitions(), service.answers_of(db.session, record)), view)
    if number >= len(words):
        abort(404)
    return words[number]


@bp.get("/audio/<kebab:view>/words/<int:number>.mp3")
def words_audio(view: str, number: int):
    found = cur.current_checklists() or abort(404)
    return private_speech(_words(found.record, view, number), current_lang())


@bp.get("/shared/<token:token>/audio/<kebab:view>/words/<int:number>.mp3")
def shared_words_audio(token: str, view: str, number: int):
    record = service.find_shared(db.session, token, current_app.config["SECRET_KEY"]) or abort(404)
    return private_speech(_words(record, view, number), current_lang())


def read_plan_privately(plan, view: str, token: str | None = None) -> str:
    """Give this page's reader the plan's private words, each with the address that speaks it, and the address
    that reads the whole page with them in it. Returns nothing to show."""
    page, endpoint = reader(), "checklists.shared_" if token else "checklists."
    shared = {"token": token} if token else {}
    page.private_words.update(
        (text, url_for(f"{endpoint}words_audio", view=view, number=number, **shared))
        for number, text in enumerate(words_of(plan, view))
    )
    page.private_page_url = url_for(f"{endpoint}page_audio", view=view, **shared)
    return ""


@bp.get("/audio/<kebab:view>/words/all.mp3")
def page_audio(view: str):
    """My work plan or its view for professionals read whole, with the words that name the person."""
    if view not in VIEWS:
        abort(404)
    (routes.plan if view == "plan" else routes.ehcp)()
    return private_speech(reader().page_text(everything=True), current_lang())


@bp.get("/shared/<token:token>/audio/<kebab:view>/words/all.mp3")
def shared_page_audio(token: str, view: str):
    if view not in VIEWS:
        abort(404)
    (keeping.shared_plan if view == "plan" else keeping.shared_ehcp)(token)
    return private_speech(reader().page_text(everything=True), current_lang())
