"""Builders for directory tests: valid HSDS 3.0 service records, changed only where a test says."""

import copy
import json
import uuid
from pathlib import Path

from app.pathways.taxonomies import TERM_IDS, VOCABULARIES

ICAL_FEED = Path(__file__).resolve().parent / "fixtures" / "glanfor_ical_feed.json"  # another council's feed
DEMO_FILE = Path(__file__).resolve().parent.parent / "demo" / "sandbridge.json"
ORGANIZATION_ID = "6f7c6f7c-0000-4000-8000-000000000001"
LOCATION_ID = "6f7c6f7c-0000-4000-8000-000000000002"


def new_id() -> str:
    return str(uuid.uuid4())


def term_attribute(vocabulary_key: str, code: str) -> dict:
    """An attribute linking one of our vocabulary terms, written out in full as an export would."""
    vocabulary = VOCABULARIES[vocabulary_key]
    return {
        "id": new_id(),
        "taxonomy_term_id": vocabulary.term_id(code),
        "taxonomy_term": {
            "id": vocabulary.term_id(code),
            "code": code,
            "name": code,
            "description": code,
            "taxonomy_id": vocabulary.id,
            "taxonomy_detail": {"id": vocabulary.id, "name": vocabulary.key, "description": vocabulary.key},
        },
    }


def make_record(
    name: str = "Test café jobs",
    step: str = "social-enterprise",
    kinds=("social-enterprise-job",),
    work=("cooking",),
    needs=("autism",),
    **overrides,
) -> dict:
    """A full service record that imports cleanly; keyword arguments replace top-level fields."""
    record = {
        "id": new_id(),
        "name": name,
        "description": "A test service. It helps people into work.",
        "status": "active",
        "minimum_age": 16,
        "maximum_age": 25,
        "last_modified": "2026-11-01T09:00:00Z",
        "organization": {"id": ORGANIZATION_ID, "name": "Test Organisation", "description": "Runs test services."},
        "contacts": [
            {"id": new_id(), "email": "test@example.org", "phones": [{"id": new_id(), "number": "01632 960999"}]}
        ],
        "service_at_locations": [
            {
                "id": new_id(),
                "location": {
                    "id": LOCATION_ID,
                    "location_type": "physical",
                    "name": "Test Hall",
                    "addresses": [
                        {
                            "id": "6f7c6f7c-0000-4000-8000-000000000003",
                            "address_1": "1 Test Street",
                            "city": "Sandbridge",
                            "state_province": "Sandbridge",
                            "postal_code": "SB9 9ZZ",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "schedules": [
            {"id": new_id(), "freq": "WEEKLY", "byday": "MO,TU,WE", "opens_at": "09:00", "closes_at": "15:00"}
        ],
        "languages": [{"id": new_id(), "code": "cy", "name": "Welsh"}],
        "cost_options": [{"id": new_id(), "option": "Free", "amount": 0, "currency": "GBP"}],
        "attributes": [term_attribute("ladder-step", step)]
        + [term_attribute("kind-of-support", code) for code in kinds]
        + [term_attribute("kind-of-work", code) for code in work]
        + [term_attribute("support-need", code) for code in needs],
        "x_mywaytowork": {
            "summary": {"en": "You cook food in a café.", "cy": "Rydych chi'n coginio bwyd mewn caffi."},
            "symbol": "cafe",
            "self_referral": True,
            "paid": True,
            "area": {"id": "test-town", "name": {"en": "Test Town", "cy": "Tref Prawf"}},
        },
    }
    record.update(overrides)
    return record


def demo_records() -> list[dict]:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def changed(record: dict, **changes) -> dict:
    """A deep copy with dotted-path changes: changed(r, **{"organization.name": "X"})."""
    out = copy.deepcopy(record)
    for dotted, value in changes.items():
        target, *path, last = [out, *dotted.split(".")]
        for part in path:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return out


def codes_of(record: dict, vocabulary_key: str) -> set[str]:
    """The codes of one of our vocabularies that a record links."""
    return {
        TERM_IDS[a["taxonomy_term_id"]][1]
        for a in record["attributes"]
        if TERM_IDS[a["taxonomy_term_id"]][0].key == vocabulary_key
    }


def expected_names(records, step=(), kind=(), need=(), ages=None, area=(), pay=(), ask=False) -> set[str]:
    """The services a directory search should find, worked out from the records themselves."""
    found = set()
    for record in records:
        extension = record["x_mywaytowork"]
        record_area = (extension.get("area") or {}).get("id")
        if step and not codes_of(record, "ladder-step") & set(step):
            continue
        if (
            kind
            and not codes_of(record, "kind-of-support") & set(kind)
            or need
            and not codes_of(record, "support-need") & set(need)
        ):
            continue
        if ages and (record.get("minimum_age", 0) > ages[1] or record.get("maximum_age", 200) < ages[0]):
            continue
        if area and record_area not in (*area, None):
            continue
        if pay and extension.get("paid") not in [{"paid": True, "unpaid": False}[p] for p in pay]:
            continue
        if ask and not extension.get("self_referral"):
            continue
        found.add(record["name"])
    return found


def ical_feed() -> list[dict]:
    """Another council's feed, with schedules in the iCal forms HSDS 3.0 allows."""
    return json.loads(ICAL_FEED.read_text(encoding="utf-8"))


def schedules_of(record: dict) -> dict[str, dict]:
    """Every schedule in a record by id (at places and locations too), without the owner ids export adds."""
    places = record.get("service_at_locations", [])
    found = [
        *record.get("schedules", []),
        *(s for sal in places for s in sal.get("schedules", [])),
        *(s for sal in places for s in sal.get("location", {}).get("schedules", [])),
    ]
    owners = ("service_id", "service_at_location_id", "location_id")
    return {s["id"]: {k: v for k, v in s.items() if k not in owners} for s in found}
