"""The API's root (which standard it follows, and where its OpenAPI description is) and that description."""

import copy
import json
import re
from functools import cache

from flask import Flask

from app.pathways import extension
from app.pathways.api_params import MAX_PER_PAGE, MAX_PROXIMITY
from app.pathways.api_stream import MIMETYPE as NDJSON
from app.pathways.schema import BASE, HERE

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
TITLE = "My Way to Work: the directory of local services"
DESCRIPTION = "Services that help people into paid work, as Open Referral UK (HSDS 3.0) records. Read only."
LISTING = {"page", "per_page", "format", "search"}
SERVICE_FILTERS = {"taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"}
# The query parameters each list reads (all that the standard offers); the description leaves out any it ignores.
PARAMETERS = {
    "/services": LISTING | SERVICE_FILTERS | {"full", "minimal"},
    "/taxonomies": LISTING,
    "/taxonomy_terms": LISTING | {"taxonomy_id", "top_only", "parent_id"},
    "/organizations": LISTING | {"full", "full_service"},
    "/organizations/{id}": {"full_service"},
    "/service_at_locations": LISTING | SERVICE_FILTERS | {"full", "postcode", "proximity"},
}
# What this API does with a parameter, where the standard's words leave it open.
MEANINGS = {
    "page": "Page number of paginated result, from 1. A page past the last is empty.",
    "per_page": f"Number of results in a page: 1 to {MAX_PER_PAGE}, 50 if not given.",
    "format": f"json (the default: pages) or ndjson: every result, one JSON object a line ({NDJSON}), no pages.",
    "search": "Words to find, at most 100 characters. Each word must start a word of the record (services, "
    "services at locations) or be in its name or description (the other lists).",
    "minimal": "true: each service is just its id and last_modified. Cannot be used with full.",
    "top_only": "true: only the terms at the top of their taxonomy, which have no parent term.",
    "postcode": "A UK postcode (SB2 1AA) or its outward code (SB2) that an address in this directory has: only "
    "services at locations with that postcode, or in that district. Any other postcode is a 400.",
    "proximity": f"With postcode: only services at locations within this many metres (1 to {MAX_PROXIMITY}) of the "
    "centre of the postcode's located addresses. A postcode with no located address is a 400.",
}
EXTENDED = {"/services", "/services/{id}"}
ERROR = {
    "type": "object",
    "required": ["status", "error", "message"],
    "properties": {
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "message": {"type": "string"},
        "parameter": {"type": "string", "description": "The query parameter that is not valid (400 only)."},
    },
}
ANSWERS = {
    "304": {"description": "Not modified: the ETag sent in If-None-Match, or nothing since If-Modified-Since."},
    "400": {
        "description": "A query parameter is not valid.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    },
}
# HSDS 3.0 describes one service at a location as a whole service; the UK profile, and this API, send the
# service at a location itself.
ONE_SERVICE_AT_LOCATION = {"$ref": BASE + "service_at_location.json"}


@cache
def shipped_openapi() -> dict:
    """The HSDS 3.0 OpenAPI description as published."""
    return json.loads((HERE / "openapi.json").read_text(encoding="utf-8"))


def api_paths(app: Flask, prefix: str) -> set[str]:
    """The paths the site answers under the prefix, written as OpenAPI writes them (/services/{id})."""
    return {
        re.sub(r"<[^>]+>", "{id}", rule.rule[len(prefix) :]) or "/"
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(prefix + "/") and "GET" in (rule.methods or ())
    }


def _parameter_name(parameter: dict) -> str:
    return parameter.get("name") or parameter.get("$ref", "").rsplit("/", 1)[-1]


def _described(parameter: dict, components: dict) -> dict:
    name = _parameter_name(parameter)
    if name not in MEANINGS:
        return parameter
    resolved = components[name] if "$ref" in parameter else parameter
    return {**resolved, "description": MEANINGS[name]}


def _with_extension(schema: dict) -> dict:
    """A service schema with our easy-read fields as the extra property HSDS allows."""
    return {"allOf": [schema], "properties": {extension.KEY: {"$ref": "#/components/schemas/x_mywaytowork"}}}


def _as_answered(path: str, item: dict, components: dict) -> dict:
    item = copy.deepcopy(item)
    get = item["get"]
    if path in PARAMETERS:
        kept = [p for p in get.get("parameters", []) if _parameter_name(p) in PARAMETERS[path]]
        get["parameters"] = [_described(p, components) for p in kept]
    ok = get["responses"]["200"]["content"]["application/json"]
    if path == "/service_at_locations/{id}":
        ok["schema"] = ONE_SERVICE_AT_LOCATION
    if path in EXTENDED:
        if "{id}" in path:
            ok["schema"] = _with_extension(ok["schema"])
        else:
            ok["schema"]["properties"]["contents"]["items"] = _with_extension(
                ok["schema"]["properties"]["contents"]["items"]
            )
    if "format" in PARAMETERS.get(path, ()):
        get["responses"]["200"]["content"][NDJSON] = {"schema": ok["schema"]["properties"]["contents"]["items"]}
    if path != "/":
        get["responses"].update(copy.deepcopy(ANSWERS) if get.get("parameters") else {"304": ANSWERS["304"]})
    if "{id}" in path:
        get["responses"]["404"] = {
            "description": "Nothing has that id.",
            "content": copy.deepcopy(ANSWERS["400"]["content"]),
        }
    return item


def openapi_document(app: Flask, prefix: str, server_url: str) -> dict:
    """The shipped HSDS OpenAPI description, with our details, and only the paths and parameters the site answers."""
    document = shipped_openapi()
    answered = api_paths(app, prefix)
    components = document["components"]
    schemas = {**components["schemas"], "Error": ERROR, extension.KEY: _extension_schema()}
    return {
        **document,
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": server_url}],
        "paths": {
            path: _as_answered(path, item, components["parameters"])
            for path, item in document["paths"].items()
            if path in answered
        },
        "components": {**components, "schemas": schemas},
    }


def _extension_schema() -> dict:
    return {key: value for key, value in extension.SCHEMA.items() if key != "$schema"}
