"""The API's root (which standard it follows, and where its OpenAPI description is) and that description."""

import json
import re
from functools import cache

from flask import Flask

from app.pathways.schema import HERE

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
TITLE = "My Way to Work: the directory of local services"
DESCRIPTION = "Services that help people into paid work, as Open Referral UK (HSDS 3.0) records. Read only."


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


def openapi_document(app: Flask, prefix: str, server_url: str) -> dict:
    """The shipped HSDS OpenAPI description, with our details, and only the paths the site answers."""
    document = shipped_openapi()
    answered = api_paths(app, prefix)
    return {
        **document,
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": server_url}],
        "paths": {path: item for path, item in document["paths"].items() if path in answered},
    }
