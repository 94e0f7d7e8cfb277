"""flask directory import PATH / export PATH / audit: Open Referral (HSDS 3.0) files in and out, and the
content audit of what is stored; pull URL: another feed."""

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.extensions import db
from app.pathways.exporting import export_file
from app.pathways.health import RULES, Finding, counts
from app.pathways.health_store import store_directory
from app.pathways.importing import ImportFailed, import_file, symbol_concepts
from app.pathways.pulling import Fetcher, PullFailed, pull, pull_every

IMPORT_SHOWN = 20  # findings listed after an import; `directory audit` lists them all

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
    if counts.findings:
        _summary(counts.findings, shown=IMPORT_SHOWN)


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


@directory_cli.command("pull")
@click.argument("url")
@click.option("--loop", is_flag=True, help="Keep running: pull again every --every seconds.")
@click.option("--every", default=86_400, show_default=True, type=click.IntRange(60), help="Seconds between pulls.")
@click.option(
    "--timeout", default=30, show_default=True, type=click.IntRange(1, 600), help="Seconds to wait for a read."
)
def pull_command(url: str, loop: bool, every: int, timeout: int) -> None:
    """Pull another Open Referral UK feed (its root URL) into the directory, all or nothing.

    New and changed services are written, services gone from the feed are marked inactive, and our easy-read
    fields are kept. On any problem nothing changes, every problem is listed and the exit status is 1."""
    symbols = symbol_concepts(current_app.config["SYMBOL_INDEX"])

    def once() -> bool:
        fetcher = Fetcher(timeout=timeout, wait=current_app.config["DIRECTORY_PULL_WAIT"])
        try:
            with current_app.extensions["database"]["factory"]() as session:  # a fresh session for each pull
                summary = pull(session, url, symbols, fetcher)
        except PullFailed as failure:
            click.echo(str(failure), err=True)
            for problem in failure.problems:
                click.echo(f"  - {problem}", err=True)
            return False
        click.echo(str(summary))
        return True

    if loop:
        pull_every(once, every)
    elif not once():
        sys.exit(1)


@directory_cli.command("audit")
@click.option("--json", "as_json", is_flag=True, help="Write the counts and findings as JSON.")
@click.option("--strict", is_flag=True, help="Exit with 1 when there is any finding.")
def audit_command(as_json: bool, strict: bool) -> None:
    """Check every stored service as the Open Referral UK validator's content audit does, and more; store the
    findings for the staff page's directory health."""
    findings = store_directory(db.session)
    if as_json:
        click.echo(json.dumps({"counts": counts(findings), "findings": [f.as_dict() for f in findings]}, indent=1))
    elif findings:
        _summary(findings)
    else:
        click.echo("No findings: every service passes every check.")
    sys.exit(1 if strict and findings else 0)


def _summary(findings: list[Finding], shown: int | None = None) -> None:
    """Counts a rule, then each finding (the first `shown` of them)."""
    click.echo(f"Content audit: {len(findings)} finding(s). They are warnings; nothing was refused.")
    for code, number in counts(findings).items():
        if number:
            click.echo(f"  {number:6d}  {RULES[code].name} ({code}, {RULES[code].severity})")
    for finding in findings[:shown]:
        click.echo(f"  - {finding.service_name} ({finding.service_id}), {finding.rule}: {finding.message}")
    if shown is not None and len(findings) > shown:
        click.echo(f"  ... and {len(findings) - shown} more: flask --app wsgi directory audit lists them all.")
