"""Whose checklists this browser is using. The cookie lasts until the browser closes: school tablets are shared."""

from dataclasses import dataclass

from flask import current_app, session

from app.checklists.codes import code_hash
from app.checklists.definitions import Checklist
from app.checklists.models import ChecklistSession
from app.checklists.service import is_live
from app.extensions import db

SESSION_ID, SESSION_CODE = "checklists", "checklists_code"


@dataclass(frozen=True)
class Current:
    record: ChecklistSession
    code: str
    definitions: dict[str, Checklist]


def definitions() -> dict[str, Checklist]:
    return current_app.extensions["checklists"]


def current_checklists() -> Current | None:
    """The checklists this browser opened, if they still exist and the code still matches."""
    record_id, code = session.get(SESSION_ID), session.get(SESSION_CODE)
    if not isinstance(record_id, int) or not isinstance(code, str):
        return None
    record = db.session.get(ChecklistSession, record_id)
    if not is_live(record) or record.code_hash != code_hash(code, current_app.config["SECRET_KEY"]):
        forget()
        return None
    return Current(record, code, definitions())


def remember(record: ChecklistSession, code: str) -> None:
    session[SESSION_ID], session[SESSION_CODE] = record.id, code


def forget() -> None:
    session.pop(SESSION_ID, None)
    session.pop(SESSION_CODE, None)
