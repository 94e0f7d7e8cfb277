"""What the Open Referral API lists besides services: taxonomies, terms, organisations, services at locations."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.pathways.exporting import list_record, service_at_location_record
from app.pathways.fields import ORGANIZATION, SERVICE_AT_LOCATION, TAXONOMY, TAXONOMY_TERM, put
from app.pathways.models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from app.pathways.search import HIDDEN_STATUSES

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


def terms(taxonomy_ids: tuple[str, ...]):
    query = select(TaxonomyTerm)
    return query.where(TaxonomyTerm.taxonomy_id.in_(taxonomy_ids)) if taxonomy_ids else query


def organization_record(organization: Organization) -> dict:
    return put(organization, ORGANIZATION)


def organizations():
    return select(Organization)


def full_organization(session: Session, organization_id: str) -> dict | None:
    """An organisation with the one-to-one fields of each service it runs that people may see."""
    organization = session.get(Organization, organization_id)
    if organization is None:
        return None
    services = session.scalars(
        select(Service)
        .where(Service.organization_id == organization_id, Service.status.not_in(HIDDEN_STATUSES))
        .order_by(Service.sort_name, Service.id)
    )
    return {**organization_record(organization), "services": [list_record(service) for service in services]}


def services_at_locations():
    """Where each service people may see is given."""
    visible = select(Service.id).where(Service.status.not_in(HIDDEN_STATUSES))
    return select(ServiceAtLocation).where(ServiceAtLocation.service_id.in_(visible))


def service_at_location_item(sal: ServiceAtLocation) -> dict:
    """The one-to-one fields of a service at a location (the items of the list)."""
    return {**put(sal, SERVICE_AT_LOCATION), "service_id": sal.service_id, "location_id": sal.location_id}


def full_service_at_location(session: Session, sal_id: str) -> dict | None:
    query = (
        services_at_locations().where(ServiceAtLocation.id == sal_id).options(selectinload(ServiceAtLocation.schedules))
    )
    sal = session.scalar(query)
    return None if sal is None else service_at_location_record(sal)
