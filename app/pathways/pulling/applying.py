"""Applying a pulled feed: our easy-read layer laid over each record, then the importer's checks and writing,
with the services gone from the feed marked inactive in the same transaction."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app import clock
from app.pathways import fields as F
from app.pathways.exporting import full_options, full_record
from app.pathways.extension import KEY
from app.pathways.extension import record as extension_record
from app.pathways.importing import ImportFailed, Problem, check_records, import_records
from app.pathways.importing.checks import parse_modified
from app.pathways.importing.writer import chunks
from app.pathways.models import Service
from app.pathways.taxonomies import TERM_IDS

GONE = "inactive"  # HSDS status for a service that is no longer offered; hidden from the directory


@dataclass
class Summary:
    source: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("new", "changed", "unchanged", "gone")}

    def __str__(self) -> str:
        return (
            f"Pulled {len(self.new) + len(self.changed) + len(self.unchanged)} services from {self.source}: "
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.gone)} gone (marked inactive)."
        )


def apply_feed(session: Session, source: str, records: list, symbols: frozenset[str]) -> Summary:
    """Write the feed's services whole or not at all; ImportFailed lists every problem."""
    ids = [r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)]
    stored = _stored(session, ids)
    problems = [
        Problem(service.id, "", f"is already in the directory from another feed ({service.source}).")
        for service in stored.values()
        if service.source not in (None, source)
    ]
    summary = Summary(source)
    for record in records:
        record_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(record_id, str) and record_id in stored:
            keep_easy_read(record, stored[record_id])
            _count(record, stored[record_id], source, summary)
        elif isinstance(record, dict):
            summary.new.append(record_id)
    owned = session.execute(select(Service.id, Service.status).where(Service.source == source)).all()
    present = set(ids)
    summary.gone = sorted(i for i, status in owned if i not in present and status != GONE)
    if not records and summary.gone:  # more likely a feed gone wrong than a council with nothing to offer
        problems.append(
            Problem(
                "file", "", f"The feed lists no services; the {len(summary.gone)} it brought before stay as they are."
            )
        )
    session.expunge_all()  # the importer replaces these rows; nothing here may be written back
    if problems:
        raise ImportFailed(problems + check_records(session, records, symbols))

    def mark(session: Session) -> None:
        for part in chunks(ids):
            session.execute(update(Service).where(Service.id.in_(part)).values(source=source))
        for part in chunks(summary.gone):
            session.execute(update(Service).where(Service.id.in_(part)).values(status=GONE))

    import_records(session, records, symbols, also=mark)
    return summary


def _stored(session: Session, ids: list[str]) -> dict[str, Service]:
    found = {}
    for part in chunks(ids):
        query = select(Service).where(Service.id.in_(part)).options(selectinload(Service.attributes))
        found |= {service.id: service for service in session.scalars(query)}
    return found


def keep_easy_read(record: dict, service: Service) -> None:
    """Our easy-read fields and our own terms (ladder step, kinds of support and work, support needs) stay as
    we have them, whatever the feed says; a feed's own are used only where we have none."""
    ours = extension_record(service)
    if ours:
        record[KEY] = ours
    kept = [
        {"id": a.id, "taxonomy_term_id": a.taxonomy_term_id}
        for a in service.attributes
        if a.taxonomy_term_id in TERM_IDS
    ]
    if kept:
        theirs = record.get("attributes") if isinstance(record.get("attributes"), list) else []
        record["attributes"] = [*(a for a in theirs if not _our_term(a)), *kept]


def _our_term(attribute) -> bool:
    if not isinstance(attribute, dict):
        return False
    term = attribute.get("taxonomy_term")
    term_id = attribute.get("taxonomy_term_id") or (term.get("id") if isinstance(term, dict) else None)
    return term_id in TERM_IDS


def _count(record: dict, service: Service, source: str, summary: Summary) -> None:
    """Changed: its last_modified moved, or one of its own fields differs (a feed may forget to move it)."""
    same = service.source == source and F.pick(record, F.SERVICE) == {n: getattr(service, n) for n in F.SERVICE}
    try:
        modified = parse_modified(record["last_modified"])
    except (KeyError, TypeError, ValueError):
        same = False
    else:
        same = same and clock.aware(service.last_modified) == modified
    (summary.unchanged if same else summary.changed).append(service.id)


class Held:
    """The full records of services this feed brought before, for list items whose last_modified has not moved."""

    def __init__(self, session: Session, source: str):
        self.session, self.source = session, source

    def __call__(self, items: list) -> dict[str, dict]:
        if not items:
            return {}
        # Not those marked gone: one that comes back is read again, with the feed's status.
        query = select(Service.id, Service.last_modified).where(Service.source == self.source, Service.status != GONE)
        modified = {i: clock.aware(moment) for i, moment in self.session.execute(query)}
        same = [item["id"] for item in items if _moment(item) is not None and modified.get(item["id"]) == _moment(item)]
        found = {}
        for part in chunks(same):
            services = self.session.scalars(select(Service).where(Service.id.in_(part)).options(*full_options()))
            found |= {service.id: full_record(service) for service in services}
        self.session.expunge_all()
        return found


def _moment(item) -> datetime | None:
    """A list item's last_modified, when it has a usable id and one."""
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("id"), str)
        or not isinstance(item.get("last_modified"), str)
    ):
        return None
    try:
        return parse_modified(item["last_modified"])
    except ValueError:
        return None
