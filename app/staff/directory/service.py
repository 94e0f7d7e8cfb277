"""The directory editor's work: finding services, saving a draft of a service's easy-read words, marking it
checked by a second person, and publishing it. Every change has its audit entry in the same transaction."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.pathways.importing.writer import ensure_vocabularies
from app.pathways.models import Attribute, Service
from app.pathways.taxonomies import VOCABULARIES, parse_filter_terms
from app.pathways.text import fold
from app.staff.directory.indexing import reindex
from app.staff.directory.saving import finish_change
from app.staff.models import StaffUser
from app.staff.paging import Page, page_of

STATES = ("draft", "checked", "published")
TEXTS = ("summary_en", "summary_cy", "who_for_en", "who_for_cy")
STEP, KIND = VOCABULARIES["ladder-step"], VOCABULARIES["kind-of-support"]


class ReviewProblem(Exception):
    """A review step that cannot happen now; its message is shown to the member of staff."""


@dataclass(frozen=True)
class EasyRead:
    """The easy-read layer as a form gives it."""

    summary_en: str
    summary_cy: str
    who_for_en: str
    who_for_cy: str
    symbol: str
    step: str  # "" for none
    kinds: tuple[str, ...]


def services_page(session: Session, words: str, state: str, asked: int, size: int) -> Page:
    """One page of services in name order, found by words in their name and with a review state."""
    query = select(Service)
    folded = fold(words)
    if folded:
        for word in folded.split():
            query = query.where(Service.sort_name.contains(word, autoescape=True))
    if state in STATES:
        query = query.where(Service.easyread_state == state)
    return page_of(session, query.order_by(Service.sort_name, Service.id), asked, size)


def find(session: Session, service_id: str) -> Service | None:
    return session.get(Service, service_id)


def current(service: Service) -> EasyRead:
    """The words to edit: the draft while there is one, otherwise the published words."""
    drafting = service.easyread_state != "published"
    terms = parse_filter_terms(service.filter_terms or "")
    return EasyRead(
        *(((getattr(service, "draft_" + name) if drafting else getattr(service, name)) or "") for name in TEXTS),
        symbol=(service.draft_symbol if drafting else service.symbol) or "",
        step=service.ladder_step or "",
        kinds=tuple(sorted(terms.get(KIND.param, ()))),
    )


def staff_names(session: Session, service: Service) -> dict[int, str]:
    """The names of the staff who wrote, checked and published the words, by id."""
    ids = {service.written_by, service.checked_by, service.published_by} - {None}
    if not ids:
        return {}
    return dict(session.execute(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def _set_terms(session: Session, service: Service, values: EasyRead) -> list[str]:
    """Make the service's ladder step and kinds of help these; say what changed, for the audit entry."""
    ensure_vocabularies(session)
    wanted = {STEP.term_id(values.step)} if values.step else set()
    wanted |= {KIND.term_id(code) for code in values.kinds}
    ours = {STEP.term_id(code) for code in STEP.terms} | {KIND.term_id(code) for code in KIND.terms}
    had = {a.taxonomy_term_id for a in service.attributes if a.taxonomy_term_id in ours}
    if had == wanted:
        return []
    service.attributes = [
        a for a in service.attributes if a.taxonomy_term_id not in ours or a.taxonomy_term_id in wanted
    ]
    for term_id in sorted(wanted - had):
        service.attributes.append(
            Attribute(id=str(uuid.uuid4()), link_id=service.id, taxonomy_term_id=term_id, link_entity="service")
        )
    changed = []
    if service.ladder_step != (values.step or None):
        changed.append(f"step={values.step or 'none'}")
    changed.append("kinds=" + (",".join(values.kinds) or "none"))
    return changed


def save_draft(session: Session, service: Service, values: EasyRead, staff_id: int, now: datetime) -> None:
    """Keep the words as a draft by this member of staff; the step and kinds of help change at once."""
    for name in TEXTS:
        setattr(service, "draft_" + name, getattr(values, name) or None)
    service.draft_symbol = values.symbol or None
    service.easyread_state = "draft"
    service.written_by, service.written_at = staff_id, now
    service.checked_by = service.checked_at = None
    changed = _set_terms(session, service, values)
    if changed:
        service.last_modified = now
        session.flush()
        session.expire(service, ["attributes"])
        reindex(session, service)
    finish_change(session, service, staff_id, " ".join(["easy-read-draft", *changed]))


def mark_checked(session: Session, service: Service, staff_id: int, now: datetime) -> None:
    """Record that a second member of staff checked the draft."""
    if service.easyread_state != "draft":
        raise ReviewProblem("There is no draft to check. Write the words and save them first.")
    if service.written_by == staff_id:
        raise ReviewProblem("You wrote these words. Another person must check them.")
    service.easyread_state = "checked"
    service.checked_by, service.checked_at = staff_id, now
    finish_change(session, service, staff_id, "easy-read-checked")


def publish(session: Session, service: Service, staff_id: int, now: datetime) -> None:
    """Put the checked words on the public pages, in the API and in search."""
    if service.easyread_state != "checked":
        raise ReviewProblem("Only checked words can be published. Another person must check them first.")
    for name in TEXTS:
        setattr(service, name, getattr(service, "draft_" + name))
        setattr(service, "draft_" + name, None)
    service.symbol, service.draft_symbol = service.draft_symbol, None
    service.easyread_state = "published"
    service.published_by, service.published_at = staff_id, now
    service.last_modified = now
    reindex(session, service)
    finish_change(session, service, staff_id, "easy-read-published")
