"""Which language a page is in, and links that switch it while keeping the person where they are."""

from flask import Flask, current_app, request, url_for
from flask_babel import get_locale
from werkzeug.routing import BuildError

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


def select_locale() -> str:
    """?lang= first, then the cookie, then the browser's languages; only configured ones.
    Staff pages are in English."""
    if request.blueprint == "staff":
        return "en"
    languages = current_app.config["LANGUAGES"]
    for candidate in (request.args.get("lang"), request.cookies.get("lang")):
        if candidate in languages:
            return candidate
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_lang() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def switch_language_url(lang: str) -> str:
    """This page's address in another language, keeping its other query arguments."""
    if request.method == "GET" and request.url_rule is not None and request.endpoint:
        values = {**request.args.to_dict(flat=True), **(request.view_args or {}), "lang": lang}
        try:
            return url_for(request.endpoint, **values)
        except BuildError:
            pass
    return url_for("main.home", lang=lang)


def remember_language(response):
    """Keep a valid ?lang= choice in a cookie so the next page is in the same language."""
    chosen = request.args.get("lang")
    if chosen in current_app.config["LANGUAGES"] and request.cookies.get("lang") != chosen:
        response.set_cookie(
            "lang",
            chosen,
            max_age=current_app.config["LANG_COOKIE_DAYS"] * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


def setup_i18n(app: Flask) -> None:
    app.after_request(remember_language)
    app.jinja_env.globals.update(
        get_locale=get_locale,
        current_lang=current_lang,
        switch_language_url=switch_language_url,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
    )
