"""What the Open Referral API lists besides services: taxonomies, terms, organisations, services at locations."""

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.pathways.exporting import full_options, full_record, list_record, service_at_location_record
from app.pathways.fields import ORGANIZATION, SERVICE_AT_LOCATION, TAXONOMY, TAXONOMY_TERM, put
from app.pathways.models import Location, Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from app.pathways.search import HIDDEN_STATUSES, Filters, conditions
from app.pathways.text import search_words

TAXONOMY_ORDER = (Taxonomy.name, Taxonomy.id)
TERM_ORDER = (TaxonomyTerm.taxonomy_id, TaxonomyTerm.id)
ORGANIZATION_ORDER = (Organization.name, Organization.id)
SERVICE_AT_LOCATION_ORDER = (ServiceAtLocation.service_id, ServiceAtLocation.id)


def taxonomy_record(taxonomy: Taxonomy) -> dict:
    return put(taxonomy, TAXONOMY)


def term_record(term: TaxonomyTerm) -> dict:
    """A term, with the taxonomy it belongs to."""
    record = put(term, TAXONOMY_TERM)
    if term.taxonomy_detail is not None:
        record["taxonomy_detail"] = taxonomy_record(term.taxonomy_detail)
    return record


def matching(text: str, *columns) -> list:
    """Each word of the search text is in one of the columns, whatever its case."""
    return [
        or_(*(func.lower(column).contains(word, autoescape=True) for column in columns)) for word in search_words(text)
    ]


def taxonomies(text: str = ""):
    return select(Taxonomy).where(*matching(text, Taxonomy.name, Taxonomy.description))


def terms(taxonomy_ids: tuple[str, ...], text: str = "", parent_ids: tuple[str, ...] = (), top_only: bool = False):
    """Terms, of one taxonomy, under one parent, or only those at the top (with no parent)."""
    query = select(TaxonomyTerm).where(*matching(text, TaxonomyTerm.name, TaxonomyTerm.description))
    if taxonomy_ids:
        query = query.where(TaxonomyTerm.taxonomy_id.in_(taxonomy_ids))
    if parent_ids:
        query = query.where(TaxonomyTerm.parent_id.in_(parent_ids))
    if top_only:
        query = query.where(or_(TaxonomyTerm.parent_id.is_(None), TaxonomyTerm.parent_id == ""))
    return query


def organization_record(organization: Organization) -> dict:
    return put(organization, ORGANIZATION)


def organizations(text: str = ""):
    return select(Organization).where(*matching(text, Organization.name, Organization.description))


def organization_services(session: Session, organization: Organization, full_service: bool) -> dict:
    """An organisation with each service it runs that people may see: its one-to-one fields, or all of it."""
    query = (
        select(Service)
        .where(Service.organization_id == organization.id, Service.status.not_in(HIDDEN_STATUSES))
        .order_by(Service.sort_name, Service.id)
    )
    if full_service:
        services = [full_record(service) for service in session.scalars(query.options(*full_options()))]
    else:
        services = [list_record(service) for service in session.scalars(query)]
    return {**organization_record(organization), "services": services}


def full_organization(session: Session, organization_id: str, full_service: bool = False) -> dict | None:
    organization = session.get(Organization, organization_id)
    return None if organization is None else organization_services(session, organization, full_service)


def services_at_locations(filters: Filters | None = None, places=None):
    """Where each service people may see (and that the filters find) is given, at the places asked for."""
    visible = select(Service.id).where(*conditions(filters or Filters()))
    query = select(ServiceAtLocation).where(ServiceAtLocation.service_id.in_(visible))
    return query if places is None else query.where(ServiceAtLocation.location_id.in_(places))


def service_at_location_item(sal: ServiceAtLocation) -> dict:
    """The one-to-one fields of a service at a location (the items of the list)."""
    return {**put(sal, SERVICE_AT_LOCATION), "service_id": sal.service_id, "location_id": sal.location_id}


def full_service_at_location(session: Session, sal_id: str) -> dict | None:
    query = (
        services_at_locations().where(ServiceAtLocation.id == sal_id).options(selectinload(ServiceAtLocation.schedules))
    )
    sal = session.scalar(query)
    return None if sal is None else service_at_location_record(sal)


# What service_at_location_record shows, loaded a page at a time.
FULL_SERVICE_AT_LOCATION = (
    selectinload(ServiceAtLocation.schedules),
    selectinload(ServiceAtLocation.location).selectinload(Location.addresses),
)
