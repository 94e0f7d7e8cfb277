"""Writing checked records: organisations, locations and terms are upserted; each service is replaced whole.

Rows go in as bulk inserts (one statement a table), so a council's whole offer imports in seconds.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app import clock
from app.pathways import fields as F
from app.pathways.extension import KEY
from app.pathways.extension import columns as extension_columns
from app.pathways.importing.checks import parse_modified
from app.pathways.importing.consistency import children
from app.pathways.models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    LocalArea,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceWord,
    Taxonomy,
    TaxonomyTerm,
)
from app.pathways.taxonomies import (
    LADDER,
    TERM_IDS,
    VOCABULARIES,
    english,
    filter_token,
    taxonomy_record,
    term_record,
    welsh,
)
from app.pathways.text import fold, index_words

CHUNK = 500  # ids per IN (...) list
# Children of a service, in the order their foreign keys need.
CHILD_TABLES = (Contact, Phone, ServiceAtLocation, Schedule, ServiceArea, Language, CostOption, Attribute, ServiceWord)


@dataclass
class Counts:
    services_new: int = 0
    services_updated: int = 0
    organizations: set = field(default_factory=set)
    locations: set = field(default_factory=set)
    findings: list = field(default_factory=list)  # the content audit of what was written: warnings only

    def __str__(self) -> str:
        total = self.services_new + self.services_updated
        return (
            f"Imported {total} services ({self.services_new} new, {self.services_updated} updated), "
            f"{len(self.organizations)} organizations and {len(self.locations)} locations."
        )


def chunks(ids) -> list[list]:
    ids = list(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def upsert_rows(session: Session, model, rows: dict[str, dict]) -> None:
    """Insert the new rows and update the stored ones that changed."""
    stored = {row.id: row for part in chunks(rows) for row in session.scalars(select(model).where(model.id.in_(part)))}
    new = [values for row_id, values in rows.items() if row_id not in stored]
    for row_id, row in stored.items():
        for name, value in rows[row_id].items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    session.flush()
    if new:
        session.execute(insert(model), new)


def ensure_vocabularies(session: Session) -> None:
    """Our taxonomies and their terms, as they are in app/vocab.py now."""
    upsert_rows(session, Taxonomy, {v.id: taxonomy_record(v) for v in VOCABULARIES.values()})
    terms = {}
    for vocabulary in VOCABULARIES.values():
        terms |= {vocabulary.term_id(code): term_record(vocabulary, code) for code in vocabulary.terms}
    upsert_rows(session, TaxonomyTerm, terms)


def write_records(session: Session, records: list[dict], now: datetime | None = None) -> Counts:
    """Write records that passed every check, inside the caller's transaction."""
    now = now or clock.now().replace(microsecond=0)
    counts = Counts()
    ensure_vocabularies(session)
    _shared(session, records, counts)
    ids = [record["id"] for record in records]
    existing, reviews = set(), {}
    for part in chunks(ids):
        existing |= set(session.scalars(select(Service.id).where(Service.id.in_(part))))
        reviews |= _easy_read_reviews(session, part)
        session.execute(delete(Service).where(Service.id.in_(part)), execution_options={"synchronize_session": False})
    session.expire_all()
    term_names = _term_names(session, records)
    tables: dict = {model: [] for model in (Service, *CHILD_TABLES)}
    for record in records:
        _service_rows(record, now, term_names, tables)
    for model, rows in tables.items():
        for start in range(0, len(rows), CHUNK):
            session.execute(insert(model), rows[start : start + CHUNK])
    for service_id, values in reviews.items():  # staff's drafts and who checked and published stay as they were
        session.execute(update(Service).where(Service.id == service_id).values(**values))
    counts.services_updated = len(existing)
    counts.services_new = len(ids) - len(existing)
    return counts


# The easy-read review that staff keep on a service (app/staff/directory): not in any feed or file, so an
# import or pull that replaces the service's row carries it across.
EASY_READ_REVIEW = (
    "easyread_state",
    "draft_summary_en",
    "draft_summary_cy",
    "draft_who_for_en",
    "draft_who_for_cy",
    "draft_symbol",
    "written_by",
    "written_at",
    "checked_by",
    "checked_at",
    "published_by",
    "published_at",
)


def _easy_read_reviews(session: Session, ids: list[str]) -> dict[str, dict]:
    """The review of each of these services that staff have touched (a new row starts published, untouched)."""
    columns = [getattr(Service, name) for name in EASY_READ_REVIEW]
    rows = session.execute(
        select(Service.id, *columns).where(
            Service.id.in_(ids), (Service.easyread_state != "published") | Service.written_at.is_not(None)
        )
    )
    return {row[0]: dict(zip(EASY_READ_REVIEW, row[1:], strict=True)) for row in rows}


def _shared(session: Session, records: list[dict], counts: Counts) -> None:
    """Organisations, areas, locations and other taxonomies' terms: each once, last copy wins."""
    organizations, areas, locations, taxonomies, terms = {}, {}, {}, {}, {}
    for record in records:
        if record.get("organization"):
            organizations[record["organization"]["id"]] = F.pick(record["organization"], F.ORGANIZATION)
        counts.organizations.add(record.get("organization_id") or record["organization"]["id"])
        area = (record.get(KEY) or {}).get("area")
        if area:
            areas[area["id"]] = {"id": area["id"], "name_en": area["name"]["en"], "name_cy": area["name"].get("cy")}
        for _, sal in children(record, "service_at_locations"):
            if sal.get("location"):
                locations[sal["location"]["id"]] = sal["location"]
            counts.locations.add(sal.get("location_id") or sal["location"]["id"])
        for _, attribute in children(record, "attributes"):
            term = attribute.get("taxonomy_term")
            if term and term["id"] not in TERM_IDS:
                terms[term["id"]] = F.pick(term, F.TAXONOMY_TERM)
                if term.get("taxonomy_detail"):
                    taxonomies[term["taxonomy_detail"]["id"]] = F.pick(term["taxonomy_detail"], F.TAXONOMY)
                    terms[term["id"]]["taxonomy_id"] = term["taxonomy_detail"]["id"]
    for model, rows in (
        (Organization, organizations),
        (LocalArea, areas),
        (Taxonomy, taxonomies),
        (TaxonomyTerm, terms),
        (Location, {i: F.pick(location, F.LOCATION) for i, location in locations.items()}),
    ):
        upsert_rows(session, model, rows)
    for part in chunks(locations):
        session.execute(
            delete(Address).where(Address.location_id.in_(part)), execution_options={"synchronize_session": False}
        )
    addresses = [
        {**F.pick(a, F.ADDRESS), "location_id": i}
        for i, location in locations.items()
        for a in location.get("addresses") or []
    ]
    if addresses:
        session.execute(insert(Address), addresses)
    for part in chunks(locations):
        session.execute(
            delete(Schedule).where(Schedule.location_id.in_(part)), execution_options={"synchronize_session": False}
        )
    schedules = [
        {**F.pick(s, F.SCHEDULE), "location_id": i, "service_id": None, "service_at_location_id": None}
        for i, location in locations.items()
        for s in location.get("schedules") or []
    ]
    if schedules:
        session.execute(insert(Schedule), schedules)


def _term_names(session: Session, records: list[dict]) -> dict[str, tuple[str | None, str, str]]:
    """term id -> (its ladder step or None, words to search it by, its filter token or "") for each linked term."""
    wanted = {
        a.get("taxonomy_term_id") or a["taxonomy_term"]["id"] for r in records for _, a in children(r, "attributes")
    }
    names = {}
    for term_id, (vocabulary, code) in TERM_IDS.items():
        if term_id in wanted:
            term = vocabulary.terms[code]
            step = code if vocabulary is LADDER else None
            names[term_id] = (step, f"{english(term.name)} {welsh(term.name)}", filter_token(vocabulary, code))
    for part in chunks(wanted - set(names)):
        for term_id, name in session.execute(
            select(TaxonomyTerm.id, TaxonomyTerm.name).where(TaxonomyTerm.id.in_(part))
        ):
            names[term_id] = (None, name, "")
    return names


def _service_rows(record: dict, now: datetime, term_names: dict, tables: dict) -> None:
    """The rows of one service and everything that belongs to it, added to tables."""
    service_id = record["id"]
    extension = extension_columns(record.get(KEY))
    organization = record.get("organization") or {}
    step, words, tokens = None, [], []
    for attribute in record.get("attributes") or []:
        term_id = attribute.get("taxonomy_term_id") or attribute["taxonomy_term"]["id"]
        tables[Attribute].append(
            {
                **F.pick(attribute, F.ATTRIBUTE),
                "taxonomy_term_id": term_id,
                "link_id": service_id,
                "link_entity": "service",
            }
        )
        term_step, term_words, token = term_names[term_id]
        step = term_step or step
        words.append(term_words)
        tokens += [token] if token else []
    area = (record.get(KEY) or {}).get("area") or {"name": {}}
    tables[Service].append(
        {
            **F.pick(record, F.SERVICE),
            **extension,
            "organization_id": record.get("organization_id") or organization["id"],
            "last_modified": parse_modified(record["last_modified"]) if record.get("last_modified") else now,
            "ladder_step": step,
            "sort_name": fold(record["name"])[:255],
            "filter_terms": " " + " ".join(sorted(tokens)) + " ",
        }
    )
    found_by = index_words(
        record["name"],
        extension["name_cy"],
        record.get("alternate_name"),
        organization.get("name"),
        extension["summary_en"],
        extension["summary_cy"],
        extension["who_for_en"],
        extension["who_for_cy"],
        area["name"].get("en"),
        area["name"].get("cy"),
        *words,
    )
    tables[ServiceWord] += [{"word": word, "service_id": service_id} for word in sorted(found_by)]
    for contact in record.get("contacts") or []:
        tables[Contact].append({**F.pick(contact, F.CONTACT), "service_id": service_id})
        tables[Phone] += [
            {**F.pick(p, F.PHONE), "contact_id": contact["id"], "service_id": None} for p in contact.get("phones") or []
        ]
    tables[Phone] += [
        {**F.pick(p, F.PHONE), "service_id": service_id, "contact_id": None} for p in record.get("phones") or []
    ]
    tables[Schedule] += [
        {**F.pick(s, F.SCHEDULE), "service_id": service_id, "service_at_location_id": None}
        for s in record.get("schedules") or []
    ]
    for sal in record.get("service_at_locations") or []:
        location_id = sal.get("location_id") or sal["location"]["id"]
        tables[ServiceAtLocation].append(
            {**F.pick(sal, F.SERVICE_AT_LOCATION), "service_id": service_id, "location_id": location_id}
        )
        tables[Schedule] += [
            {**F.pick(s, F.SCHEDULE), "service_id": None, "service_at_location_id": sal["id"]}
            for s in sal.get("schedules") or []
        ]
    for model, name, fields in (
        (ServiceArea, "service_areas", F.SERVICE_AREA),
        (Language, "languages", F.LANGUAGE),
        (CostOption, "cost_options", F.COST_OPTION),
    ):
        tables[model] += [{**F.pick(item, fields), "service_id": service_id} for item in record.get(name) or []]
