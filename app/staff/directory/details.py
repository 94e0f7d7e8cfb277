"""A service's own details, which staff change for the council's own services only. A service pulled from
another directory's feed is changed there: here only its easy-read words are ours to write."""

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.pathways.models import Phone, Service
from app.staff.directory.indexing import reindex
from app.staff.directory.saving import finish_change

# The column that says where a pulled service came from. Services without it, or with it empty, are the
# council's own; until the directory has such a column, every service is.
PULLED_FROM = "source"


def is_pulled(service: Service) -> bool:
    """Whether the service comes from another directory's feed, so its details are read-only here."""
    return bool(getattr(service, PULLED_FROM, None))


@dataclass(frozen=True)
class Details:
    name: str
    name_cy: str
    description: str
    description_cy: str
    eligibility_description: str
    email: str
    url: str
    phone: str
    minimum_age: int | None
    maximum_age: int | None


def current(service: Service) -> Details:
    phone = service.phones[0].number if service.phones else ""
    return Details(
        name=service.name,
        name_cy=service.name_cy or "",
        description=service.description or "",
        description_cy=service.description_cy or "",
        eligibility_description=service.eligibility_description or "",
        email=service.email or "",
        url=service.url or "",
        phone=phone,
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
    )


def good_url(value: str) -> bool:
    """A whole web address, as a feed's links must be."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def save(session: Session, service: Service, values: Details, staff_id: int, now: datetime) -> list[str]:
    """Change the service's details; the names of the fields that changed, also in the audit entry."""
    before = current(service)
    changed = [f.name for f in fields(Details) if getattr(before, f.name) != getattr(values, f.name)]
    if not changed:
        return []
    for name in changed:
        if name == "phone":
            continue
        value = getattr(values, name)
        setattr(service, name, value if value != "" else None)
    if "phone" in changed:
        if service.phones and values.phone:
            service.phones[0].number = values.phone
        elif values.phone:
            service.phones.append(Phone(id=str(uuid.uuid4()), service_id=service.id, number=values.phone))
        else:
            service.phones = service.phones[1:]
    service.last_modified = now
    reindex(session, service)
    finish_change(session, service, staff_id, "details " + " ".join(changed))
    return changed
