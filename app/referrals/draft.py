"""The answers so far, kept in the signed session cookie until Send: nothing is in the database before
the person agrees and sends, and the cookie ends when the browser closes."""

import re
import secrets

from flask import session

from app.journeys.types import STEP_TYPES

DRAFT, SENT, ENDED, NOTICE = "referral_draft", "referral_sent", "referral_ended", "referral_notice"
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def current() -> dict | None:
    """The draft this browser is filling in, if it has one of the right shape."""
    draft = session.get(DRAFT)
    if not isinstance(draft, dict) or not isinstance(draft.get("answers"), dict):
        return None
    if not isinstance(draft.get("key"), str) or not KEY_PATTERN.fullmatch(draft["key"]):
        return None
    if draft.get("service_id") is not None and not isinstance(draft["service_id"], str):
        return None
    return draft


def begin(service_id: str | None) -> dict:
    """Start a draft for this service (None: the council's team), or carry on with the one for it."""
    draft = current()
    if draft is not None and draft.get("service_id") == service_id:
        return draft
    draft = {"key": secrets.token_urlsafe(32), "service_id": service_id, "answers": {}}
    session.pop(SENT, None)
    save(draft)
    return draft


def save(draft: dict) -> None:
    session[DRAFT] = draft  # assigned again so the session knows it changed


def clear() -> None:
    session.pop(DRAFT, None)


def referral_fields(draft: dict, applies: list, plan: dict | None, checklist_session_id: int | None, lang: str) -> dict:
    """The draft as Referral column values, with answers to questions that no longer apply left out
    (a worker's details after the asker changed to "me", an email after email was unticked)."""
    answers = draft["answers"]
    asked = {step.key for step in applies}
    fields = {key: value for key, value in answers.items() if key in asked}
    for step in applies:  # a worker's other details, a date of birth, a parent's name
        for key in STEP_TYPES[step.type].also_keeps(step):
            fields[key] = answers.get(key)
    send_plan = fields.pop("send_plan", None) == "yes" and plan is not None
    fields["plan"] = plan if send_plan else None
    fields["checklist_session_id"] = checklist_session_id if send_plan else None
    fields["message"] = (fields.get("message") or "").strip() or None
    fields["service_id"] = draft.get("service_id")
    fields["lang"] = lang
    return fields
