"""A referral's life with the person's data: saving a request for help (the referral, its first history
line and the message to the service, in one transaction, never twice for the same idempotency key),
erasing the person's data on request, and what a subject access export holds."""

from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from app import clock
from app.feedback import service as feedback
from app.journeys.ages import age_on
from app.outbox.models import enqueue
from app.pathways.models import Service
from app.referrals.after import new_status_code, queue_confirmation
from app.referrals.fields import answer_fields, exported_fields, removed_values
from app.referrals.models import Referral, ReferralEvent, ReferralNote
from app.referrals.reference import new_reference
from app.referrals.routing import goes_to_council
from app.referrals.snapshot import upgrade
from app.referrals.working_days import add_working_days
from app.vocab import AGE_RANGES

# A request made from My work plan names no service: it goes to the council's team under this id.
COUNCIL_TEAM_SERVICE_ID = "council-team"
REFERENCE_TRIES = 5  # a clash is one in billions; a few tries settle it


def find_by_key(session: Session, idempotency_key: str) -> Referral | None:
    return session.scalar(select(Referral).where(Referral.idempotency_key == idempotency_key))


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    return next((band for band, (low, high) in AGE_RANGES.items() if low <= age <= high), None)


def _as_date(value) -> date | None:
    if value is None or value == "" or isinstance(value, date):
        return value or None
    return date.fromisoformat(value)


def _as_datetime(value) -> datetime | None:
    if value is None or value == "" or isinstance(value, datetime):
        return value or None
    return datetime.fromisoformat(value)


def _answers(draft: dict, today: date) -> dict:
    """The draft's answers (the registry's answer fields only) with the right types, and the age worked out
    from a date of birth."""
    typed = {"codes": lambda value: list(value or []), "date": _as_date, "moment": _as_datetime}
    answers = {
        field.name: typed.get(field.kind, lambda value: value)(draft.get(field.name)) for field in answer_fields()
    }
    if answers["date_of_birth"]:
        answers["age"] = age_on(answers["date_of_birth"], today)
    answers["lang"] = answers["lang"] or "en"
    return answers


def _destination(session: Session, service_id: str | None) -> dict:
    """Where the request goes, by the one routing rule: the service itself, or the council's team."""
    config = current_app.config
    service = session.get(Service, service_id) if service_id else None
    return _to_service(service) if not goes_to_council(service) else _to_council(service, service_id, config)


def _to_service(service: Service) -> dict:
    return {
        "service_id": service.id,
        "service_name": service.name,
        "organization_id": service.organization_id,
        "requested_service_id": None,
        "routed_to_council": False,
        "ladder_step": service.ladder_step,
        "to": service_address(service),
        "takes_it": service,
    }


def _to_council(service: Service | None, service_id: str | None, config) -> dict:
    return {
        "service_id": service.id if service else (service_id or COUNCIL_TEAM_SERVICE_ID),
        "service_name": service.name if service else config["COUNCIL_TEAM_NAME"],
        "organization_id": config["COUNCIL_ORGANIZATION_ID"],
        "requested_service_id": service_id,
        "routed_to_council": True,
        "ladder_step": service.ladder_step if service else None,
        "to": config["COUNCIL_TEAM_EMAIL"],
        "takes_it": None,
    }


def service_address(service: Service) -> str:
    """Where a service's requests are emailed: the service, else its organisation, else the council's team."""
    return service.email or service.organization.email or current_app.config["COUNCIL_TEAM_EMAIL"]


def new_referral_message(referral: Referral) -> tuple[str, str]:
    """The subject and body of the email to the service: enough to find the request, and no personal data."""
    return f"New request for help: {referral.reference}", _message_body(referral, referral.requested_service_id)


def _message_body(referral: Referral, requested: str | None) -> str:
    lines = [
        "A new request for help has come in through My Way to Work.",
        "",
        f"Reference: {referral.reference}",
        f"Service: {referral.service_name}",
        f"Sent on: {referral.created_at:%d %B %Y}",
        f"Please contact the person by: {referral.contact_due_on:%d %B %Y}",
    ]
    if referral.routed_to_council and requested:
        lines += ["", "This service needs a referral from a worker, so the request came to your team."]
    if referral.share_consent == "waiting":
        lines += [
            "",
            "Another service sent the person on to you. They have not yet agreed to share their details with you.",
            "Until they agree, the request shows only its reference and the service.",
        ]
    lines += [
        "",
        "Sign in to read the request:",
        f"{current_app.config['PUBLIC_URL'].rstrip('/')}/staff/referrals/{referral.reference}",
        "",
        "This email has no personal details in it, to keep them safe.",
    ]
    return "\n".join(lines) + "\n"


def unused_reference(session: Session) -> str:
    """A new reference no referral has yet."""
    for _ in range(REFERENCE_TRIES):
        reference = new_reference()
        if session.scalar(select(Referral.id).where(Referral.reference == reference)) is None:
            return reference
    return new_reference()  # the unique index is the last word


def create_referral(
    session: Session, draft: dict, idempotency_key: str, now: datetime | None = None, status_code: str | None = None
) -> tuple[Referral, bool]:
    """Save a request for help and queue its message to the service and the confirmation to the person (with
    status_code, a new one when none is given), or find the one already saved with this key.

    Returns the referral and whether it was made now. A double click, a refresh or the same form sent
    from another browser all find the first one: the key is unique in the table, so even two requests
    at the same moment end with one row."""
    existing = find_by_key(session, idempotency_key)
    if existing is not None:
        return existing, False
    now = now or clock.now()
    config = current_app.config
    answers = _answers(draft, now.date())
    tries = 0
    while True:
        destination = _destination(session, draft.get("service_id"))
        to_address, takes_it = destination.pop("to"), destination.pop("takes_it")
        referral = Referral(
            reference=unused_reference(session),
            idempotency_key=idempotency_key,
            created_at=now,
            updated_at=now,
            status="new",
            status_changed_at=now,
            contact_due_on=add_working_days(now.date(), config["CONTACT_WITHIN_WORKING_DAYS"], config["HOLIDAYS"]),
            age_band=age_band(answers["age"]),
            **destination,
            **answers,
        )
        session.add(referral)
        try:
            session.flush()
            session.add(ReferralEvent(referral_id=referral.id, at=now, kind="created", to_status="new"))
            enqueue(session, "new-referral", to_address, *new_referral_message(referral), referral_id=referral.id)
            queue_confirmation(session, referral, takes_it, status_code or new_status_code())
            session.commit()
            return referral, True
        except IntegrityError:
            session.rollback()
            existing = find_by_key(session, idempotency_key)
            if existing is not None:
                return existing, False
            tries += 1
            if tries >= REFERENCE_TRIES:
                raise


def erase_personal_data(
    session: Session, referral: Referral, staff_id: int | None = None, now: datetime | None = None, commit: bool = True
) -> bool:
    """Remove the person's data from a referral now, as the purge would later: the registry's removed fields
    are emptied and the notes deleted, the rest of the record is kept, and a history line says so. Commits,
    unless commit is False (an erasure of several records in one transaction). False when it was already removed."""
    if referral.personal_data_removed_at is not None:
        return False
    now = now or clock.now()
    session.execute(delete(ReferralNote).where(ReferralNote.referral_id == referral.id))
    feedback.remove_words(session, [referral.id], now)
    session.execute(
        update(Referral)
        .where(Referral.id == referral.id)
        .values(**removed_values(), personal_data_removed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.add(ReferralEvent(referral_id=referral.id, at=now, staff_id=staff_id, kind="erased"))
    if commit:
        session.commit()
        session.refresh(referral)
    return True


def _plain(value):
    """A value as JSON holds it: dates as ISO 8601 text (moments in UTC), a plan in the current snapshot version."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SQLite gives a stored moment back without its zone
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return upgrade(value) or value
    return value


def personal_data(referral: Referral) -> dict:
    """What a subject access export holds for one referral: every exported field with its label, and the notes."""
    return {
        "reference": referral.reference,
        "fields": {
            field.name: {"label": field.label, "value": _plain(getattr(referral, field.name))}
            for field in exported_fields()
        },
        "notes": [{"at": _plain(note.at), "text": note.text} for note in referral.notes],
        "feedback": feedback.exported(feedback.answers_of(object_session(referral), referral)),
    }
