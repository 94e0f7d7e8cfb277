"""My work plan as a referral keeps it: one versioned format, with its one writer and its one reader.

Version 1, in English like the staff pages (what the person typed stays as they typed it):
    {"version": 1, "lang": "en",
     "sections": [{"id": "aspirations", "sentences": [{"symbol": "animals", "text": "I would like to work with animals."}]}],
     "filled_by": ["Me, with help from a teacher"]}
Only sections with sentences are written, in the plan's order. Snapshots saved before the format had a
version have the same shape without "version"; the reader upgrades them. Any other shape shows nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import force_locale

from app.checklists.plan import Plan, build_plan

VERSION = 1
# The plan's sections come from the plan itself (app.checklists.plan); these are their headings on staff pages.
SECTION_IDS = tuple(name for name, _ in Plan().sections())
SECTION_HEADINGS = {
    "aspirations": "What they want from work",
    "strengths": "What they are good at",
    "support": "What helps them",
    "next-steps": "Their next steps",
}


@dataclass(frozen=True)
class PlanSection:
    id: str
    heading: str
    sentences: list[str]


@dataclass(frozen=True)
class PlanView:
    sections: list[PlanSection]
    filled_by: list[str]


def write_snapshot(plan: Plan) -> dict:
    """A plan as version 1 of the snapshot format."""
    return {
        "version": VERSION,
        "lang": "en",
        "sections": [
            {"id": name, "sentences": [{"symbol": s.symbol, "text": str(s.text)} for s in items]}
            for name, items in plan.sections()
            if items
        ],
        "filled_by": [str(line) for line in plan.filled_by],
    }


def plan_snapshot(definitions: dict, answers: dict) -> dict:
    """My work plan as it is now, so the referral keeps it after the checklist goes."""
    with force_locale("en"):
        return write_snapshot(build_plan(definitions, answers))


def heading_for(section_id: str) -> str:
    """A section's heading; a section with no heading (from a later plan) is shown by its id."""
    return SECTION_HEADINGS.get(section_id, section_id.replace("-", " ").capitalize())


def upgrade(data: object) -> dict | None:
    """A stored snapshot in the current version, or None when it is no snapshot this format knows."""
    if not isinstance(data, Mapping):
        return None
    version = data.get("version")
    if version is None and isinstance(data.get("sections"), list):
        version = 1  # saved by the journey before snapshots had a version: the same shape
    return dict(data, version=VERSION) if version == VERSION else None


def _texts(items: object, key: str | None = None) -> list[str]:
    """The non-empty texts in a list, skipping anything that is not one."""
    if not isinstance(items, list):
        return []
    texts = ((item.get(key) if isinstance(item, Mapping) else None) if key else item for item in items)
    return [text.strip() for text in texts if isinstance(text, str) and text.strip()]


def read_snapshot(data: object) -> PlanView | None:
    """The plan's sections and who filled it in; None when there is no plan, or nothing in it to show."""
    snapshot = upgrade(data)
    if snapshot is None:
        return None
    sections = []
    for section in snapshot.get("sections") or []:
        if not isinstance(section, Mapping) or not isinstance(section.get("id"), str):
            continue
        sentences = _texts(section.get("sentences"), "text")
        if sentences:
            sections.append(PlanSection(section["id"], heading_for(section["id"]), sentences))
    filled_by = _texts(snapshot.get("filled_by"))
    return PlanView(sections, filled_by) if sections or filled_by else None
