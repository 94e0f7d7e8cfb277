"""Which HSDS fields the directory keeps, object by object: one list for import and export alike."""

ORGANIZATION = ("id", "name", "alternate_name", "description", "email", "website", "legal_status")
SERVICE = (
    "id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "wait_time",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
)
LOCATION = (
    "id",
    "organization_id",
    "location_type",
    "name",
    "alternate_name",
    "description",
    "transportation",
    "latitude",
    "longitude",
)
ADDRESS = (
    "id",
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
)
SERVICE_AT_LOCATION = ("id", "description")
CONTACT = ("id", "name", "title", "department", "email")
PHONE = ("id", "number", "extension", "type", "description")
SCHEDULE = (
    "id",
    "freq",
    "interval",
    "byday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "description",
    "notes",
    "attending_type",
    "dtstart",
    "until",
    "count",
    "wkst",
    "bymonthday",
    "byweekno",
    "byyearday",
    "timezone",
    "schedule_link",
)
SERVICE_AREA = ("id", "name", "description", "extent", "extent_type", "uri")
LANGUAGE = ("id", "name", "code", "note")
COST_OPTION = ("id", "option", "currency", "amount", "amount_description", "valid_from", "valid_to")
TAXONOMY = ("id", "name", "description", "uri", "version")
TAXONOMY_TERM = ("id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_id", "term_uri", "language")
ATTRIBUTE = ("id", "taxonomy_term_id", "link_type", "value")

# Whole numbers in HSDS are JSON numbers; these are stored as integers.
WHOLE_NUMBERS = {"minimum_age", "maximum_age", "extension", "interval", "count"}

# list field on a service -> (what it holds, the fields kept)
SERVICE_LISTS = {
    "contacts": CONTACT,
    "phones": PHONE,
    "schedules": SCHEDULE,
    "service_areas": SERVICE_AREA,
    "languages": LANGUAGE,
    "cost_options": COST_OPTION,
    "service_at_locations": SERVICE_AT_LOCATION,
    "attributes": ATTRIBUTE,
}


def pick(obj: dict, fields: tuple[str, ...]) -> dict:
    """The kept fields of an HSDS object, ready for a model (missing ones as None)."""
    out = {}
    for name in fields:
        value = obj.get(name)
        if name in WHOLE_NUMBERS and isinstance(value, float) and value.is_integer():
            value = int(value)
        out[name] = value
    return out


def put(model, fields: tuple[str, ...]) -> dict:
    """The HSDS object for a stored row: only fields with a value (HSDS has no nulls)."""
    out = {}
    for name in fields:
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out[name] = value
    return out


def location_key(location: dict) -> dict:
    """Everything kept about a location, addresses included, to compare two copies of it."""
    addresses = sorted((pick(a, ADDRESS) for a in location.get("addresses") or []), key=lambda a: a["id"] or "")
    schedules = sorted((pick(s, SCHEDULE) for s in location.get("schedules") or []), key=lambda s: s["id"] or "")
    return {**pick(location, LOCATION), "addresses": addresses, "schedules": schedules}
