"""Keeping answers: the resume code, coming back, sharing, downloading and deleting."""

import io
import json

import segno
from flask import Response, abort, current_app, make_response, redirect, render_template, request, session, url_for
from markupsafe import Markup

from app import messages
from app.checklists import codes, document, open_links, resume_limits, service
from app.checklists import current as cur
from app.checklists.on_device import clear_device
from app.checklists.plan import build_plan
from app.checklists.routes import bp
from app.checklists.still_held import still_held
from app.extensions import db
from app.journeys import drafts

SHARED_TOKEN = "shared_token"


def qr_svg(url: str) -> Markup:
    """The link as a QR code, drawn inline so no image request is needed."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=5,
        border=2,
        xmldecl=False,
        svgns=True,
        title=None,
        desc=None,
        svgclass="qr-code",
        lineclass=None,
        omitsize=False,
    )
    return Markup(buffer.getvalue().decode("utf-8"))


def spoken_code(code: str) -> str:
    """The code as a voice should say it: words, then each digit on its own."""
    *letters, digits = code.split("-")
    return ", ".join(letters) + ", " + " ".join(digits) + "."


@bp.get("/save")
def save():
    found = cur.current_checklists()
    minutes = current_app.config["OPEN_LINK_MINUTES"]
    open_url = None
    if found:  # the square carries a token that works once, never the code (addresses reach logs)
        token = open_links.issue(db.session, found.record, found.code, current_app.config["SECRET_KEY"], minutes)
        open_url = url_for(".open_link", token=token, _external=True)
    return render_template(
        "checklists/save.html",
        found=found,
        qr=qr_svg(open_url) if found else None,
        open_minutes=minutes,
        code_lang=codes.language_of(found.code) if found else None,
        keep_days=current_app.config["CHECKLIST_DAYS"],
    )


@bp.route("/resume", methods=["GET", "POST"])
def resume():
    typed = (request.form.get("code") if request.method == "POST" else request.args.get("code")) or ""
    error = None
    status = 200
    if request.method == "POST":
        code = codes.normalise(typed)
        if not typed.strip():
            error = messages.CODE_NEEDED
        elif code is None:
            error = messages.CODE_NOT_A_CODE
        elif wait := resume_limits.minutes_to_wait(code):
            error, status = messages.codes_wait(wait), 429
        else:
            record = service.find_by_code(db.session, code, current_app.config["SECRET_KEY"])
            if record is None:
                resume_limits.code_not_found(code)
                error = messages.CODE_NOT_FOUND
            else:
                cur.remember(record, code)
                return redirect(url_for(".hub", welcome_back=1))
    return render_template(
        "checklists/resume.html", typed=typed[:200], error=error, keep_days=current_app.config["CHECKLIST_DAYS"]
    ), status


@bp.route("/open/<token:token>", methods=["GET", "POST"])
def open_link(token: str):
    """Where the save page's square code goes. Opening it shows a button; only pressing it uses the link, so a
    phone camera's preview of the address does not spend it."""
    secret = current_app.config["SECRET_KEY"]
    if request.method == "POST":
        opened = open_links.use(db.session, token, secret)
        if opened is not None:
            cur.remember(*opened)
            return redirect(url_for(".hub", welcome_back=1))
    elif open_links.find(db.session, token, secret) is not None:
        return _no_referrer(render_template("checklists/open_link.html", token=token))
    return _no_referrer(
        render_template("checklists/open_link_spent.html", minutes=current_app.config["OPEN_LINK_MINUTES"])
    ), 404


def _no_referrer(html: str):
    """The token is in this page's address: keep it out of any Referer header."""
    response = make_response(html)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.post("/forget")
def forget():
    cur.forget()
    drafts.drop_all()  # a request for help or feedback half done on this device goes too
    return clear_device(redirect(url_for(".hub", closed=1)))


@bp.route("/share", methods=["GET", "POST"])
def share():
    found = cur.current_checklists()
    if request.method == "POST" and found:
        if request.form.get("action") == "stop":
            service.stop_sharing(db.session, found.record)
            session.pop(SHARED_TOKEN, None)
            return redirect(url_for(".share", stopped=1))
        token = service.share(
            db.session, found.record, current_app.config["SECRET_KEY"], current_app.config["SHARE_LINK_DAYS"]
        )
        session[SHARED_TOKEN] = token
        return redirect(url_for(".share"))
    links = service.live_share_links(db.session, found.record) if found else []
    token = session.get(SHARED_TOKEN) if links else None
    link = url_for(".shared_plan", token=token, _external=True) if token else None
    return render_template(
        "checklists/share.html",
        found=found,
        links=links,
        link=link,
        stopped=request.args.get("stopped") == "1",
        days=current_app.config["SHARE_LINK_DAYS"],
    )


@bp.route("/delete", methods=["GET", "POST"])
def delete():
    found = cur.current_checklists()
    if request.method == "POST" and found:
        service.delete_session(db.session, found.record)
        cur.forget()
        drafts.drop_all()
        session.pop(SHARED_TOKEN, None)
        return clear_device(redirect(url_for(".deleted")))
    return render_template("checklists/delete.html", found=found, **_still_held())


@bp.get("/deleted")
def deleted():
    return render_template("checklists/deleted.html", **_still_held())


def _still_held() -> dict:
    """What a request for help still holds once the answers are gone, and where to ask for it to be erased."""
    return {"held": still_held(), "contact_email": current_app.config["CONTACT_EMAIL"]}


@bp.get("/download")
def download():
    found = cur.current_checklists()
    plan = build_plan(found.definitions, service.answers_of(db.session, found.record)) if found else None
    return render_template("checklists/download.html", found=found, plan=plan)


@bp.get("/download/my-work-plan.html")
def download_document():
    found = cur.current_checklists() or abort(404)
    answers = service.answers_of(db.session, found.record)
    body = render_template(
        "checklists/document.html",
        plan=build_plan(found.definitions, answers),
        checklists=document.answered(found.definitions, answers),
        record=found.record,
        symbol_data=document.symbol_data,
    )
    return _attachment(body, "text/html", document.DOCUMENT_NAME)


@bp.get("/download/my-work-answers.json")
def download_json():
    found = cur.current_checklists() or abort(404)
    answers = service.answers_of(db.session, found.record)
    plan = build_plan(found.definitions, answers)
    body = {
        "name": plan.name,
        "checklists": [
            {
                "checklist": checklist_id,
                "step": step_id,
                "choices": list(a.choices),
                "text": a.text,
                "skipped": a.skipped,
            }
            for (checklist_id, step_id), a in sorted(answers.items())
        ],
        "plan": {name: [s.text for s in sentences] for name, sentences in plan.sections()},
        "last_changed": found.record.updated_at.isoformat(),
        "kept_until": found.record.expires_at.isoformat(),
    }
    return _attachment(json.dumps(body, ensure_ascii=False, indent=2), "application/json", "my-work-answers.json")


def _attachment(body: str, mimetype: str, filename: str) -> Response:
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


@bp.get("/shared/<token:token>", endpoint="shared_plan")
def shared_plan(token: str):
    record = service.find_shared(db.session, token, current_app.config["SECRET_KEY"]) or abort(404)
    built = build_plan(cur.definitions(), service.answers_of(db.session, record))
    return render_template("checklists/plan.html", plan=built, found=None, record=record, shared=True, token=token)


@bp.get("/shared/<token:token>/ehcp", endpoint="shared_ehcp")
def shared_ehcp(token: str):
    record = service.find_shared(db.session, token, current_app.config["SECRET_KEY"]) or abort(404)
    built = build_plan(cur.definitions(), service.answers_of(db.session, record))
    return render_template("checklists/ehcp.html", plan=built, found=None, record=record, shared=True, token=token)
