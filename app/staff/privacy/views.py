"""What the readable export shows of a referral: a row for every field the registry exports, in staff words,
and the plan through the snapshot format's one reader. Unlike the referral page, no field shares a row,
so the document and the JSON export hold the same fields."""

from dataclasses import dataclass

from app.referrals.fields import FIELDS, Field, exported_fields
from app.referrals.models import Referral
from app.referrals.snapshot import PlanView, read_snapshot
from app.staff import words
from app.staff.privacy.service import COUNTED

# What each count of an erasure is, for staff.
COUNT_NAMES = {
    "referrals": ("referral", "referrals"),
    "notes": ("note", "notes"),
    "messages": ("message in the outbox", "messages in the outbox"),
    "checklists": ("set of checklists", "sets of checklists"),
    "answers": ("checklist answer", "checklist answers"),
    "share-links": ("share link", "share links"),
    "pupils": ("school pupil record", "school pupil records"),
    "drafts": ("set of answers not sent yet", "sets of answers not sent yet"),
}
KEY_NAMES = {"reference": "reference", "email": "email", "phone": "phone", "name-and-birth": "name and date of birth"}


@dataclass(frozen=True)
class DocumentRow:
    label: str
    value: str
    lines: bool = False  # keep the line breaks the person typed


def _value(field: Field, value) -> str:
    if field.kind == "codes":
        return words.names_for(getattr(words, field.words), value)
    if field.kind == "code":
        return words.name_for(getattr(words, field.words), value)
    if value is None or value == "":
        return "Not given"
    if field.kind == "date":
        return words.long_date(value)
    if field.kind == "moment":
        return words.date_time(value)
    return str(value)


def document_rows(referral: Referral) -> list[DocumentRow]:
    """Every exported field but the plan, each with its own label."""
    return [
        DocumentRow(field.label, _value(field, getattr(referral, field.name)), field.kind == "lines")
        for field in exported_fields()
        if field.kind != "plan"
    ]


JOURNEY_NAMES = {"ask-for-help": "Ask for help", "feedback": "Feedback"}


def draft_rows(answers: dict) -> list[DocumentRow]:
    """A draft's answers as they were typed or chosen: with the registry's label where the answer is a field."""
    by_name = {field.name: field for field in FIELDS}
    rows = []
    for key, value in answers.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list):
            value = ", ".join(str(each) for each in value)
        rows.append(DocumentRow(by_name[key].label if key in by_name else key.replace("_", " "), str(value), True))
    return rows


def document_plan(referral: Referral) -> PlanView | None:
    return read_snapshot(referral.plan)


def count_words(counts: dict[str, int]) -> list[str]:
    """ "2 referrals", "1 note"... for every kind with something in it."""
    return [f"{counts[name]} {COUNT_NAMES[name][counts[name] != 1]}" for name in COUNTED if counts.get(name)]


def kept_labels() -> list[str]:
    """The fields an erasure keeps for the council's figures, from the registry."""
    return [field.label for field in FIELDS if not field.removed]
