"""How long each imported text may be, in characters. The columns in models.py are sized from these."""

ID = 36  # a UUID written out
NAME = 255
CODE = 100
URL = 500
WORD = 40  # longest word kept for search; longer ones are cut to this
SHORT = 1000  # any other short text
LONG = 10_000  # descriptions and other free text

# field name in an Open Referral record -> most characters allowed
FIELD_LIMITS: dict[str, int] = {
    "id": ID,
    "name": NAME,
    "alternate_name": NAME,
    "name_cy": NAME,
    "title": NAME,
    "department": NAME,
    "email": NAME,
    "assurer_email": NAME,
    "legal_status": NAME,
    "option": NAME,
    "attention": NAME,
    "wait_time": NAME,
    "address_1": NAME,
    "address_2": NAME,
    "city": NAME,
    "region": NAME,
    "state_province": NAME,
    "link_type": NAME,
    "link_entity": NAME,
    "taxonomy": NAME,
    "version": NAME,
    "attending_type": NAME,
    "extent_type": NAME,
    "status": 32,
    "code": CODE,
    "symbol": CODE,
    "hours": CODE,
    "postal_code": 32,
    "country": 64,
    "number": 50,
    "type": 50,
    "currency": 8,
    "language": 16,
    "location_type": 16,
    "address_type": 16,
    "freq": 16,
    "byday": 64,
    "bymonthday": 128,
    "byweekno": NAME,
    "byyearday": NAME,
    "wkst": 2,
    "dtstart": 32,
    "until": 32,
    "opens_at": 16,
    "closes_at": 16,
    "valid_from": 32,
    "valid_to": 32,
    "assured_date": 32,
    "url": URL,
    "website": URL,
    "uri": URL,
    "term_uri": URL,
    "schedule_link": URL,
    "description": LONG,
    "description_cy": LONG,
    "eligibility_description": LONG,
    "application_process": LONG,
    "fees_description": LONG,
    "alert": LONG,
    "transportation": LONG,
    "interpretation_services": LONG,
    "extent": LONG,
    "note": LONG,
    "notes": LONG,
    "amount_description": LONG,
    "value": LONG,
    "en": 2000,
    "cy": 2000,  # the easy-read texts in the extension
}


def limit_for(field: str) -> int:
    if field.endswith("_id"):
        return ID
    return FIELD_LIMITS.get(field, SHORT)


MAX_FILE_BYTES = 200 * 1024 * 1024  # bytes: room for a large council's whole offer
MAX_RECORDS = 50_000
MIN_AGE, MAX_AGE = 0, 120  # years
