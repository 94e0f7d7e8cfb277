"""Builders for outbox tests: referrals made the way the journey makes them, and messages put straight in."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import delete

from app.outbox.models import OutboxMessage, enqueue

# A demo service that takes requests from anyone: "Supported employment with a job coach" (Sandbridge Works).
SERVICE_ID = "5ec69b07-4433-591e-a591-34f8423d4d5d"
SERVICE_EMAIL = "supported-employment@example.org"
PERSON_NAME = "Test Person (demo)"
PERSON_EMAIL = "test@example.org"
# A person who gave only a phone number: over SMTP no confirmation goes to them, so the service's is the one message.
PHONE_ONLY = {"contact_methods": ["phone"], "phone": "07700 900456", "email": None}


def session_for(app):
    return app.extensions["database"]["factory"]()


def empty_outbox(app) -> None:
    """Start from an outbox with nothing in it, whatever the demo data queued."""
    with session_for(app) as session:
        session.execute(delete(OutboxMessage))
        session.commit()


def make_referral(app, **answers):
    """A referral saved by the service layer, which queues its message in the same transaction."""
    from app.referrals.service import create_referral

    draft = {
        "service_id": SERVICE_ID,
        "asker": "self",
        "person_name": PERSON_NAME,
        "age": 19,
        "contact_methods": ["email"],
        "email": PERSON_EMAIL,
        "contact_times": [],
        "needs": [],
        "consent_at": datetime.now(UTC),
        "lang": "en",
        **answers,
    }
    with app.app_context(), session_for(app) as session:
        referral, made = create_referral(session, draft, uuid.uuid4().hex)
        assert made
        return referral


def add_message(
    app,
    to: str = "someone@example.org",
    subject: str = "A subject",
    body: str = "A body.\n",
    kind: str = "new-referral",
    referral_id: int | None = None,
) -> int:
    with session_for(app) as session:
        message = enqueue(session, kind, to, subject, body, referral_id)
        session.commit()
        return message.id


def get_message(app, message_id: int) -> OutboxMessage:
    with session_for(app) as session:
        return session.get(OutboxMessage, message_id)


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
