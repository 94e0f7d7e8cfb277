"""Command groups: flask db ..., flask translate ... and flask demo ...; and the example pages the audio build renders.

The demo data and the page examples live in the demo package, beside the tests: they are imported here only
when a command asks for them, so serving requests never loads them."""

import subprocess
import sys
from pathlib import Path

import click
from alembic import command
from flask import Flask, current_app
from flask.cli import AppGroup

from app.migrate import alembic_config, upgrade

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"

db_cli = AppGroup("db", help="Database migrations.")
translate_cli = AppGroup("translate", help="Translation catalogues (wraps pybabel).")


class DemoGroup(AppGroup):
    """flask demo ...: the commands are the demo package's, imported when the group is run."""

    def _group(self) -> AppGroup:
        from demo.cli import demo_cli

        return demo_cli

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._group().list_commands(ctx)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._group().get_command(ctx, name)


demo_cli = DemoGroup("demo", help="Demo data for a fictional council area.")


def example_page_paths(app: Flask) -> list[str]:
    """The path of every public page example, for the audio build."""
    from demo.pages import page_paths

    return page_paths(app)


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Run every migration that has not run yet."""
    upgrade(current_app)
    click.echo("Database is up to date.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    command.revision(alembic_config(current_app), message=message, autogenerate=True)


def pybabel(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT)
    if result.returncode:
        raise click.ClickException(f"pybabel {args[0]} failed.")


def extract(output: Path) -> None:
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        "--project",
        "My Way to Work",
        "--copyright-holder",
        "My Way to Work",
        "-o",
        str(output),
        "app",
    )


@translate_cli.command("update")
def translate_update() -> None:
    """Extract strings into messages.pot and merge them into every catalogue."""
    extract(POT)
    pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-fuzzy-matching", "--ignore-obsolete")


@translate_cli.command("compile")
def translate_compile() -> None:
    """Compile the catalogues for the site to use."""
    pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@translate_cli.command("init")
@click.argument("lang")
def translate_init(lang: str) -> None:
    """Start a catalogue for a new language."""
    extract(POT)
    pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang)
