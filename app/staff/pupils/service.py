"""School mode's work: the pupils a member of staff may see, adding a pupil with their checklists, and
opening a pupil's checklists again. The checklists are reached only through app.checklists.for_staff."""

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.checklists import for_staff as checklists
from app.checklists.for_staff import ChecklistSession, Plan
from app.clock import now
from app.staff.audit.service import record_for
from app.staff.models import Pupil


@dataclass(frozen=True)
class Progress:
    live: bool  # False when the checklists were deleted or have expired
    setup_done: bool
    checklists: list[tuple[str, int, int, bool]]  # (title, questions answered, questions, finished)

    @property
    def words(self) -> str:
        if not self.live:
            return "The checklists were deleted or have expired."
        finished = sum(done for *_, done in self.checklists)
        answered = sum(count for _, count, _, _ in self.checklists)
        question_words = "1 question" if answered == 1 else f"{answered} questions"
        return f"{finished} of {len(self.checklists)} checklists finished. {question_words} answered."


@dataclass(frozen=True)
class Opened:
    """Checklists to open in this browser with their code; new_code when the code is new, to show once."""

    checklists: ChecklistSession
    code: str
    new_code: bool


def visible_pupils(user) -> Select:
    """A query for the pupils this member of staff may see."""
    query = select(Pupil)
    if user.role == "council-admin":
        return query
    if user.role == "school" and user.school_id is not None:
        return query.where(Pupil.school_id == user.school_id)
    return query.where(Pupil.id.is_(None))


def visible_pupil(session: Session, user, pupil_id: int) -> tuple[Pupil | None, bool]:
    """(the pupil if this member of staff may see them, whether a pupil with this id exists at all)."""
    pupil = session.scalar(visible_pupils(user).where(Pupil.id == pupil_id))
    if pupil is not None:
        return pupil, True
    return None, session.scalar(select(Pupil.id).where(Pupil.id == pupil_id)) is not None


def checklists_of(session: Session, pupil: Pupil) -> ChecklistSession | None:
    """The pupil's checklists, unless they were deleted or have expired."""
    return checklists.find_live(session, pupil.checklist_session_id)


def progress_of(session: Session, pupil: Pupil) -> Progress:
    found = checklists_of(session, pupil)
    setup_done, rows = checklists.progress(session, found)
    return Progress(found is not None, setup_done, [(row.title, row.answered, row.questions, row.done) for row in rows])


def pupils_with_progress(session: Session, user) -> list[tuple[Pupil, Progress]]:
    """The pupils this member of staff may see, newest first, each with how far their checklists have got."""
    rows = session.scalars(visible_pupils(user).order_by(Pupil.created_at.desc(), Pupil.id.desc())).all()
    return [(pupil, progress_of(session, pupil)) for pupil in rows]


def add_pupil(
    session: Session, *, school_id: int, staff_id: int, values: dict, secret: str, keep_days: int
) -> tuple[Pupil, Opened]:
    """A pupil, with the consent given now and new checklists for them, and its audit entry."""
    found, code = checklists.start(session, secret, keep_days)
    pupil = Pupil(
        school_id=school_id, created_by_id=staff_id, consent_at=now(), checklist_session_id=found.id, **values
    )
    session.add(pupil)
    session.flush()
    record_for(session, staff_id, "change", "pupil", pupil.id, "created")
    session.commit()
    return pupil, Opened(found, code, new_code=True)


def carry_on(session: Session, pupil: Pupil, code: str, staff_id: int, secret: str, keep_days: int) -> Opened | None:
    """Open the pupil's checklists again: with their code, or ("") with a new code; new checklists when
    theirs were deleted or have expired. None, with nothing changed, when the code is not theirs."""
    found = checklists_of(session, pupil)
    new_code = found is None or not code
    if found is None:
        found, code = checklists.start(session, secret, keep_days)
        pupil.checklist_session_id = found.id
    elif not code:
        code = checklists.new_code(session, found, secret)
    elif not checklists.code_matches(found, code, secret):
        return None
    record_for(session, staff_id, "change", "pupil", pupil.id, "new-code" if new_code else "opened")
    session.commit()
    return Opened(found, code, new_code)


def plan_of(session: Session, pupil: Pupil) -> tuple[Plan, ChecklistSession | None]:
    """The pupil's work plan, and their checklists (None when deleted or expired)."""
    found = checklists_of(session, pupil)
    return checklists.plan_of(session, found), found
