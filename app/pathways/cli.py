"""flask directory import PATH / export PATH: Open Referral (HSDS 3.0) files in and out."""

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.extensions import db
from app.pathways.exporting import export_file
from app.pathways.importing import ImportFailed, import_file, symbol_concepts

directory_cli = AppGroup("directory", help="The directory of local services, as Open Referral (HSDS 3.0) JSON.")


@directory_cli.command("import")
@click.argument("path")
def import_command(path: str) -> None:
    """Check a file of HSDS 3.0 service records and import it; on any problem, import nothing."""
    try:
        counts = import_file(db.session, path, symbol_concepts(current_app.config["SYMBOL_INDEX"]))
    except ImportFailed as failure:
        problems = sorted(set(failure.problems))
        click.echo(f"Nothing was imported. {len(problems)} problem(s) to fix first:", err=True)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)
        sys.exit(1)
    click.echo(str(counts))


@directory_cli.command("export")
@click.argument("path")
def export_command(path: str) -> None:
    """Write every service as HSDS 3.0 full service records (a JSON array)."""
    try:
        count = export_file(db.session, Path(path))
    except OSError as error:
        click.echo(f"Nothing was exported: {path} cannot be written ({error.strerror}).", err=True)
        sys.exit(1)
    click.echo(f"Exported {count} services to {path}.")
