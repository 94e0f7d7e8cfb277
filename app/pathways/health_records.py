"""The directory's health from what is stored: the fields the audit reads, a few hundred services at a time.

Reads only the columns the rules need (4 queries a batch), so memory stays that of one batch. The findings
are stored by app/pathways/health_store.py; `audit_directory` works them out afresh, to compare.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.pathways.extension import KEY
from app.pathways.health import Finding, audit
from app.pathways.models import Attribute, Contact, Organization, Phone, Service

BATCH = 500  # services read at a time


def audit_directory(session: Session, today: date | None = None, ids: Iterable[str] | None = None) -> list[Finding]:
    """The findings for these services (every service when ids is None), in name order."""
    return list(audit(stored_records(session, ids), today or clock.today()))


def stored_records(session: Session, ids: Iterable[str] | None = None) -> Iterator[dict]:
    """Slim HSDS records of stored services, with just the fields the audit reads."""
    order = (Service.sort_name, Service.id)
    if ids is None:
        wanted = list(session.scalars(select(Service.id).order_by(*order)))
    else:
        wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), BATCH):
        yield from _batch(session, wanted[start : start + BATCH], ordered=ids is None)


def _batch(session: Session, ids: list[str], ordered: bool) -> list[dict]:
    rows = session.execute(
        select(
            Service.id,
            Service.name,
            Service.description,
            Service.email,
            Service.url,
            Service.assured_date,
            Service.summary_en,
            Organization.email,
            Organization.website,
        )
        .join(Organization, Service.organization_id == Organization.id)
        .where(Service.id.in_(ids))
        .order_by(Service.sort_name, Service.id)
    )
    records = {}
    for service_id, name, description, email, url, assured, summary, org_email, website in rows:
        records[service_id] = {
            "id": service_id,
            "name": name,
            "description": description,
            "email": email,
            "url": url,
            "assured_date": assured,
            "organization": {"email": org_email, "website": website},
            "contacts": [],
            "phones": [],
            "attributes": [],
            KEY: {"summary": {"en": summary}},
        }
    contacts = {}
    for contact_id, service_id, email in session.execute(
        select(Contact.id, Contact.service_id, Contact.email).where(Contact.service_id.in_(ids)).order_by(Contact.id)
    ):
        contacts[contact_id] = {"email": email, "phones": []}
        records[service_id]["contacts"].append(contacts[contact_id])
    for contact_id, number in session.execute(
        select(Phone.contact_id, Phone.number).where(Phone.contact_id.in_(list(contacts) or [""])).order_by(Phone.id)
    ):
        contacts[contact_id]["phones"].append({"number": number})
    for service_id, number in session.execute(
        select(Phone.service_id, Phone.number).where(Phone.service_id.in_(ids)).order_by(Phone.id)
    ):
        records[service_id]["phones"].append({"number": number})
    terms = defaultdict(list)
    for service_id, term_id in session.execute(
        select(Attribute.link_id, Attribute.taxonomy_term_id).where(Attribute.link_id.in_(ids))
    ):
        terms[service_id].append({"taxonomy_term_id": term_id})
    for service_id, record in records.items():
        record["attributes"] = terms[service_id]
    return list(records.values()) if ordered else [records[i] for i in ids if i in records]
