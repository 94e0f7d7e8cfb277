"""The staff page for the outbox: counts, what is waiting or failed, and "Send again"."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.clock import now as utc_now
from app.outbox.models import OutboxMessage
from app.outbox.sending import send_due
from app.staff.models import AuditEntry
from tests.mail import LocalSmtpServer, free_port
from tests.outbox_builders import PHONE_ONLY, add_message, aware, empty_outbox, get_message, make_referral, session_for
from tests.site import sign_in_as


@pytest.fixture
def outbox_app(app):
    app.config.update(MAIL_BACKEND="smtp", SMTP_HOST="127.0.0.1", SMTP_PORT=free_port(), OUTBOX_MAX_ATTEMPTS=2)
    empty_outbox(app)
    return app


def set_status(app, message_id: int, status: str) -> None:
    with session_for(app) as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id).values(status=status))
        session.commit()


def ids_in_order(page: str) -> list[int]:
    return [int(found) for found in re.findall(r'<th scope="row" data-label="Message">(\d+)</th>', page)]


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def audit_entries(app) -> list[AuditEntry]:
    with session_for(app) as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.object_type == "outbox", AuditEntry.action == "change"))
        )


def test_council_admins_see_counts_and_the_waiting_and_failed_messages_newest_first(outbox_app, client):
    referral = make_referral(outbox_app, **PHONE_ONLY)  # one message: the one to the service
    with session_for(outbox_app) as session:
        from_referral = session.scalar(select(OutboxMessage.id).where(OutboxMessage.referral_id == referral.id))
    waiting = add_message(outbox_app, to="waiting@example.org", subject="Secret subject", body="Secret body words")
    failed = add_message(outbox_app, to="failed@example.org")
    set_status(outbox_app, failed, "failed")
    sent = add_message(outbox_app, to="sent@example.org")
    set_status(outbox_app, sent, "sent")
    sign_in_as(client, "council-admin")
    response = client.get("/staff/messages")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert ids_in_order(page) == [failed, waiting, from_referral]
    assert "<dt>Waiting to go</dt><dd>2</dd>" in page and "<dt>Sent</dt><dd>1</dd>" in page
    assert "<dt>Failed: not trying any more</dt><dd>1</dd>" in page
    assert "waiting@example.org" in page and "failed@example.org" in page and "sent@example.org" not in page
    assert "Secret subject" not in page and "Secret body words" not in page
    assert f'href="/staff/referrals/{referral.reference}"' in page
    assert page.count('action="/staff/messages/') == 1 and f'action="/staff/messages/{failed}/send-again"' in page


def test_the_list_is_paginated(outbox_app, client):
    ids = [add_message(outbox_app) for _ in range(30)]
    sign_in_as(client, "council-admin")
    first = client.get("/staff/messages").get_data(as_text=True)
    second = client.get("/staff/messages?page=2").get_data(as_text=True)
    assert ids_in_order(first) == ids[::-1][:25] and "Page 1 of 2" in first
    assert ids_in_order(second) == ids[::-1][25:] and "Page 2 of 2" in second


@pytest.mark.parametrize("role", ["provider", "school"])
def test_only_council_admins_may_see_or_resend_messages(outbox_app, client, role):
    message_id = add_message(outbox_app)
    set_status(outbox_app, message_id, "failed")
    sign_in_as(client, role)
    assert client.get("/staff/messages").status_code == 403
    assert client.post(f"/staff/messages/{message_id}/send-again").status_code == 403
    assert get_message(outbox_app, message_id).status == "failed"


def test_a_message_that_failed_for_good_is_shown_and_send_again_queues_it_afresh(outbox_app, client):
    outbox_app.config["WTF_CSRF_ENABLED"] = True
    message_id = add_message(outbox_app, to="service@example.org")
    send_due(outbox_app)
    send_due(outbox_app, now=aware(get_message(outbox_app, message_id).next_attempt_at) + timedelta(seconds=1))
    assert get_message(outbox_app, message_id).status == "failed"

    sign_in_as(client, "council-admin")
    page = client.get("/staff/messages").get_data(as_text=True)
    assert ids_in_order(page) == [message_id]
    assert "The mail server was not answering (ConnectionRefusedError)" in page
    assert client.post(f"/staff/messages/{message_id}/send-again").status_code == 400, "no CSRF token"
    assert get_message(outbox_app, message_id).status == "failed"

    response = client.post(f"/staff/messages/{message_id}/send-again", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302 and response.location.endswith(f"/staff/messages?requeued={message_id}")
    message = get_message(outbox_app, message_id)
    assert message.status == "queued" and message.attempts == 0 and message.last_error is None
    assert aware(message.next_attempt_at) <= utc_now()
    assert [(e.object_ref, e.detail) for e in audit_entries(outbox_app)] == [(str(message_id), "send-again")]
    assert f"Message {message_id} is queued again." in client.get(response.location).get_data(as_text=True)

    server = LocalSmtpServer(outbox_app.config["SMTP_PORT"]).start()
    try:
        assert send_due(outbox_app).sent == 1
    finally:
        server.stop()
    assert len(server.messages) == 1 and server.messages[0].rcpt_tos == ["service@example.org"]


def test_send_again_leaves_a_message_that_has_not_failed_alone(outbox_app, client):
    message_id = add_message(outbox_app)
    sign_in_as(client, "council-admin")
    response = client.post(f"/staff/messages/{message_id}/send-again")
    assert response.status_code == 302 and response.location.endswith("/staff/messages")
    assert get_message(outbox_app, message_id).status == "queued"
    assert audit_entries(outbox_app) == []
    assert client.post("/staff/messages/999999/send-again").status_code == 404
