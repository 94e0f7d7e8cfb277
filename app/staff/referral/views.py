"""The work plan sent with a referral, read for the staff page.

Referral.plan is a JSON snapshot of My work plan as it was when the referral was sent. Snapshots from
any version of the journey must still show, so this reads the shapes a plan may take and never fails:
{"sections": [{"id": "aspirations", "sentences": [{"symbol": ..., "text": ...}]}], "filled_by": [...]},
sections as a mapping of id to sentences, or the section lists at the top level."""
from collections.abc import Mapping
from dataclasses import dataclass

from app.staff.words import PLAN_SECTIONS, name_for

_TEXT_KEYS = ("text", "sentence", "says")
_TITLE_KEYS = ("heading", "title", "name")
_SENTENCES_KEYS = ("sentences", "items", "lines")
_NOT_SECTIONS = {"filled_by", "filled-by", "made_at", "updated_at", "lang", "version", "checklists"}


@dataclass(frozen=True)
class PlanSection:
    heading: str
    sentences: list[str]


@dataclass(frozen=True)
class PlanView:
    sections: list[PlanSection]
    filled_by: list[str]


def _text(item: object) -> str | None:
    if isinstance(item, str):
        return item.strip() or None
    if isinstance(item, Mapping):
        for key in _TEXT_KEYS:
            if isinstance(item.get(key), str) and item[key].strip():
                return item[key].strip()
    return None


def _sentences(items: object) -> list[str]:
    if isinstance(items, Mapping):
        items = next((items[key] for key in _SENTENCES_KEYS if key in items), [])
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        return []
    return [text for text in map(_text, items) if text]


def _section(key: str | None, value: object) -> PlanSection | None:
    heading = None
    if isinstance(value, Mapping):
        key = value.get("id") or key
        heading = next((value[k] for k in _TITLE_KEYS if isinstance(value.get(k), str)), None)
    sentences = _sentences(value)
    if not sentences:
        return None
    return PlanSection(heading or name_for(PLAN_SECTIONS, str(key) if key else "plan"), sentences)


def read_plan(plan: object) -> PlanView | None:
    """The plan's sections and who filled it in; None when there is no plan or nothing in it to show."""
    if not isinstance(plan, Mapping):
        return None
    raw = plan.get("sections", {key: value for key, value in plan.items() if key not in _NOT_SECTIONS})
    pairs = raw.items() if isinstance(raw, Mapping) else ((None, value) for value in raw) if isinstance(raw, list) else ()
    sections = [section for section in (_section(key, value) for key, value in pairs) if section]
    filled_by = _sentences(plan.get("filled_by") or plan.get("filled-by") or [])
    return PlanView(sections, filled_by) if sections or filled_by else None
