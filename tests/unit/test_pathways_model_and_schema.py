"""The directory's tables hold what the importer lets in, and the schema copy we ship is complete."""

import json
import re
from pathlib import Path

from sqlalchemy import String

from app.pathways import fields, schema
from app.pathways.limits import limit_for
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
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

SCHEMA_DIR = Path(schema.__file__).resolve().parent

MODELS = {
    Organization: fields.ORGANIZATION,
    Service: fields.SERVICE,
    Location: fields.LOCATION,
    Address: fields.ADDRESS,
    ServiceAtLocation: fields.SERVICE_AT_LOCATION,
    Contact: fields.CONTACT,
    Phone: fields.PHONE,
    Schedule: fields.SCHEDULE,
    ServiceArea: fields.SERVICE_AREA,
    Language: fields.LANGUAGE,
    CostOption: fields.COST_OPTION,
    Taxonomy: fields.TAXONOMY,
    TaxonomyTerm: fields.TAXONOMY_TERM,
    Attribute: fields.ATTRIBUTE,
}


def test_every_text_column_is_long_enough_for_what_the_importer_allows():
    short = []
    for model, names in MODELS.items():
        for name in names:
            column = model.__table__.columns[name]
            if (
                isinstance(column.type, String)
                and column.type.length is not None
                and column.type.length < limit_for(name)
            ):
                short.append(f"{model.__tablename__}.{name}: {column.type.length} < {limit_for(name)}")
    assert not short


def test_every_schema_file_a_ref_points_at_is_shipped():
    for path in (SCHEMA_DIR / "hsds-3.0").glob("*.json"):
        for ref in re.findall(r'"\$ref":\s*"([^"#]+)"', path.read_text(encoding="utf-8")):
            if not ref.startswith("http"):
                assert (SCHEMA_DIR / "hsds-3.0" / ref).exists(), f"{path.name} refers to {ref}"


def test_the_schema_copy_says_where_it_comes_from_and_its_licence():
    sources = (SCHEMA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "openreferral/specification" in sources and "279fd2eb3552c349bf698c07c00cc25f5fc8249b" in sources
    assert "CC BY-SA 4.0" in sources


def test_the_service_validator_finds_problems_deep_inside_a_record():
    record = {
        "id": "0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
        "name": "x",
        "status": "active",
        "attributes": [{"id": "nope", "taxonomy_term": {"id": "also-nope", "name": "n", "description": "d"}}],
    }
    paths = {tuple(error.absolute_path) for error in schema.validator().iter_errors(record)}
    assert ("attributes", 0, "id") in paths and ("attributes", 0, "taxonomy_term", "id") in paths


def test_a_repeated_object_is_checked_again_when_it_is_different():
    term = {"id": "0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d", "name": "n", "description": "d"}
    good = {
        "id": "1b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
        "name": "x",
        "status": "active",
        "attributes": [{"id": "2b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d", "taxonomy_term": term}],
    }
    assert list(schema.validator().iter_errors(good)) == []
    bad = json.loads(json.dumps(good))
    bad["attributes"][0]["taxonomy_term"]["name"] = 5
    assert [tuple(e.absolute_path) for e in schema.validator().iter_errors(bad)] == [
        ("attributes", 0, "taxonomy_term", "name")
    ]
