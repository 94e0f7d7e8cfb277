"""Everything held about one person, on their request: finding it, a subject access export, and erasure.

A person is found by a referral's reference, an email address, a phone number, or a name with a date of birth.
What is held about them is a referral with the referrals signposting made from it or it from (copies of the
same answers), their notes, their outbox messages, the checklists and school pupil the plan came from, and the
answers still on the server from Ask for help or feedback (drafts: not sent yet, or the sent page's record).
Other referrals with the same email, phone, or name and date of birth may be the same person, or a brother
sharing the family phone: they are listed for staff to check, never erased with this one.

Which fields are exported and which are removed comes from the field registry (app/referrals/fields.py),
through personal_data() and erase_personal_data(). The audit entry of an erasure holds counts only."""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.checklists import for_staff as checklists
from app.feedback.models import FeedbackRequest
from app.journeys import drafts as journey_drafts
from app.journeys.models import JourneyDraft
from app.outbox.models import OutboxMessage
from app.referrals.models import Referral
from app.referrals.service import erase_personal_data, personal_data
from app.staff.audit.service import record_for
from app.staff.models import Pupil

EXPORT_VERSION = 1
COUNTED = ("referrals", "notes", "messages", "checklists", "answers", "share-links", "pupils", "drafts")
# A draft of Ask for help holds these answers about the person, and their family member's or worker's.
DRAFT_EMAILS, DRAFT_PHONES = ("email", "asker_email"), ("phone", "asker_phone")


@dataclass(frozen=True)
class Wanted:
    """What staff look for: any of the keys, a name only with a date of birth."""

    reference: str = ""
    email: str = ""
    phone: str = ""
    name: str = ""
    date_of_birth: date | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The kinds of key given, never their values: for the audit trail."""
        given = {
            "reference": self.reference,
            "email": self.email,
            "phone": self.phone,
            "name-and-birth": self.name and self.date_of_birth,
        }
        return tuple(key for key, value in given.items() if value)


@dataclass(frozen=True)
class Match:
    referral: Referral
    matched: tuple[str, ...]  # which keys found it


@dataclass
class Record:
    """Everything held about the person a reference belongs to."""

    reference: str
    referrals: list[Referral]
    messages: list[OutboxMessage]
    checklists: list[checklists.HeldChecklists]
    pupils: list[Pupil]
    similar: list[Referral] = field(default_factory=list)
    drafts: list[JourneyDraft] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How much of each kind an erasure would remove now."""
        holding = [referral for referral in self.referrals if referral.personal_data_removed_at is None]
        return {
            "referrals": len(holding),
            "notes": sum(len(referral.notes) for referral in holding),
            "messages": len(self.messages),
            "checklists": len(self.checklists),
            "answers": sum(len(held.answers) for held in self.checklists),
            "share-links": sum(held.share_links for held in self.checklists),
            "pupils": len(self.pupils),
            "drafts": len(self.drafts),
        }

    @property
    def holds_anything(self) -> bool:
        return any(self.counts().values())


def phone_forms(typed: str) -> set[str]:
    """A phone number as it may be stored once spaces, dashes, dots and brackets are gone: 01632 960123 is
    also +441632960123 and 441632960123."""
    digits = re.sub(r"\D", "", typed)
    if typed.strip().startswith("+44") or (digits.startswith("44") and len(digits) == 12):
        digits = "0" + digits[2:]
    forms = {digits}
    if digits.startswith("0"):
        forms |= {"+44" + digits[1:], "44" + digits[1:]}
    return forms


def _bare_phone():
    """Referral.phone without spaces, dashes, dots and brackets, in SQL both databases run."""
    column = Referral.phone
    for mark in (" ", "-", ".", "(", ")"):
        column = func.replace(column, mark, "")
    return column


def _same_name(stored: str | None, wanted: str) -> bool:
    return stored is not None and " ".join(stored.split()).casefold() == wanted.casefold()


def find(session: Session, wanted: Wanted) -> list[Match]:
    """Every referral any of the keys finds, newest first, with the keys that found it."""
    found: dict[int, tuple[Referral, list[str]]] = {}

    def add(referrals, key: str) -> None:
        for referral in referrals:
            found.setdefault(referral.id, (referral, []))[1].append(key)

    if wanted.reference:
        add(session.scalars(select(Referral).where(Referral.reference == wanted.reference)), "reference")
    if wanted.email:
        email = wanted.email.strip().lower()
        add(session.scalars(select(Referral).where(func.lower(func.trim(Referral.email)) == email)), "email")
    if wanted.phone:
        add(session.scalars(select(Referral).where(_bare_phone().in_(phone_forms(wanted.phone)))), "phone")
    if wanted.name and wanted.date_of_birth:
        # Names are compared in Python: SQLite's lower() leaves letters such as Â as they are.
        born = session.scalars(select(Referral).where(Referral.date_of_birth == wanted.date_of_birth))
        add((referral for referral in born if _same_name(referral.person_name, wanted.name)), "name-and-birth")
    matches = [Match(referral, tuple(keys)) for referral, keys in found.values()]
    return sorted(matches, key=lambda match: (match.referral.created_at, match.referral.id), reverse=True)


def draft_answers(row: JourneyDraft) -> dict:
    """The answers a draft holds, or none when it has only the sent page's record."""
    data = row.data if isinstance(row.data, dict) else {}
    return data["answers"] if isinstance(data.get("answers"), dict) else {}


def _draft_matches(row: JourneyDraft, wanted: Wanted) -> bool:
    """Whether a draft's answers or its sent record hold any of the keys."""
    data, answers = (row.data if isinstance(row.data, dict) else {}), draft_answers(row)
    sent = data.get("sent") if isinstance(data.get("sent"), dict) else {}
    if wanted.reference and sent.get("reference") == wanted.reference:
        return True
    if wanted.email and any(
        isinstance(answers.get(key), str) and answers[key].strip().lower() == wanted.email.strip().lower()
        for key in DRAFT_EMAILS
    ):
        return True
    if wanted.phone:
        forms = phone_forms(wanted.phone)
        if any(isinstance(answers.get(key), str) and phone_forms(answers[key]) & forms for key in DRAFT_PHONES):
            return True
    if wanted.name and wanted.date_of_birth:
        return answers.get("date_of_birth") == wanted.date_of_birth.isoformat() and _same_name(
            answers.get("person_name"), wanted.name
        )
    return False


def find_drafts(session: Session, wanted: Wanted, now: datetime | None = None) -> list[JourneyDraft]:
    """The answers on the server, not yet sent (or the sent page's record), that any of the keys finds."""
    return [row for row in journey_drafts.live(session, now or clock.now()) if _draft_matches(row, wanted)]


def _drafts_of(session: Session, referrals: list[Referral]) -> list[JourneyDraft]:
    """The drafts held about the person these referrals are about: Ask for help answers with their reference,
    email, phone, or name and date of birth, and feedback answers through their feedback links."""
    links = set()
    if referrals:
        links = set(
            session.scalars(
                select(FeedbackRequest.token_hash).where(
                    FeedbackRequest.referral_id.in_([found.id for found in referrals])
                )
            )
        )
    keys = [
        Wanted(
            reference=found.reference,
            email=found.email or "",
            phone=found.phone or "",
            name=found.person_name or "",
            date_of_birth=found.date_of_birth,
        )
        for found in referrals
    ]
    held = []
    for row in journey_drafts.live(session, clock.now()):
        data = row.data if isinstance(row.data, dict) else {}
        if data.get("link") in links or any(_draft_matches(row, wanted) for wanted in keys):
            held.append(row)
    return held


def erase_drafts(session: Session, rows: list[JourneyDraft], staff_id: int | None, what: str) -> int:
    """Delete these drafts now, with an audit entry of the count only. Commits. How many went."""
    gone = 0
    if rows:
        ids = [row.id for row in rows]
        gone = session.execute(delete(JourneyDraft).where(JourneyDraft.id.in_(ids))).rowcount
    record_for(session, staff_id, "erase", "drafts", what, f"drafts={gone}")
    session.commit()
    return gone


def _linked(session: Session, referral: Referral) -> list[Referral]:
    """This referral and every referral signposting made from it, or it from, however many steps away."""
    seen = {referral.id: referral}
    todo = [referral]
    while todo:
        current = todo.pop()
        query = select(Referral).where(
            or_(Referral.signposted_from_id == current.id, Referral.id == current.signposted_from_id)
        )
        for other in session.scalars(query):
            if other.id not in seen:
                seen[other.id] = other
                todo.append(other)
    return sorted(seen.values(), key=lambda found: (found.created_at, found.id))


def _similar(session: Session, referrals: list[Referral]) -> list[Referral]:
    """Other referrals that the same email, phone, or name and date of birth find."""
    ids = {referral.id for referral in referrals}
    others: dict[int, Referral] = {}
    for referral in referrals:
        wanted = Wanted(
            email=referral.email or "",
            phone=referral.phone or "",
            name=referral.person_name or "",
            date_of_birth=referral.date_of_birth,
        )
        if wanted.keys:
            for match in find(session, wanted):
                if match.referral.id not in ids:
                    others[match.referral.id] = match.referral
    return sorted(others.values(), key=lambda found: (found.created_at, found.id))


def record_of(session: Session, reference: str) -> Record | None:
    """Everything held about the person this reference belongs to, or None when no referral has it."""
    referral = session.scalar(select(Referral).where(Referral.reference == reference))
    if referral is None:
        return None
    referrals = _linked(session, referral)
    ids = [found.id for found in referrals]
    messages = list(
        session.scalars(select(OutboxMessage).where(OutboxMessage.referral_id.in_(ids)).order_by(OutboxMessage.id))
    )
    checklist_ids = sorted({found.checklist_session_id for found in referrals if found.checklist_session_id})
    held = [found for found in (checklists.held(session, each) for each in checklist_ids) if found is not None]
    pupils = (
        list(session.scalars(select(Pupil).where(Pupil.checklist_session_id.in_(checklist_ids)).order_by(Pupil.id)))
        if checklist_ids
        else []
    )
    return Record(
        referral.reference,
        referrals,
        messages,
        held,
        pupils,
        _similar(session, referrals),
        _drafts_of(session, referrals),
    )


def _iso(value: date | datetime | None) -> str | None:
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SQLite gives a stored moment back without its zone
    return value.isoformat() if value is not None else None


def _referral_export(referral: Referral) -> dict:
    return {
        **personal_data(referral),
        "service": referral.service_name,
        "status": referral.status,
        "made_at": _iso(referral.created_at),
        "personal_data_removed_at": _iso(referral.personal_data_removed_at),
        "jobs": [
            {
                "employer": job.employer,
                "job_title": job.job_title,
                "start_date": _iso(job.start_date),
                "end_date": _iso(job.end_date),
                "hours_per_week": str(job.hours_per_week),
                "paid": job.paid,
                "hourly_pay": None if job.hourly_pay is None else str(job.hourly_pay),
            }
            for job in referral.jobs
        ],
    }


def export(record: Record, now: datetime | None = None) -> dict:
    """A subject access export: everything held about the person, ready for json.dumps."""
    return {
        "about": "Everything My Way to Work holds about one person: a subject access export.",
        "version": EXPORT_VERSION,
        "reference": record.reference,
        "made_at": _iso(now or clock.now()),
        "referrals": [_referral_export(referral) for referral in record.referrals],
        "messages": [
            {
                "kind": message.kind,
                "to": message.to_address,
                "subject": message.subject,
                "body": message.body,
                "status": message.status,
                "made_at": _iso(message.created_at),
                "sent_at": _iso(message.sent_at),
            }
            for message in record.messages
        ],
        "checklists": [
            {
                "first_name": held.name,
                "last_changed": _iso(held.last_changed),
                "kept_until": _iso(held.kept_until),
                "answers": held.answers,
                "plan": held.plan,
                "share_links": held.share_links,
            }
            for held in record.checklists
        ],
        "pupils": [
            {
                "name": pupil.pupil_name,
                "school": pupil.school.name,
                "year_group": pupil.year_group,
                "consent_by": pupil.consent_by,
                "consent_at": _iso(pupil.consent_at),
                "added_at": _iso(pupil.created_at),
            }
            for pupil in record.pupils
        ],
        "answers_not_sent": [
            {
                "journey": row.journey,
                "answers": draft_answers(row),
                "sent": row.sent_at is not None,
                "kept_until": _iso(row.expires_at),
            }
            for row in record.drafts
        ],
    }


def audit_words(counts: dict[str, int]) -> str:
    """An erasure's audit detail: counts only, never what was erased."""
    return " ".join(f"{name}={counts[name]}" for name in COUNTED)


def erase(session: Session, record: Record, staff_id: int | None, now: datetime | None = None) -> dict[str, int]:
    """Erase everything held about the person, in one transaction with its audit entry (counts only): each
    referral's personal fields and notes (the record itself is kept for the council's figures), its outbox
    messages, the checklists with their answers and share links, the school pupil, and the drafts. Commits.
    The counts."""
    now = now or clock.now()
    counts = dict.fromkeys(COUNTED, 0)
    for referral in record.referrals:
        notes = len(referral.notes)
        if erase_personal_data(session, referral, staff_id, now, commit=False):
            counts["referrals"] += 1
            counts["notes"] += notes
    if record.messages:
        ids = [message.id for message in record.messages]
        counts["messages"] = session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids))).rowcount
    for held in record.checklists:
        gone = checklists.erase(session, held.id)
        if gone is not None:
            counts["checklists"] += 1
            counts["answers"] += gone[0]
            counts["share-links"] += gone[1]
    if record.pupils:
        ids = [pupil.id for pupil in record.pupils]
        counts["pupils"] = session.execute(delete(Pupil).where(Pupil.id.in_(ids))).rowcount
    if record.drafts:
        ids = [row.id for row in record.drafts]
        counts["drafts"] = session.execute(delete(JourneyDraft).where(JourneyDraft.id.in_(ids))).rowcount
    record_for(session, staff_id, "erase", "referral", record.reference, audit_words(counts))
    session.commit()
    session.expire_all()
    return counts
