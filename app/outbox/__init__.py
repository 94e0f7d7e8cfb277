"""The outbox: messages saved with what they are about, then sent by `flask outbox send`."""

from flask import Flask


def setup_outbox(app: Flask) -> None:
    from app.outbox.cli import outbox_cli

    app.cli.add_command(outbox_cli)
