"""Import HSDS 3.0 service records: check everything first, then write it all in one transaction, or nothing."""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.pathways.health_store import audit_after_import
from app.pathways.importing.checks import check_record
from app.pathways.importing.consistency import check_file
from app.pathways.importing.problems import ImportFailed, Problem
from app.pathways.importing.reading import read_records
from app.pathways.importing.writer import Counts, chunks, write_records
from app.pathways.models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)

__all__ = ["ImportFailed", "Problem", "import_file", "import_records", "symbol_concepts"]

# After an import this big, the database's planner gets fresh figures straight away, not minutes later.
FRESH_STATISTICS_FROM = 500  # services


@cache
def symbol_concepts(index_path: str) -> frozenset[str]:
    """Every concept and alias in the symbol index."""
    concepts = json.loads(Path(index_path).read_text(encoding="utf-8"))["concepts"]
    return frozenset(concepts) | {alias for entry in concepts.values() for alias in entry.get("aliases", [])}


class StoredDirectory:
    """What the database already holds, for the checks across records."""

    KINDS = {"organization": Organization, "location": Location, "taxonomy_term": TaxonomyTerm}

    def __init__(self, session: Session):
        self.session = session

    def existing(self, kind: str, ids: set[str]) -> set[str]:
        model = self.KINDS[kind]
        return {
            found for part in chunks(ids) for found in self.session.scalars(select(model.id).where(model.id.in_(part)))
        }

    def used_elsewhere(self, kind: str, ids: set[str], services: set[str], locations: set[str]) -> dict[str, str]:
        if kind == "addresses":
            query, owners = select(Address.id, Address.location_id), locations
        elif kind == "phones":
            owner = func.coalesce(Phone.service_id, Contact.service_id)
            query, owners = select(Phone.id, owner).outerjoin(Contact, Phone.contact_id == Contact.id), services
        elif kind in ("schedules", "location_schedules"):
            owner = func.coalesce(Schedule.service_id, ServiceAtLocation.service_id, Schedule.location_id)
            query = select(Schedule.id, owner).outerjoin(
                ServiceAtLocation, Schedule.service_at_location_id == ServiceAtLocation.id
            )
            owners = locations if kind == "location_schedules" else services
        elif kind == "attributes":
            query, owners = select(Attribute.id, Attribute.link_id), services
        else:
            model = {
                "contacts": Contact,
                "service_areas": ServiceArea,
                "languages": Language,
                "cost_options": CostOption,
                "service_at_locations": ServiceAtLocation,
            }[kind]
            query, owners = select(model.id, model.service_id), services
        model_id = query.selected_columns[0]
        found = {}
        for part in chunks(ids):
            found.update(
                {
                    row_id: owner
                    for row_id, owner in self.session.execute(query.where(model_id.in_(part)))
                    if owner not in owners
                }
            )
        return found


def refresh_statistics(session: Session) -> None:
    if session.bind.dialect.name == "postgresql":
        session.execute(text("ANALYZE service, service_word, attribute, taxonomy_term"))
    else:
        session.execute(text("ANALYZE"))
    session.commit()


def check_records(session: Session, records: list, symbols: frozenset[str]) -> list[Problem]:
    """Every problem in the records, each record on its own and then between them."""
    problems, valid = [], []
    for position, record in enumerate(records, 1):
        found = check_record(record, position, symbols)
        problems += found
        if not found:
            valid.append((position, record))
    problems += check_file(valid, StoredDirectory(session))
    return problems


def import_records(
    session: Session, records: list, symbols: frozenset[str], also: Callable[[Session], None] | None = None
) -> Counts:
    """Check, then write and commit; on any problem write nothing and raise ImportFailed. The counts carry
    the content audit of the services written, as warnings: they never stop valid data (a pull's too).

    `also` does more in the same transaction after the records are written (a pull marks what is gone)."""
    try:
        problems = check_records(session, records, symbols)
        if problems:
            raise ImportFailed(problems)
        counts = write_records(session, records)
        if also is not None:
            also(session)
        session.commit()
        if len(records) >= FRESH_STATISTICS_FROM:
            refresh_statistics(session)
    except SQLAlchemyError as error:
        session.rollback()
        raise ImportFailed(
            [Problem("file", "", f"The database refused the data ({type(error).__name__}); nothing was imported.")]
        ) from error
    except BaseException:
        session.rollback()
        raise
    counts.findings = audit_after_import(session, [record["id"] for record in records])
    return counts


def import_file(session: Session, path: str | Path, symbols: frozenset[str]) -> Counts:
    """Import one file of HSDS service records."""
    return import_records(session, read_records(path), symbols)
