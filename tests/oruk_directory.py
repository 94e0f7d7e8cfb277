"""A generated directory of any size, for checking the API as the national validator does: every step,
kind and need, organisations running many services, located addresses, schedules and contacts."""

import random
import uuid

from app.pathways.taxonomies import VOCABULARIES
from app.vocab import KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS

WORDS = "garden cafe shop office animals bikes bakery laundry hotel hospital library park college team".split()


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _term(vocabulary_key: str, code: str, rng: random.Random) -> dict:
    vocabulary = VOCABULARIES[vocabulary_key]
    term = {"id": vocabulary.term_id(code), "code": code, "name": code, "description": code}
    term["taxonomy_id"] = vocabulary.id
    term["taxonomy_detail"] = {"id": vocabulary.id, "name": vocabulary.key, "description": vocabulary.key}
    return {"id": _id(rng), "taxonomy_term_id": term["id"], "taxonomy_term": term}


def _location(n: int, rng: random.Random) -> dict:
    district = f"SB{n % 9 + 1}"
    return {
        "id": _id(rng),
        "location_type": "physical",
        "name": f"Place {n}",
        "latitude": round(51.45 + rng.random() / 10, 5),
        "longitude": round(-3.25 + rng.random() / 10, 5),
        "addresses": [
            {
                "id": _id(rng),
                "address_1": f"{n} High Street",
                "city": "Sandbridge",
                "state_province": "Sandbridge",
                "postal_code": f"{district} {n % 10}AB",
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }


def generate(count: int, seed: int = 7) -> list[dict]:
    """`count` services that import cleanly, the same for the same seed."""
    rng = random.Random(seed)
    organizations = [
        {"id": _id(rng), "name": f"Provider {n}", "description": "A generated provider."}
        for n in range(max(1, count // 20))
    ]
    locations = [_location(n, rng) for n in range(max(1, count // 10))]
    records = []
    for n in range(count):
        words = rng.sample(WORDS, 3)
        attributes = [_term("ladder-step", rng.choice(list(LADDER_STEPS)), rng)]
        attributes += [_term("kind-of-support", k, rng) for k in rng.sample(list(KINDS_OF_SUPPORT), rng.randint(1, 2))]
        attributes += [_term("kind-of-work", k, rng) for k in rng.sample(list(KINDS_OF_WORK), rng.randint(0, 2))]
        attributes += [_term("support-need", k, rng) for k in rng.sample(list(SUPPORT_NEEDS), rng.randint(1, 2))]
        record = {
            "id": _id(rng),
            "name": f"{words[0].title()} {words[1]} service {n}",
            "status": "active",
            "description": f"A generated service about {' and '.join(words)}.",
            "last_modified": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T09:00:00Z",
            "organization": rng.choice(organizations),
            "attributes": attributes,
            "service_at_locations": [
                {
                    "id": _id(rng),
                    "location": rng.choice(locations),
                    "schedules": [{"id": _id(rng), "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00"}],
                }
            ],
            "contacts": [{"id": _id(rng), "name": "Reception", "phones": [{"id": _id(rng), "number": "01632 960000"}]}],
            "x_mywaytowork": {
                "summary": {"en": f"Work at a {words[0]}.", "cy": f"Gweithio mewn {words[0]}."},
                "symbol": "work",
                "self_referral": rng.random() < 0.7,
            },
        }
        if rng.random() < 0.5:
            record["minimum_age"] = rng.choice([14, 16, 18])
        records.append(record)
    return records
