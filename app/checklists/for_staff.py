"""What the staff side may do with a person's checklists: start them, open them in this browser with
their code, and read their plan and how far each checklist has got. School mode uses only this module,
so the checklists can change inside without the staff side changing with them."""

from dataclasses import dataclass

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.checklists import codes, service
from app.checklists import current as cur
from app.checklists.answers import is_done, path, setup_done
from app.checklists.definitions import setup_of
from app.checklists.models import ChecklistSession
from app.checklists.plan import Plan, build_plan

__all__ = [
    "ChecklistSession",
    "Plan",
    "ChecklistProgress",
    "start",
    "find_live",
    "new_code",
    "code_matches",
    "normalise_code",
    "open_here",
    "first_step",
    "progress",
    "plan_of",
    "HeldChecklists",
    "held",
    "erase",
]


@dataclass(frozen=True)
class ChecklistProgress:
    title: str
    answered: int  # questions answered on the way the person's answers take
    questions: int
    done: bool


def start(session: Session, secret: str, keep_days: int, lang: str = "en") -> tuple[ChecklistSession, str]:
    """New, empty checklists and the resume code that opens them (show it once: only its hash is kept)."""
    return service.start_session(session, secret, keep_days, lang)


def find_live(session: Session, checklists_id: int | None) -> ChecklistSession | None:
    """These checklists, unless they were deleted or have expired."""
    found = session.get(ChecklistSession, checklists_id) if checklists_id else None
    return found if service.is_live(found) else None


def new_code(session: Session, found: ChecklistSession, secret: str, lang: str = "en") -> str:
    """A fresh resume code for these checklists; the old one stops working. The caller commits."""
    while True:
        code = codes.new_code(lang)
        if (
            session.scalar(
                select(ChecklistSession.id).where(ChecklistSession.code_hash == codes.code_hash(code, secret))
            )
            is None
        ):
            found.code_hash = codes.code_hash(code, secret)
            return code


def code_matches(found: ChecklistSession, code: str, secret: str) -> bool:
    return found.code_hash == codes.code_hash(code, secret)


def normalise_code(typed: str) -> str | None:
    """A typed resume code in its usual form, or None when it cannot be one."""
    return codes.normalise(typed)


def open_here(found: ChecklistSession, code: str) -> None:
    """Open these checklists in this browser, as the public resume page does."""
    cur.remember(found, code)


def first_step() -> tuple[str, str]:
    """(checklist id, step id) of the first question of new checklists."""
    setup = setup_of(cur.definitions())
    return setup.id, setup.first


def _answers(session: Session, found: ChecklistSession | None):
    return service.answers_of(session, found) if found else {}


def progress(session: Session, found: ChecklistSession | None) -> tuple[bool, list[ChecklistProgress]]:
    """Whether the first question (who is filling them in) is answered, and how far each checklist has got."""
    answers = _answers(session, found)
    rows = []
    for checklist in cur.definitions().values():
        if checklist.setup:
            continue
        steps = path(checklist, answers)
        rows.append(
            ChecklistProgress(
                str(checklist.title),
                sum((checklist.id, step.id) in answers for step in steps),
                len(steps),
                is_done(checklist, answers),
            )
        )
    return setup_done(cur.definitions(), answers), rows


def plan_of(session: Session, found: ChecklistSession | None) -> Plan:
    """My work plan from these checklists' answers (empty when there are none)."""
    return build_plan(cur.definitions(), _answers(session, found))


@dataclass(frozen=True)
class HeldChecklists:
    """Everything held in one person's checklists, for a subject access export."""

    id: int
    last_changed: object  # datetime
    kept_until: object  # datetime
    answers: list[dict]  # checklist, step, choices, text, skipped
    share_links: int
    plan: dict[str, list[str]]  # My work plan's sentences by section, in English
    name: str | None = None  # the first name given before the checklists, shown at the top of the plan


def held(session: Session, checklists_id: int) -> HeldChecklists | None:
    """What these checklists hold (expired or not), or None when they are gone. Needs an app context only,
    so the command line can export it too."""
    found = session.get(ChecklistSession, checklists_id)
    if found is None:
        return None
    answers = service.answers_of(session, found)
    with force_locale("en"):  # staff read exports in English; a command has no request to choose a language
        built = build_plan(cur.definitions(), answers)
        plan = {name: [str(s.text) for s in sentences] for name, sentences in built.sections()}
    return HeldChecklists(
        found.id,
        found.updated_at,
        found.expires_at,
        [
            {
                "checklist": checklist_id,
                "step": step_id,
                "choices": list(a.choices),
                "text": a.text,
                "skipped": a.skipped,
            }
            for (checklist_id, step_id), a in sorted(answers.items())
        ],
        len(found.share_links),
        plan,
        built.name,
    )


def erase(session: Session, checklists_id: int) -> tuple[int, int] | None:
    """Delete these checklists with their answers and share links, in the caller's transaction; the counts
    of answers and share links deleted, or None when they were already gone."""
    found = session.get(ChecklistSession, checklists_id)
    return None if found is None else service.remove_session(session, found)
