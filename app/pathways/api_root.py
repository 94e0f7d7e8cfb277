"""The API's root (which standard it follows, and where its OpenAPI description is) and that description."""

import copy
import json
import re
from functools import cache

from flask import Flask

from app.pathways.schema import BASE, HERE

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
TITLE = "My Way to Work: the directory of local services"
DESCRIPTION = "Services that help people into paid work, as Open Referral UK (HSDS 3.0) records. Read only."
PAGING = {"page", "per_page"}
# The query parameters each list reads; the description leaves out the ones the standard offers that it ignores.
PARAMETERS = {
    "/services": PAGING | {"search", "full", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"},
    "/taxonomies": PAGING,
    "/taxonomy_terms": PAGING | {"taxonomy_id"},
    "/organizations": PAGING,
    "/service_at_locations": PAGING,
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


def _as_answered(path: str, item: dict) -> dict:
    item = copy.deepcopy(item)
    if path in PARAMETERS:
        kept = [p for p in item["get"].get("parameters", []) if _parameter_name(p) in PARAMETERS[path]]
        item["get"]["parameters"] = kept
    if path == "/service_at_locations/{id}":
        item["get"]["responses"]["200"]["content"]["application/json"]["schema"] = ONE_SERVICE_AT_LOCATION
    return item


def openapi_document(app: Flask, prefix: str, server_url: str) -> dict:
    """The shipped HSDS OpenAPI description, with our details, and only the paths and parameters the site answers."""
    document = shipped_openapi()
    answered = api_paths(app, prefix)
    return {
        **document,
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": server_url}],
        "paths": {path: _as_answered(path, item) for path, item in document["paths"].items() if path in answered},
    }
