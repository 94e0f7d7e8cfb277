"""`flask privacy ...`: find, export and erase a person's data from the command line, as council admins can
on /staff/personal-data. Output names referrals by reference only, so a terminal log holds no personal data;
each command leaves an audit entry with no one signed in."""

import json
import re
from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from app.referrals.reference import PATTERN, normalise
from app.staff.audit.service import record_for
from app.staff.privacy import service
from app.staff.privacy.views import KEY_NAMES, count_words

privacy_cli = AppGroup("privacy", help="A person's data on their request: find, export and erase it.")


def _session():
    return current_app.extensions["database"]["factory"]()


def _reference(typed: str) -> str:
    reference = normalise(typed)
    if not re.fullmatch(PATTERN, reference):
        raise click.BadParameter("write a reference such as K7MR-4WAX", param_hint="REFERENCE")
    return reference


def _record(session, typed: str) -> service.Record:
    found = service.record_of(session, _reference(typed))
    if found is None:
        raise click.ClickException(f"No referral has the reference {normalise(typed)}.")
    return found


@privacy_cli.command("find")
@click.option("--reference", default="", help="A referral's reference.")
@click.option("--email", default="", help="The person's email address.")
@click.option("--phone", default="", help="The person's phone number.")
@click.option("--name", default="", help="The person's name (with --born).")
@click.option("--born", default="", help="The person's date of birth, YYYY-MM-DD (with --name).")
def find(reference: str, email: str, phone: str, name: str, born: str) -> None:
    """List the referrals that any of these find."""
    if bool(name.strip()) != bool(born.strip()):
        raise click.UsageError("--name and --born go together: a name on its own could be someone else.")
    try:
        date_of_birth = date.fromisoformat(born.strip()) if born.strip() else None
    except ValueError:
        raise click.BadParameter("write the date as YYYY-MM-DD, for example 1989-02-14", param_hint="--born") from None
    wanted = service.Wanted(
        reference=_reference(reference) if reference.strip() else "",
        email=email.strip(),
        phone=phone.strip(),
        name=" ".join(name.split()),
        date_of_birth=date_of_birth,
    )
    if not wanted.keys:
        raise click.UsageError("Give --reference, --email, --phone, or --name with --born.")
    with _session() as session:
        matches = service.find(session, wanted)
        record_for(session, None, "search", "personal-data", None, f"by={','.join(wanted.keys)} found={len(matches)}")
        session.commit()
        if not matches:
            click.echo("No referral was found.")
        for match in matches:
            referral = match.referral
            held = "removed" if referral.personal_data_removed_at else "held"
            found_by = ", ".join(KEY_NAMES[key] for key in match.matched)
            click.echo(
                f"{referral.reference}  {referral.created_at:%Y-%m-%d}  personal data {held}  found by {found_by}"
            )


@privacy_cli.command("export")
@click.argument("reference")
@click.option(
    "--json",
    "json_file",
    required=True,
    type=click.File("w", encoding="utf-8"),
    help="The file to write ('-' for the terminal).",
)
def export(reference: str, json_file) -> None:
    """Write everything held about the person this referral belongs to as JSON (a subject access export)."""
    with _session() as session:
        found = _record(session, reference)
        json.dump(service.export(found), json_file, ensure_ascii=False, indent=2)
        json_file.write("\n")
        record_for(session, None, "export", "personal-data", found.reference, "json command")
        session.commit()
    if json_file.name != "<stdout>":
        click.echo(f"Wrote the personal data held with {found.reference} to {json_file.name}.", err=True)


@privacy_cli.command("erase")
@click.argument("reference")
@click.option("--yes", is_flag=True, help="Do not ask before erasing.")
def erase(reference: str, yes: bool) -> None:
    """Erase everything held about the person this referral belongs to. It cannot be undone."""
    with _session() as session:
        found = _record(session, reference)
        counts = count_words(found.counts())
        if not counts:
            click.echo(f"Nothing is left to erase with {found.reference}: the personal data was already removed.")
            return
        click.echo(f"This erases, with {found.reference}: {', '.join(counts)}.")
        if not yes:
            click.confirm("Erase this personal data? It cannot be undone", abort=True)
        erased = service.erase(session, found, None)
        click.echo(f"Erased: {', '.join(count_words(erased))}.")
