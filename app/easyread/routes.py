"""Symbols, audio clips, reading settings and the glossary."""

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    send_from_directory,
    url_for,
)

from app.easyread import reading
from app.easyread.audio import build_clip, clip_path, typed_clip
from app.easyread.forms import ReadingSettingsForm
from app.easyread.glossary import entries
from app.easyread.reader import reader

bp = Blueprint("easyread", __name__)


@bp.get("/symbols/<path:filename>")
def symbol_file(filename: str):
    response = send_from_directory(
        current_app.config["SYMBOLS_DIR"],
        filename,
        mimetype="image/svg+xml" if filename.endswith(".svg") else "text/plain",  # the licences are text
        max_age=current_app.config["STATIC_MAX_AGE"],
    )
    response.cache_control.immutable = True
    return response


@bp.get("/audio/<string(length=2):clip_lang>/<clip:key>.mp3")
def audio_file(clip_lang: str, key: str):
    if clip_lang not in current_app.config["LANGUAGES"]:
        abort(404)
    path = clip_path(clip_lang, key)
    if not path.exists():
        path = build_clip(key)  # ClipNotReady (503) when someone else's text holds the speech processes
        if path is None:
            abort(404)
    if typed_clip(key):
        # Words a person typed: a shared school tablet's browser keeps no copy.
        response = send_file(path, mimetype="audio/mpeg", conditional=True, etag=False)
        response.headers["Cache-Control"] = "private, no-store"
        return response
    response = send_file(path, mimetype="audio/mpeg", max_age=current_app.config["STATIC_MAX_AGE"], conditional=True)
    response.cache_control.public = True
    response.cache_control.immutable = True
    return response


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site, so the link back cannot lead somewhere else."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target and len(target) < 300:
        return target
    return None


@bp.route("/reading-settings", methods=["GET", "POST"])
def reading_settings():
    form = ReadingSettingsForm(data=reading.current())
    if request.method == "GET":
        form.next.data = _safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        chosen = {name: getattr(form, name).data for name in reading.CHOICES}
        response = redirect(url_for(".reading_settings", saved=1, next=_safe_next(form.next.data)))
        response.set_cookie(
            reading.COOKIE,
            reading.serialise(chosen),
            max_age=current_app.config["READING_COOKIE_DAYS"] * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
        return response
    return render_template(
        "easyread/reading_settings.html",
        form=form,
        saved=request.method == "GET" and request.args.get("saved") == "1",
        back_to=_safe_next(form.next.data),
    )


@bp.get("/glossary")
def glossary():
    reader().link_glossary = False  # the word list explains the words; it does not link to itself
    return render_template("easyread/glossary.html", entries=entries())
