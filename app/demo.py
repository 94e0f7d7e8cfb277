"""Demo data for a fictional council area: loaded by `make run` into an empty database, and by the tests."""
from collections.abc import Callable

import click
from flask import Flask, current_app
from flask.cli import AppGroup

# Each part of the site that has demo data adds a loader: loader(app) -> a short description of what it loaded.
# is_empty(app) -> True when that part has no data yet.
LOADERS: list[tuple[Callable[[Flask], str], Callable[[Flask], bool]]] = []

demo_cli = AppGroup("demo", help="Demo data for a fictional council area.")


def register(loader: Callable[[Flask], str], is_empty: Callable[[Flask], bool]) -> None:
    if (loader, is_empty) not in LOADERS:
        LOADERS.append((loader, is_empty))


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
    from app.checklists.demo import DEMO_CODE, DEMO_SHARE_TOKEN
    from app.staff.demo import DEMO_ACCOUNTS
    from app.staff.models import ROLE_NAMES

    click.echo(f"Demo plan: open /my-work/resume with the code {DEMO_CODE}, or read /my-work/shared/{DEMO_SHARE_TOKEN}")
    click.echo("Demo staff accounts (demo only, sign in at /staff/sign-in):")
    for role, account in DEMO_ACCOUNTS.items():
        click.echo(f"  {ROLE_NAMES[role]:<15} {account['email']:<28} password: {account['password']}")
