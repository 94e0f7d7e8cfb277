"""The answers so far, kept on the server until Send (app/journeys/drafts.py): the browser's cookie holds only
the draft's random id. Send uses the idempotency key made with the draft, never one from the form."""

from flask import session

from app.checklists.open_links import seal, unseal
from app.journeys import drafts as store
from app.journeys.types import STEP_TYPES

JOURNEY = "ask-for-help"
ENDED, NOTICE = "referral_ended", "referral_notice"
OPENED = "referral_opened"  # in the session: the service id the start page was opened for ("" for the team)


def _shaped(row) -> dict | None:
    data = store.answers_of(row)
    if not isinstance(data.get("answers"), dict):
        return None
    if data.get("service_id") is not None and not isinstance(data["service_id"], str):
        return None
    return {"id": row.id, "key": row.idempotency_key, "service_id": data.get("service_id"), "answers": data["answers"]}


def opened(service_id: str | None) -> None:
    """The start page was opened for this service (None: the council's team): its first question may follow."""
    session[OPENED] = service_id or ""


def current_or_opened() -> dict | None:
    """The draft this browser is filling in, or a new one for the start page it opened last."""
    draft = current()
    if draft is None and isinstance(session.get(OPENED), str):
        return begin(session[OPENED] or None)
    return draft


def current() -> dict | None:
    """The draft this browser is filling in, if it has one that is live, not yet sent and of the right shape."""
    row = store.find(JOURNEY)
    return _shaped(row) if row is not None and row.sent_at is None else None


def sent_key() -> str | None:
    """The key of the draft this browser has just sent, for a second press of Send."""
    row = store.find(JOURNEY)
    return row.idempotency_key if row is not None and row.sent_at is not None else None


def begin(service_id: str | None) -> dict:
    """The draft for this service (None: the council's team): the one this browser is filling in for it, or a
    new one that is written only with its first answer (save), so opening the journey, as a link checker or
    a crawler may, stores nothing."""
    draft = current()
    if draft is not None and draft.get("service_id") == service_id:
        return draft
    return {"id": None, "key": None, "service_id": service_id, "answers": {}}


def _row(draft: dict):
    row = store.find(JOURNEY)
    return row if row is not None and row.id == draft["id"] and row.sent_at is None else None


def save(draft: dict) -> None:
    """Keep the answers so far: the first answer writes a new draft (and drops any other this browser had);
    a draft that expired or was sent meanwhile is not brought back."""
    data = {"service_id": draft.get("service_id"), "answers": draft["answers"]}
    session.pop(OPENED, None)
    if draft["id"] is None:
        row = store.start(JOURNEY, data)
        draft["id"], draft["key"] = row.id, row.idempotency_key
        return
    row = _row(draft)
    if row is not None:
        store.save(row, data)


def sent(draft: dict, record: dict) -> None:
    """Send worked: the draft gives up its answers and keeps only its key and what the confirmation page shows.
    The status code in it is sealed with the draft's random id, which only this browser's cookie holds."""
    row, token = _row(draft), store.token_of(JOURNEY)
    if row is not None and token is not None:
        code = record.get("code")
        store.mark_sent(row, {**record, "code": seal(code, token) if isinstance(code, str) else None})


def sent_record() -> dict | None:
    """What the confirmation page shows about the request this browser has just sent, with its status code."""
    row, token = store.find(JOURNEY), store.token_of(JOURNEY)
    if row is None or row.sent_at is None or token is None:
        return None
    record = store.answers_of(row).get("sent")
    if not isinstance(record, dict) or not isinstance(record.get("reference"), str):
        return None
    sealed = record.get("code")
    return {**record, "code": unseal(sealed, token) if isinstance(sealed, str) else None}


def clear() -> None:
    store.drop(JOURNEY)


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
