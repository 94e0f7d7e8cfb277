"""Export: stored services as HSDS 3.0 full service records, the same shape the importer takes."""

import json
from datetime import UTC
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.pathways import fields as F
from app.pathways.extension import KEY
from app.pathways.extension import record as extension_record
from app.pathways.models import Attribute, Contact, Location, Service, ServiceAtLocation, TaxonomyTerm


def full_options():
    """Load everything a full record shows, in a few queries."""
    return (
        selectinload(Service.contacts).selectinload(Contact.phones),
        selectinload(Service.phones),
        selectinload(Service.schedules),
        selectinload(Service.service_areas),
        selectinload(Service.languages),
        selectinload(Service.cost_options),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.schedules),
        selectinload(Service.service_at_locations)
        .joinedload(ServiceAtLocation.location)
        .selectinload(Location.addresses),
        selectinload(Service.service_at_locations)
        .joinedload(ServiceAtLocation.location)
        .selectinload(Location.schedules),
        selectinload(Service.attributes).joinedload(Attribute.taxonomy_term).joinedload(TaxonomyTerm.taxonomy_detail),
    )


def modified(service: Service) -> str:
    moment = service.last_modified
    if moment.tzinfo is None:  # SQLite keeps no time zone; what is stored is UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def list_record(service: Service) -> dict:
    """The one-to-one fields of a service (the items of GET /services)."""
    record = {
        **F.put(service, F.SERVICE),
        "organization_id": service.organization_id,
        "last_modified": modified(service),
    }
    extension = extension_record(service)
    if extension:
        record[KEY] = extension
    return record


def full_record(service: Service) -> dict:
    """The fully nested service."""
    record = list_record(service)
    record["organization"] = F.put(service.organization, F.ORGANIZATION)
    record["contacts"] = [
        {**F.put(c, F.CONTACT), "service_id": service.id, "phones": [_phone(p) for p in c.phones]}
        for c in _by_id(service.contacts)
    ]
    record["phones"] = [{**_phone(p), "service_id": service.id} for p in _by_id(service.phones)]
    record["schedules"] = [{**F.put(s, F.SCHEDULE), "service_id": service.id} for s in _by_id(service.schedules)]
    record["service_areas"] = [
        {**F.put(a, F.SERVICE_AREA), "service_id": service.id} for a in _by_id(service.service_areas)
    ]
    record["languages"] = [{**F.put(lang, F.LANGUAGE), "service_id": service.id} for lang in _by_id(service.languages)]
    record["cost_options"] = [
        {**F.put(c, F.COST_OPTION), "service_id": service.id} for c in _by_id(service.cost_options)
    ]
    record["service_at_locations"] = [service_at_location_record(sal) for sal in _by_id(service.service_at_locations)]
    record["attributes"] = [_attribute(a) for a in _by_id(service.attributes)]
    return record


def _by_id(rows: list) -> list:
    return sorted(rows, key=lambda row: row.id)


def _phone(phone) -> dict:
    return F.put(phone, F.PHONE)


def service_at_location_record(sal: ServiceAtLocation) -> dict:
    """A service at a location, with its schedules and the location and its addresses."""
    location = {
        **F.put(sal.location, F.LOCATION),
        "addresses": [F.put(a, F.ADDRESS) for a in _by_id(sal.location.addresses)],
    }
    if sal.location.schedules:
        location["schedules"] = [
            {**F.put(s, F.SCHEDULE), "location_id": sal.location_id} for s in _by_id(sal.location.schedules)
        ]
    return {
        **F.put(sal, F.SERVICE_AT_LOCATION),
        "service_id": sal.service_id,
        "location_id": sal.location_id,
        "schedules": [F.put(s, F.SCHEDULE) for s in _by_id(sal.schedules)],
        "location": location,
    }


def _attribute(attribute: Attribute) -> dict:
    term = F.put(attribute.taxonomy_term, F.TAXONOMY_TERM)
    if attribute.taxonomy_term.taxonomy_detail is not None:
        term["taxonomy_detail"] = F.put(attribute.taxonomy_term.taxonomy_detail, F.TAXONOMY)
    return {
        **F.put(attribute, F.ATTRIBUTE),
        "link_id": attribute.link_id,
        "link_entity": attribute.link_entity,
        "taxonomy_term": term,
    }


def export_records(session: Session) -> list[dict]:
    """Every stored service, fully nested, in a stable order."""
    services = session.scalars(select(Service).options(*full_options()).order_by(Service.id))
    return [full_record(service) for service in services]


def export_file(session: Session, path: str | Path) -> int:
    """Write every service to a JSON file; returns how many."""
    records = export_records(session)
    text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    Path(path).write_text(text, encoding="utf-8")
    return len(records)
