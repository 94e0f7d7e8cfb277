"""Demo pupils at the demo school: one with checklists answered (open them with DEMO_PUPIL_CODE), one
just started, and one whose checklists were deleted."""

from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from app import clock
from app.checklists import codes, service
from app.checklists.answers import Answer
from app.checklists.models import ChecklistSession
from app.staff.models import Pupil, StaffUser
from demo.checklists import ANSWERS
from demo.staff import DEMO_ACCOUNTS, DEMO_SCHOOL

# The demo loads into an empty pupil table, so the first demo pupil is pupil 1.
DEMO_PUPIL_ID = 1
DEMO_PUPIL_CODE = "otter-cedar-robin-2026"
DEMO_DAYS = 3650  # days: demo data stays until it is deleted

# (name, year group, who agreed, days ago, answers)
PUPILS = (
    ("Maya Hughes (demo)", "year-11", "pupil-and-parent", 40, ANSWERS),
    (
        "Rhys Davies (demo)",
        "year-10",
        "pupil-and-parent",
        12,
        {("before-you-start", "who"): Answer(("me-with-help",)), ("before-you-start", "helper"): Answer(("teacher",))},
    ),
    ("Ffion Lewis (demo)", "college", "pupil", 3, None),  # None: the checklists were deleted
)


def is_empty(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as db:
        return not db.scalar(select(func.count()).select_from(Pupil))


def load(app: Flask) -> str:
    secret = app.config["SECRET_KEY"]
    with app.extensions["database"]["factory"]() as db:
        staff_id, school_id = db.execute(
            select(StaffUser.id, StaffUser.school_id).where(StaffUser.email == DEMO_ACCOUNTS["school"]["email"])
        ).one()
        now = clock.now()
        for number, (name, year, consent_by, days_ago, answers) in enumerate(PUPILS):
            found = None
            if answers is not None:
                code = DEMO_PUPIL_CODE if number == 0 else codes.new_code()
                found = ChecklistSession(
                    code_hash=codes.code_hash(code, secret),
                    created_at=now,
                    updated_at=now,
                    expires_at=now + timedelta(days=DEMO_DAYS),
                )
                db.add(found)
                db.flush()
                for (checklist_id, step_id), answer in answers.items():
                    service.save_answer(db, found, checklist_id, step_id, answer, DEMO_DAYS)
            when = now - timedelta(days=days_ago)
            db.add(
                Pupil(
                    school_id=school_id,
                    created_by_id=staff_id,
                    pupil_name=name,
                    year_group=year,
                    consent_by=consent_by,
                    consent_at=when,
                    created_at=when,
                    checklist_session_id=found.id if found else None,
                )
            )
            db.flush()
        db.commit()
    return (
        f"Demo pupils: {len(PUPILS)} at {DEMO_SCHOOL}; the first one's checklists open with the code {DEMO_PUPIL_CODE}"
    )
