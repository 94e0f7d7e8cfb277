"""`flask outbox send` (once, or as a worker with --loop) and `flask outbox status`."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.outbox.sending import SendCounts, send_due, status_counts

outbox_cli = AppGroup("outbox", help="Send the messages waiting in the outbox.")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl+C or SIGTERM asks the worker to stop; it finishes the message it is sending first."""
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number in STOP_SIGNALS:
        signal.signal(number, lambda _number, _frame: stop.set())
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run_loop(app: Flask, limit: int, stop: threading.Event) -> SendCounts:
    """Send what is due, again and again, until stop is set. A full batch means more may be waiting: no pause."""
    total = SendCounts()
    while not stop.is_set():
        counts = send_due(app, limit=limit, should_stop=stop.is_set)
        total.add(counts)
        if counts.tried < limit:
            stop.wait(app.config["OUTBOX_LOOP_SECONDS"])
    return total


@outbox_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep sending every OUTBOX_LOOP_SECONDS until stopped (for a worker).")
@click.option(
    "--limit", default=100, show_default=True, type=click.IntRange(min=1), help="Most messages to send in one go."
)
def send(loop: bool, limit: int) -> None:
    """Send the messages that are due, then print what happened."""
    app = current_app._get_current_object()
    if not loop:
        click.echo(str(send_due(app, limit=limit)))
        return
    stop = threading.Event()
    click.echo(f"Sending every {app.config['OUTBOX_LOOP_SECONDS']} seconds. Press Ctrl+C to stop.")
    with stop_on_signals(stop):
        total = run_loop(app, limit, stop)
    click.echo(f"Stopped. In all: {total}")


@outbox_cli.command("status")
def status() -> None:
    """Print how many messages are queued, sent and failed."""
    for name, count in status_counts(current_app._get_current_object()).items():
        click.echo(f"{name}: {count}")
