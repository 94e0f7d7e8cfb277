"""Finding services: search by words and filters, a page at a time. Plain arguments in, rows out."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from app.pathways.models import Attribute, LocalArea, Service, ServiceWord, TaxonomyTerm
from app.pathways.mutations import welsh_forms
from app.pathways.taxonomies import VOCABULARIES, filter_token
from app.pathways.text import word_range

HIDDEN_STATUSES = ("inactive", "defunct")


@dataclass(frozen=True)
class Filters:
    """What a person is looking for. Every value is already checked against the vocabularies."""

    words: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    work: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    ages: tuple[int, int] | None = None  # youngest and oldest age of the person or age band
    pay: tuple[str, ...] = ()  # "paid", "unpaid"
    ask_myself: bool = False
    # for the API
    term_ids: tuple[str, ...] = ()
    taxonomy_ids: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    modified_after: datetime | None = None
    # the words are Welsh: look for each in all its mutated forms too (English search stays as it is)
    welsh: bool = False

    @property
    def active(self) -> bool:
        return replace(self, welsh=False) != Filters()


@dataclass(frozen=True)
class Page:
    services: list[Service]
    total: int
    number: int
    size: int
    pages: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "pages", max(1, -(-self.total // self.size)))


def has_term(vocabulary_key: str, code: str):
    """The service is tagged with one of our terms (read from filter_terms, which the listing index holds)."""
    return Service.filter_terms.contains(f" {filter_token(VOCABULARIES[vocabulary_key], code)} ", autoescape=True)


def conditions(filters: Filters) -> list:
    """SQL conditions for the filters: any of the values within one filter, all of the filters together."""
    out = [Service.status.not_in(HIDDEN_STATUSES)]
    for word in filters.words:
        forms = welsh_forms(word) if filters.welsh else (word,)
        starts = or_(*(ServiceWord.word.between(*word_range(form)) for form in forms))
        out.append(Service.id.in_(select(ServiceWord.service_id).where(starts)))
    if filters.steps:
        out.append(Service.ladder_step.in_(filters.steps))
    for key, codes in (
        ("kind-of-support", filters.kinds),
        ("support-need", filters.needs),
        ("kind-of-work", filters.work),
    ):
        if codes:
            out.append(or_(*(has_term(key, code) for code in codes)))
    if filters.areas:
        out.append(or_(Service.area_id.in_(filters.areas), Service.area_id.is_(None)))
    if filters.ages:
        youngest, oldest = filters.ages
        out.append(or_(Service.minimum_age.is_(None), Service.minimum_age <= oldest))
        out.append(or_(Service.maximum_age.is_(None), Service.maximum_age >= youngest))
    if set(filters.pay) == {"paid"}:
        out.append(Service.paid.is_(True))
    elif set(filters.pay) == {"unpaid"}:
        out.append(Service.paid.is_(False))
    elif filters.pay:
        out.append(Service.paid.is_not(None))
    if filters.ask_myself:
        out.append(Service.self_referral.is_(True))
    if filters.term_ids:
        out.append(Service.id.in_(select(Attribute.link_id).where(Attribute.taxonomy_term_id.in_(filters.term_ids))))
    if filters.taxonomy_ids:
        terms = select(TaxonomyTerm.id).where(TaxonomyTerm.taxonomy_id.in_(filters.taxonomy_ids))
        out.append(Service.id.in_(select(Attribute.link_id).where(Attribute.taxonomy_term_id.in_(terms))))
    if filters.organizations:
        out.append(Service.organization_id.in_(filters.organizations))
    if filters.modified_after:
        out.append(Service.last_modified >= filters.modified_after)
    return out


def search_services(
    session: Session, filters: Filters, page: int = 1, per_page: int = 10, options=(), clamp: bool = True
) -> Page:
    """One page of the services that match, by name; with clamp, a page past the end gives the last page.

    Both the count and the page's ids come from the listing index; only the page's services are read in full.
    """
    where = and_(*conditions(filters))
    total = session.scalar(select(func.count()).select_from(Service).where(where)) or 0
    if clamp:
        page = min(max(1, page), max(1, -(-total // per_page)))
    ids = list(
        session.scalars(
            select(Service.id)
            .where(where)
            .order_by(Service.sort_name, Service.id)
            .offset((page - 1) * per_page)
            .limit(per_page)
        )
    )
    found = (
        {s.id: s for s in session.scalars(select(Service).where(Service.id.in_(ids)).options(*options))} if ids else {}
    )
    return Page([found[i] for i in ids], total, page, per_page)


def list_areas(session: Session) -> list[LocalArea]:
    """The parts of the council area that services name, by name."""
    return list(session.scalars(select(LocalArea).order_by(LocalArea.name_en)))


def get_service(session: Session, service_id: str, *options) -> Service | None:
    """One service that people may see, or None."""
    query = select(Service).where(Service.id == service_id, Service.status.not_in(HIDDEN_STATUSES)).options(*options)
    return session.scalar(query)


def has_demo_services(session: Session) -> bool:
    # "= true", not "IS true": an equality is what the index on demo answers, on SQLite and PostgreSQL.
    return session.scalar(select(Service.id).where(Service.demo == true()).limit(1)) is not None
