"""flask demo load|show: the demo data, loaded by `make run` into an empty database, and by the tests."""

from collections.abc import Callable

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.staff.models import ROLE_NAMES
from demo import checklists, pathways
from demo.checklists import DEMO_CODE, DEMO_SHARE_TOKEN
from demo.staff import DEMO_ACCOUNTS, accounts, feedback, outcomes, pupils, referrals

# (loader(app) -> a short description of what it loaded, is_empty(app) -> True when that part has no data yet),
# in the order they load: referrals need the directory's services and the staff accounts; outcomes and pupils
# need the referrals and accounts; feedback needs the referrals.
LOADERS: list[tuple[Callable[[Flask], str], Callable[[Flask], bool]]] = [
    (checklists.load_demo_plan, checklists.no_demo_plan),
    (pathways.load_demo, pathways.directory_is_empty),
    (accounts.load, accounts.is_empty),
    (referrals.load, referrals.is_empty),
    (outcomes.load, outcomes.is_empty),
    (feedback.load, feedback.is_empty),
    (pupils.load, pupils.is_empty),
]

demo_cli = AppGroup("demo", help="Demo data for a fictional council area.")


def load_demo_data(app: Flask, only_if_empty: bool = True) -> list[str]:
    """Run every loader whose part of the database is empty (or all of them)."""
    return [loader(app) for loader, is_empty in LOADERS if not only_if_empty or is_empty(app)]


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only load parts that have no data yet.")
def load(if_empty: bool) -> None:
    """Load the demo data."""
    app = current_app._get_current_object()
    done = load_demo_data(app, only_if_empty=if_empty)
    for line in done:
        click.echo(line)
    if not done:
        click.echo("Demo data: nothing to load.")


@demo_cli.command("show")
def show() -> None:
    """Print how to try the demo: the demo plan's code and the demo staff accounts (demo only)."""
    click.echo(f"Demo plan: open /my-work/resume with the code {DEMO_CODE}, or read /my-work/shared/{DEMO_SHARE_TOKEN}")
    click.echo("Demo staff accounts (demo only, sign in at /staff/sign-in):")
    for role, account in DEMO_ACCOUNTS.items():
        click.echo(f"  {ROLE_NAMES[role]:<15} {account['email']:<28} password: {account['password']}")
