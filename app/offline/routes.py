"""The service worker at the site's root, the web app manifest and the page shown when there is no internet."""

import hashlib
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, render_template, url_for
from flask_babel import gettext as _

from app.assets import asset_url
from app.easyread.symbols import symbol_url
from app.i18n import current_lang

bp = Blueprint("offline", __name__)

# The symbols every page's header, Listen control and the offline page show.
SHELL_SYMBOLS = (
    "work",
    "settings",
    "listen",
    "play",
    "stop",
    "clock",
    "back",
    "warning",
    "save",
    "plan",
    "glossary",
    "information",
    "home",
)
FONTS = ("400", "400-latin-ext", "700", "700-latin-ext")
THEME_COLOUR = "#0b2e59"  # the header's colour: white text on it is 13:1


def _shell() -> list[str]:
    """What the worker keeps when it starts: the look of every page, its fonts, script and common symbols."""
    return [
        asset_url("css/site.css"),
        asset_url("js/listen.js"),
        asset_url("js/offline.js"),
        *(url_for("static", filename=f"fonts/atkinson-next-{font}.woff2") for font in FONTS),
        *(symbol_url(concept) for concept in SHELL_SYMBOLS),
    ]


@bp.get("/sw.js")
def service_worker():
    """The worker's code with this version's files; the version changes when any of them does, so phones update."""
    source = (Path(current_app.static_folder) / "js" / "sw.js").read_text(encoding="utf-8")
    config = {
        "shell": _shell(),
        "offline": url_for(".page"),
        "plan": url_for("checklists.plan"),
        "wordList": url_for("easyread.glossary"),
        "languages": list(current_app.config["LANGUAGES"]),
        "private": ["/staff", "/my-work", "/ask-for-help", "/api", "/reading-settings"],
    }
    config["version"] = hashlib.sha256((json.dumps(config) + source).encode()).hexdigest()[:12]
    body = f"self.OFFLINE = {json.dumps(config)};\n{source}"
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/manifest.webmanifest")
def manifest():
    """Lets a person put the site on their home screen, named in their language."""
    name = _("My Way to Work")
    icons = [
        {"src": asset_url(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    response = jsonify(
        name=name,
        short_name=name,
        description=_("Find your way into paid work, in easy read."),
        lang=current_lang(),
        dir="ltr",
        start_url=url_for("main.home"),
        scope="/",
        display="standalone",
        background_color="#ffffff",
        theme_color=THEME_COLOUR,
        icons=icons,
    )
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/offline")
def page():
    """What the worker shows for a page it has not kept: in easy read, in the language the worker asks for."""
    return render_template("offline/offline.html")
