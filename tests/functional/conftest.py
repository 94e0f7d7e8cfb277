"""Fixtures for the functional tests: a client that checks every page, the CLI runner, signed-in staff
clients, and a real SMTP server."""

import pytest

from tests.site import PageCheckingClient, sign_in_as


@pytest.fixture
def client(app):
    app.test_client_class = PageCheckingClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def provider(client):
    """A client signed in as the demo provider's member of staff."""
    sign_in_as(client, "provider")
    return client


@pytest.fixture
def admin(client):
    """A client signed in as the demo council admin."""
    sign_in_as(client, "council-admin")
    return client


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 that keeps what it receives: .port, .messages (see tests/mail.py)."""
    from tests.mail import LocalSmtpServer

    server = LocalSmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def moment(monkeypatch):
    """The site's clock, held still at a fixed moment; move it on with moment.pass_(minutes=...)."""
    from datetime import UTC, datetime, timedelta

    from app import clock
    from app.staff.accounts import service as accounts

    class Moment:
        at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)

        def pass_(self, **kwargs):
            self.at += timedelta(**kwargs)

    held = Moment()
    monkeypatch.setattr(clock, "now", lambda: held.at)
    monkeypatch.setattr(accounts, "now", lambda: held.at)
    return held
