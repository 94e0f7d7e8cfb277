"""Our easy-read fields on each service, under one extension key that HSDS allows and ignores."""

from functools import cache

from jsonschema import Draft202012Validator

from app.vocab import HOURS

KEY = "x_mywaytowork"
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _texts(required: bool) -> dict:
    """English and Welsh versions of one easy-read text."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["en"] if required else [],
        "properties": {"en": {"type": "string", "minLength": 1}, "cy": {"type": "string", "minLength": 1}},
    }


SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "My Way to Work: easy-read fields of a service",
    "type": "object",
    "additionalProperties": False,
    "required": ["summary", "symbol"],
    "properties": {
        "demo": {"type": "boolean", "description": "Example data for trying out the website: not a real service."},
        "name_cy": {"type": "string", "minLength": 1, "description": "The service's name in Welsh."},
        "summary": _texts(required=True) | {"description": "What the service is, in easy read."},
        "who_for": _texts(required=False) | {"description": "Who the service is for, in easy read."},
        "description_cy": {"type": "string", "minLength": 1, "description": "The full description in Welsh."},
        "symbol": {"type": "string", "pattern": KEBAB, "description": "A concept in easyread_assets/symbols.json."},
        "self_referral": {
            "type": "boolean",
            "description": "True: people can ask themselves. False: a professional must refer them.",
        },
        "paid": {"type": "boolean", "description": "True: the person is paid. False: unpaid. Left out: not work."},
        "hours": {"enum": [h for h in HOURS if h != "not-sure"], "description": "Hours a week of the work."},
        "area": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "name"],
            "properties": {"id": {"type": "string", "pattern": KEBAB}, "name": _texts(required=True)},
        },
    },
}


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(SCHEMA)


def columns(extension: dict | None) -> dict:
    """The Service columns the extension fills (empty ones as None)."""
    extension = extension or {}
    summary, who_for = extension.get("summary", {}), extension.get("who_for", {})
    area = extension.get("area")
    return {
        "demo": bool(extension.get("demo", False)),
        "name_cy": extension.get("name_cy"),
        "summary_en": summary.get("en"),
        "summary_cy": summary.get("cy"),
        "who_for_en": who_for.get("en"),
        "who_for_cy": who_for.get("cy"),
        "description_cy": extension.get("description_cy"),
        "symbol": extension.get("symbol"),
        "self_referral": extension.get("self_referral"),
        "paid": extension.get("paid"),
        "hours": extension.get("hours"),
        "area_id": area["id"] if area else None,
    }


def record(service) -> dict | None:
    """The extension object for a stored service, or None when it has no easy-read fields."""
    if service.summary_en is None:
        return None
    out: dict = {}
    if service.demo:
        out["demo"] = True
    if service.name_cy:
        out["name_cy"] = service.name_cy
    out["summary"] = _pair(service.summary_en, service.summary_cy)
    if service.who_for_en or service.who_for_cy:
        out["who_for"] = _pair(service.who_for_en, service.who_for_cy)
    if service.description_cy:
        out["description_cy"] = service.description_cy
    out["symbol"] = service.symbol
    for name in ("self_referral", "paid", "hours"):
        if getattr(service, name) is not None:
            out[name] = getattr(service, name)
    if service.area is not None:
        out["area"] = {"id": service.area.id, "name": _pair(service.area.name_en, service.area.name_cy)}
    return out


def _pair(en: str | None, cy: str | None) -> dict:
    return {key: value for key, value in (("en", en), ("cy", cy)) if value}
