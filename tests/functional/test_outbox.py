"""The outbox with a real SMTP server: nothing lost when mail is down, nothing sent twice."""

import logging
import os
import signal
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.clock import now as utc_now
from app.outbox.models import OutboxMessage
from app.outbox.sending import CLAIM, claim, send_due
from app.referrals.models import Referral
from tests.mail import LocalSmtpServer, free_port
from tests.outbox_builders import (
    PERSON_EMAIL,
    PERSON_NAME,
    PHONE_ONLY,
    SERVICE_EMAIL,
    add_message,
    aware,
    empty_outbox,
    get_message,
    make_referral,
    session_for,
)
from tests.site import make_app


def use_smtp(app, port: int) -> None:
    app.config.update(
        MAIL_BACKEND="smtp",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        SMTP_TIMEOUT=5,
        MAIL_FROM="My Way to Work <no-reply@mywaytowork.example.org>",
    )


@pytest.fixture
def mail_app(app, smtp_server):
    use_smtp(app, smtp_server.port)
    empty_outbox(app)
    return app


@pytest.fixture
def down_app(app):
    """The app with its mail server down: nothing listens on the port (yet)."""
    use_smtp(app, free_port())
    empty_outbox(app)
    return app


def messages_for(app, referral_id: int) -> list[OutboxMessage]:
    with session_for(app) as session:
        return list(session.scalars(select(OutboxMessage).where(OutboxMessage.referral_id == referral_id)))


def test_a_new_referral_reaches_the_service_with_its_reference_and_no_personal_data(mail_app, smtp_server):
    referral = make_referral(mail_app)
    result = mail_app.test_cli_runner().invoke(args=["outbox", "send"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Sent 2; failed this time 0 (will try again); gave up 0; still queued 0."
    assert len(smtp_server.messages) == 2
    received, to_person = sorted(smtp_server.messages, key=lambda m: m.rcpt_tos != [SERVICE_EMAIL])
    assert to_person.rcpt_tos == [PERSON_EMAIL] and referral.reference in to_person.message.get_content()
    assert received.rcpt_tos == [SERVICE_EMAIL]
    assert received.message["To"] == SERVICE_EMAIL
    assert received.message["From"] == "My Way to Work <no-reply@mywaytowork.example.org>"
    assert referral.reference in received.message["Subject"]
    body = received.message.get_content()
    assert referral.reference in body
    assert PERSON_NAME not in body and PERSON_EMAIL not in body and "Test Person" not in body
    [message] = [m for m in messages_for(mail_app, referral.id) if m.kind == "new-referral"]
    assert received.message["Message-ID"].startswith(f"<outbox-{message.id}-")
    assert received.message["Message-ID"].endswith("@mywaytowork.example.org>")
    assert message.status == "sent" and message.sent_at is not None and message.attempts == 0
    again = mail_app.test_cli_runner().invoke(args=["outbox", "send"])
    assert again.output.startswith("Sent 0;") and len(smtp_server.messages) == 2


def test_with_the_mail_server_down_the_referral_is_saved_and_the_message_goes_later_exactly_once(down_app):
    referral = make_referral(down_app, **PHONE_ONLY)  # one message: the one to the service
    result = down_app.test_cli_runner().invoke(args=["outbox", "send"])
    assert result.output.strip() == "Sent 0; failed this time 1 (will try again); gave up 0; still queued 1."
    with session_for(down_app) as session:
        assert session.scalar(select(Referral).where(Referral.reference == referral.reference)) is not None
    [message] = messages_for(down_app, referral.id)
    assert message.status == "queued" and message.attempts == 1
    assert message.last_error == "ConnectionRefusedError"
    assert aware(message.next_attempt_at) > utc_now() + timedelta(seconds=50)  # a minute, less jitter
    assert send_due(down_app).sent == 0, "not due again yet"

    server = LocalSmtpServer(down_app.config["SMTP_PORT"]).start()
    try:
        later = aware(message.next_attempt_at) + timedelta(seconds=1)
        assert send_due(down_app, now=later).sent == 1
        assert send_due(down_app, now=later + timedelta(hours=1)).sent == 0
        assert len(server.messages) == 1
        assert referral.reference in server.messages[0].message["Subject"]
    finally:
        server.stop()
    sent = get_message(down_app, message.id)
    assert sent.status == "sent" and sent.attempts == 1 and aware(sent.sent_at) == later


def test_a_claimed_message_is_never_taken_by_a_second_sender(mail_app, smtp_server):
    message_id = add_message(mail_app)
    factory = mail_app.extensions["database"]["factory"]
    now = utc_now()
    assert claim(factory, message_id, now) is True
    assert claim(factory, message_id, now) is False, "the second sender must not get it"
    assert send_due(mail_app, now=now).sent == 0
    assert smtp_server.messages == []
    # A sender that died holding the claim: once the claim runs out, the message goes (once).
    assert send_due(mail_app, now=now + CLAIM + timedelta(seconds=1)).sent == 1
    assert send_due(mail_app, now=now + CLAIM + timedelta(minutes=1)).sent == 0
    assert len(smtp_server.messages) == 1


def test_two_senders_at_once_send_each_message_exactly_once(tmp_path):
    """Two threads, each with its own connections: on PostgreSQL when TEST_DATABASE_URL is set."""
    app = make_app(tmp_path, DATABASE_URL=os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path}/outbox.db")
    empty_outbox(app)
    ids = {add_message(app, subject=f"Message {n}") for n in range(20)}
    delivered: list[int] = []

    class SlowDelivery:
        def send(self, message):
            time.sleep(0.01)
            delivered.append(message.id)

    results = []
    senders = [
        threading.Thread(target=lambda: results.append(send_due(app, delivery=SlowDelivery()))) for _ in range(2)
    ]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert sorted(delivered) == sorted(ids), "every message once, none twice"
    assert sum(result.sent for result in results) == 20


def test_a_message_is_marked_failed_after_the_last_try(down_app):
    down_app.config["OUTBOX_MAX_ATTEMPTS"] = 3
    message_id = add_message(down_app)
    now = utc_now()
    outcomes = []
    for _ in range(3):
        counts = send_due(down_app, now=now)
        outcomes.append((counts.retrying, counts.gave_up))
        now = aware(get_message(down_app, message_id).next_attempt_at) + timedelta(seconds=1)
    assert outcomes == [(1, 0), (1, 0), (0, 1)]
    message = get_message(down_app, message_id)
    assert message.status == "failed" and message.attempts == 3 and message.last_error == "ConnectionRefusedError"
    assert send_due(down_app, now=now + timedelta(days=1)).tried == 0, "a failed message waits for staff"


def test_the_wait_doubles_after_each_failed_try(down_app):
    message_id = add_message(down_app)
    now = utc_now()
    waits = []
    for _ in range(3):
        send_due(down_app, now=now)
        next_try = aware(get_message(down_app, message_id).next_attempt_at)
        waits.append((next_try - now).total_seconds())
        now = next_try + timedelta(seconds=1)
    base = down_app.config["OUTBOX_BACKOFF_SECONDS"]
    for wait, full in zip(waits, (base, 2 * base, 4 * base)):
        assert 0.9 * full <= wait <= full


def test_a_recipient_the_server_refuses_for_good_fails_at_once(mail_app, smtp_server):
    smtp_server.refuse.add("nobody@example.org")
    message_id = add_message(mail_app, to="nobody@example.org")
    counts = send_due(mail_app)
    assert (counts.sent, counts.retrying, counts.gave_up) == (0, 0, 1)
    message = get_message(mail_app, message_id)
    assert message.status == "failed" and message.attempts == 1
    assert message.last_error == "SMTPRecipientsRefused 550"


def test_the_limit_caps_one_run_and_status_counts_by_status(mail_app, smtp_server):
    for _ in range(3):
        add_message(mail_app)
    runner = mail_app.test_cli_runner()
    result = runner.invoke(args=["outbox", "send", "--limit", "2"])
    assert result.output.strip() == "Sent 2; failed this time 0 (will try again); gave up 0; still queued 1."
    assert runner.invoke(args=["outbox", "status"]).output == "queued: 1\nsent: 2\nfailed: 0\n"


def test_the_worker_loop_stops_after_the_current_message_on_sigterm(mail_app, smtp_server):
    first, second = add_message(mail_app), add_message(mail_app)
    mail_app.config["OUTBOX_LOOP_SECONDS"] = 3600  # the loop could only end by the signal
    smtp_server.on_data = lambda: os.kill(os.getpid(), signal.SIGTERM)
    handler_before = signal.getsignal(signal.SIGTERM)
    result = mail_app.test_cli_runner().invoke(args=["outbox", "send", "--loop"])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "Stopped. In all: Sent 1; failed this time 0 (will try again); gave up 0; still queued 1."
    )
    assert get_message(mail_app, first).status == "sent"
    assert get_message(mail_app, second).status == "queued"
    assert len(smtp_server.messages) == 1
    assert signal.getsignal(signal.SIGTERM) is handler_before, "the worker puts the old handler back"


def test_logs_hold_ids_and_counts_never_addresses_subjects_or_bodies(app, caplog):
    empty_outbox(app)
    server = LocalSmtpServer()
    use_smtp(app, server.port)
    secret_words = ["private.person@example.org", "Subject about Jamie Private", "Body about Jamie Private"]
    message_id = add_message(app, to=secret_words[0], subject=secret_words[1], body=secret_words[2])
    with caplog.at_level(logging.INFO):
        send_due(app)  # the server is down
        server.start()
        try:
            send_due(app, now=aware(get_message(app, message_id).next_attempt_at) + timedelta(seconds=1))
        finally:
            server.stop()
    assert get_message(app, message_id).status == "sent"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"Outbox message {message_id} sent" in logged and "ConnectionRefusedError" in logged
    for words in (*secret_words, "Jamie", "private.person"):
        assert words not in logged
