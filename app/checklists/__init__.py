"""My work checklists: aspiration checklists and a vocational profile that become My work plan."""

from flask import Flask
from werkzeug.routing import BaseConverter

# Paths under /my-work that a checklist may not be called, because pages already use them.
RESERVED = {"plan", "save", "resume", "forget", "share", "shared", "delete", "deleted", "download", "audio", "check"}


class KebabConverter(BaseConverter):
    regex = "[a-z0-9]+(?:-[a-z0-9]+)*"


class TokenConverter(BaseConverter):
    regex = "[A-Za-z0-9_-]{16,64}"


def setup_checklists(app: Flask) -> None:
    from app.checklists.definitions import DefinitionError, load_all
    from app.journeys.loader import symbols_from

    app.url_map.converters["kebab"] = KebabConverter
    app.url_map.converters["token"] = TokenConverter
    checklists = load_all(symbols_from(app.config["SYMBOL_INDEX"]))
    clash = RESERVED & set(checklists)
    if clash:
        raise DefinitionError(f"Checklist ids {sorted(clash)} are used by other pages under /my-work.")
    app.extensions["checklists"] = checklists

    from app.checklists import keeping, on_device, private_audio  # noqa: F401  (their routes join the blueprint)
    from app.checklists.routes import bp
    from app.endpoints import not_pages

    app.register_blueprint(bp)
    app.jinja_env.globals["plan_kept_here"] = on_device.kept_here
    app.jinja_env.globals["read_plan_privately"] = private_audio.read_plan_privately
    not_pages(
        app,
        "checklists.download_json",
        "checklists.download_document",
        "checklists.code_audio",
        "checklists.answer_audio",
        "checklists.shared_answer_audio",
        "checklists.words_audio",
        "checklists.shared_words_audio",
        "checklists.page_audio",
        "checklists.shared_page_audio",
    )
