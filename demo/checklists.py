"""A demo plan for the fictional council area, with a known code and share link, for trying the site out."""

from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select

from app import clock
from app.checklists import codes, service
from app.checklists.answers import Answer
from app.checklists.models import ChecklistSession, OpenLink, ShareLink
from app.checklists.open_links import seal

DEMO_CODE = "panda-tulip-river-2026"
DEMO_SHARE_TOKEN = "demo-plan-shared-for-trying-out"
DEMO_OPEN_TOKEN = "demo-square-code-for-trying-out"  # the save page's square code, for the page checks
DEMO_DAYS = 3650  # days: demo data stays until it is deleted

ANSWERS = {
    ("before-you-start", "who"): Answer(("me-with-help",)),
    ("before-you-start", "helper"): Answer(("teacher",)),
    ("before-you-start", "age"): Answer(("16-18",)),
    ("my-work-dreams", "kinds-of-work"): Answer(("animals", "gardening")),
    ("my-work-dreams", "what-matters"): Answer(("outdoors", "routine")),
    ("my-work-dreams", "hours"): Answer(("16-plus",)),
    ("my-work-dreams", "when"): Answer(("weekdays",)),
    ("my-work-dreams", "money"): Answer(("a-lot",)),
    ("my-work-dreams", "how-far"): Answer(("my-town",)),
    ("my-work-dreams", "try-first"): Answer(("work-experience", "supported-internship")),
    ("my-work-dreams", "dream-job"): Answer(text="Working at an animal rescue centre"),
    ("all-about-me", "good-at"): Answer(("animals", "on-time", "working-hard")),
    ("all-about-me", "done-before"): Answer(("yes",)),
    ("all-about-me", "done-what"): Answer(("home-or-school",)),
    ("all-about-me", "find-hard"): Answer(("noise", "change")),
    ("all-about-me", "what-helps"): Answer(("job-coaching", "clear-steps", "quiet-place")),
    ("all-about-me", "get-around"): Answer(("walk", "bus")),
    ("all-about-me", "talking-to-me"): Answer(("simple-words", "extra-time")),
    ("all-about-me", "support-needs"): Answer(("learning-disability",)),
    ("all-about-me", "health-and-support"): Answer(skipped=True),
    ("all-about-me", "proud-of"): Answer(text="Looking after our school garden"),
    ("getting-ready", "travel"): Answer(("with-help",)),
    ("getting-ready", "money"): Answer(("yes",)),
    ("getting-ready", "bank-account"): Answer(("not-yet",)),
    ("getting-ready", "better-off"): Answer(("not-yet",)),
    ("getting-ready", "cv"): Answer(("not-yet",)),
    ("getting-ready", "work-experience"): Answer(("not-yet",)),
    ("getting-ready", "tell-employer"): Answer(("with-help",)),
    ("getting-ready", "interview"): Answer(("with-help",)),
}


def _hash(app: Flask, value: str) -> str:
    return codes.code_hash(value, app.config["SECRET_KEY"])


def no_demo_plan(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as db:
        return not db.scalar(
            select(func.count())
            .select_from(ChecklistSession)
            .where(ChecklistSession.code_hash == _hash(app, DEMO_CODE))
        )


def load_demo_plan(app: Flask) -> str:
    """The demo plan: open it with the code, or read it through the share link."""
    with app.extensions["database"]["factory"]() as db:
        now = clock.now()
        record = ChecklistSession(
            code_hash=_hash(app, DEMO_CODE), created_at=now, updated_at=now, expires_at=now + timedelta(days=DEMO_DAYS)
        )
        db.add(record)
        db.flush()
        for (checklist_id, step_id), answer in ANSWERS.items():
            service.save_answer(db, record, checklist_id, step_id, answer, DEMO_DAYS)
        db.add(
            ShareLink(
                session_id=record.id,
                token_hash=_hash(app, DEMO_SHARE_TOKEN),
                created_at=now,
                expires_at=now + timedelta(days=DEMO_DAYS),
            )
        )
        db.add(
            OpenLink(
                session_id=record.id,
                token_hash=_hash(app, DEMO_OPEN_TOKEN),
                sealed_code=seal(DEMO_CODE, DEMO_OPEN_TOKEN),
                created_at=now,
                expires_at=now + timedelta(days=DEMO_DAYS),
            )
        )
        db.commit()
    return f"Demo plan: open it with the code {DEMO_CODE}, or read it at /my-work/shared/{DEMO_SHARE_TOKEN}"
