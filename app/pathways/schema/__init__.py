"""The HSDS 3.0 JSON schemas, loaded once per process: the importer validates every record with them.

Validation is most of an import's time, so the service schema is inlined once (no $ref lookups on the
way down), and objects that repeat across a file (one organisation runs many services; one term tags
many) are validated once for each distinct copy.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker, validators
from referencing import Registry
from referencing.jsonschema import DRAFT202012

HERE = Path(__file__).resolve().parent / "hsds-3.0"
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
REPEATED = {BASE + name for name in ("organization.json", "location.json", "taxonomy_term.json", "taxonomy.json")}
MAX_REMEMBERED = 5000
_valid: set[tuple[str, str]] = set()
_plain_ref = Draft202012Validator.VALIDATORS["$ref"]


def _ref_once(validator, ref, instance, schema):
    if ref not in REPEATED or not isinstance(instance, dict):
        yield from _plain_ref(validator, ref, instance, schema)
        return
    key = (ref, json.dumps(instance, sort_keys=True, default=str))
    if key in _valid:
        return
    errors = list(_plain_ref(validator, ref, instance, schema))
    if not errors:
        if len(_valid) >= MAX_REMEMBERED:
            _valid.clear()
        _valid.add(key)
    yield from errors


RememberingValidator = validators.extend(Draft202012Validator, {"$ref": _ref_once})


@cache
def _files() -> dict[str, dict]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in HERE.glob("*.json")
        if path.name != "openapi.json"
    }


@cache
def registry() -> Registry:
    """Every schema file under its canonical address, so the relative $refs resolve without a network."""
    return Registry().with_resources(
        (BASE + name, DRAFT202012.create_resource(contents)) for name, contents in _files().items()
    )


def _inline(node):
    """The schema with each $ref replaced by the file it names; repeated objects keep an absolute $ref."""
    if isinstance(node, list):
        return [_inline(item) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {key: _inline(value) for key, value in node.items() if key != "$ref"}
    if "$ref" not in node:
        return rest
    if BASE + node["$ref"] in REPEATED:
        return {**rest, "$ref": BASE + node["$ref"]}
    return {**_inline(_files()[node["$ref"]]), **rest}


@cache
def validator(name: str = "service.json") -> Draft202012Validator:
    """A validator for one HSDS object type; ids must be UUIDs and emails look like emails."""
    return RememberingValidator(_inline(_files()[name]), registry=registry(), format_checker=FormatChecker())


@cache
def list_item_validator() -> Draft202012Validator:
    """A validator for one item of GET /services (one-to-one fields only)."""
    schema = json.loads((HERE / "compiled" / "service_list.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def page_schema() -> dict:
    """The Page fields of a paginated response, from the HSDS OpenAPI description."""
    openapi = json.loads((HERE / "openapi.json").read_text(encoding="utf-8"))
    return openapi["components"]["schemas"]["Page"]
