"""`flask staff ...`: make, list and deactivate staff accounts. Passwords are typed twice at a hidden
prompt, or read from STAFF_PASSWORD for scripts, and never printed."""

import os

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from app.staff.accounts import service as accounts
from app.staff.audit.service import record_for
from app.staff.models import ROLE_NAMES, ROLES, School, StaffUser

staff_cli = AppGroup("staff", help="Staff accounts.")


def _session():
    return current_app.extensions["database"]["factory"]()


def _audit(session, action: str, account: StaffUser) -> None:
    """Commands have no signed-in member of staff, so the entry says only what happened, to which account."""
    record_for(session, None, action, "staff", account.id, "command")


@staff_cli.command("create")
@click.option("--email", required=True, help="The email address they sign in with.")
@click.option("--name", required=True, help="Their name, as staff see it.")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What they may do.")
@click.option("--organization", "organization_id", help="Provider staff: the HSDS id of their organisation.")
@click.option("--school-id", type=int, help="School staff: the id of their school (see flask staff schools).")
@click.option("--new-school", help="School staff: the name of a new school to make for them.")
def create(
    email: str, name: str, role: str, organization_id: str | None, school_id: int | None, new_school: str | None
) -> None:
    """Make a staff account. The password is asked for twice, or read from STAFF_PASSWORD."""
    with _session() as session:
        try:
            if new_school is not None:
                if school_id is not None:
                    raise accounts.AccountProblem("Give --school-id or --new-school, not both.")
                if role != "school":
                    raise accounts.AccountProblem("Only school staff belong to a school.")
                school = accounts.add_school(session, new_school)
                school_id = school.id
            # Wrong details are reported before anyone types a password.
            accounts.check_details(
                session, email=email, name=name, role=role, organization_id=organization_id, school_id=school_id
            )
            password = os.environ.get("STAFF_PASSWORD") or click.prompt(
                "Password", hide_input=True, confirmation_prompt=True
            )
            account = accounts.create_account(
                session,
                email=email,
                name=name,
                role=role,
                password=password,
                organization_id=organization_id,
                school_id=school_id,
                min_length=current_app.config["PASSWORD_MIN_LENGTH"],
            )
            session.flush()
        except accounts.AccountProblem as problem:
            raise click.ClickException(str(problem)) from None
        _audit(session, "account-created", account)
        session.commit()
        click.echo(f"Made a {ROLE_NAMES[role].lower()} account for {account.email}.")
        if new_school is not None:
            click.echo(f"Made the school {account.school.name} with id {account.school_id}.")


@staff_cli.command("schools")
def list_schools() -> None:
    """Every school: its id, name and how many staff accounts it has. Staff join a school by its id."""
    with _session() as session:
        rows = session.execute(
            select(School.id, School.name, func.count(StaffUser.id))
            .outerjoin(StaffUser, StaffUser.school_id == School.id)
            .group_by(School.id, School.name)
            .order_by(School.name, School.id)
        ).all()
    if not rows:
        click.echo("There are no schools. Make one with flask staff create --role school --new-school NAME.")
    for school_id, name, staff in rows:
        click.echo(f"{school_id}\t{name}\t{staff} staff")


@staff_cli.command("list")
def list_accounts() -> None:
    """Every staff account: email, role, workplace, active or not."""
    with _session() as session:
        rows = session.scalars(select(StaffUser).order_by(StaffUser.role, StaffUser.email)).all()
    if not rows:
        click.echo("There are no staff accounts.")
    for account in rows:
        where = account.organization_id or (
            f"{account.school.name} (school {account.school_id})" if account.school else "-"
        )
        state = "active" if account.active else "deactivated"
        click.echo(f"{account.email}\t{account.role}\t{where}\t{state}")


@staff_cli.command("deactivate")
@click.option("--email", required=True, help="The account's email address.")
def deactivate(email: str) -> None:
    """Stop an account signing in, and sign it out everywhere. The account and its history are kept."""
    with _session() as session:
        try:
            account = accounts.deactivate(session, email)
        except accounts.AccountProblem as problem:
            raise click.ClickException(str(problem)) from None
        _audit(session, "account-deactivated", account)
        session.commit()
        click.echo(f"Deactivated {account.email}. They can no longer sign in.")


@staff_cli.command("two-step-off")
@click.option("--email", required=True, help="The email address of the account.")
def two_step_off(email: str) -> None:
    """Turn off two-step sign-in for an account (a lost or new phone), and sign it out everywhere. Its owner
    sets it up again at their next sign-in when their role needs it."""
    from app.staff.accounts import two_step

    with _session() as session:
        account = accounts.find_by_email(session, email)
        if account is None:
            raise click.ClickException("There is no staff account with that email.")
        accounts.end_sessions(account)
        two_step.turn_off(session, account, by=None, detail="command")
        click.echo(f"Two-step sign-in is off for {account.email}.")
