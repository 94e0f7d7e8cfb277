"""Easy read on every page: symbols, audio of the page's own text, reading settings and the glossary."""

from flask import Flask
from werkzeug.routing import BaseConverter


class ClipKeyConverter(BaseConverter):
    regex = "[0-9a-f]{64}"


def setup_easyread(app: Flask) -> None:
    from app.easyread import reading
    from app.easyread.audio import ClipNotReady, clips_ready, register_clips
    from app.easyread.cli import easyread_cli
    from app.easyread.reader import reader
    from app.easyread.routes import bp
    from app.easyread.symbols import symbol, symbol_url
    from app.endpoints import not_pages

    app.url_map.converters["clip"] = ClipKeyConverter
    app.register_blueprint(bp)
    not_pages(app, "easyread.symbol_file", "easyread.audio_file")
    app.cli.add_command(easyread_cli)
    app.register_error_handler(ClipNotReady, _not_ready)
    app.jinja_env.globals.update(
        reader=reader,
        symbol=symbol,
        symbol_url=symbol_url,
        reading_classes=reading.html_classes,
        register_clips=register_clips,
        clips_ready=clips_ready,
    )


def _not_ready(_error):
    """Someone else's text has every speech process: this request does not wait for it."""
    from app.errors import AUDIO_NOT_READY_PAGE, render_error

    html, code = render_error(503, AUDIO_NOT_READY_PAGE)
    return html, code, {"Retry-After": "5"}
