"""Reading the query parameters of the Open Referral API, and the HSDS page shape around a list."""

import re
from collections.abc import Callable
from datetime import UTC, datetime

from flask import request
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.pathways.text import MAX_QUERY

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
MAX_PAGE = 1_000_000
ID_PARAMETER = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")
FORMATS = ("json", "ndjson")
MAX_PROXIMITY = 100_000  # metres
# A whole UK postcode ("SB2 1AA") or its outward code alone ("SB2"), spaces anywhere.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$")


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


def whole_number(name: str, default: int | None, lowest: int, highest: int) -> int | None:
    value = request.args.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= 9) or not lowest <= int(value) <= highest:
        raise BadParameter(name, f"{name} must be a whole number from {lowest} to {highest}.")
    return int(value)


def ids(name: str) -> tuple[str, ...]:
    value = request.args.get(name)
    if value is None:
        return ()
    if not ID_PARAMETER.match(value):
        raise BadParameter(name, f"{name} must be an id (letters, digits and dashes, at most 64).")
    return (value,)


def flag(name: str) -> bool:
    value = (request.args.get(name) or "").lower()
    if value not in TRUE + FALSE:
        raise BadParameter(name, f"{name} must be true or false.")
    return value in TRUE


def words(name: str = "search") -> str:
    """Text to search for: at most MAX_QUERY characters, no NUL."""
    value = request.args.get(name) or ""
    if len(value) > MAX_QUERY or "\x00" in value:
        raise BadParameter(name, f"{name} must be at most {MAX_QUERY} characters of text.")
    return value


def output_format() -> str:
    """json (pages, the default) or ndjson (every record, one a line, no pages)."""
    value = (request.args.get("format") or "json").lower()
    if value not in FORMATS:
        raise BadParameter("format", "format must be json or ndjson.")
    return value


def postcode() -> tuple[str, str] | None:
    """A postcode as (outward code, whole postcode or "" when only the outward code was given)."""
    value = request.args.get("postcode")
    if value is None:
        return None
    found = POSTCODE.match("".join(value.split()).upper()) if len(value) <= 16 else None
    if found is None:
        raise BadParameter("postcode", "postcode must be a UK postcode like SB2 1AA, or its first part like SB2.")
    outward, inward = found.group(1), found.group(2) or ""
    return outward, f"{outward} {inward}" if inward else ""


def moment(name: str) -> datetime | None:
    """A date and time in UTC; one without a time zone is taken as UTC."""
    value = request.args.get(name)
    if value is None:
        return None
    try:
        if len(value) > 40:
            raise ValueError
        found = datetime.fromisoformat(value)
        return (found if found.tzinfo else found.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: a time zone that moves it out of years 1 to 9999
        raise BadParameter(name, f"{name} must be a date and time like 2026-11-01T09:00:00Z.") from None


def paging() -> tuple[int, int]:
    """The page asked for (from 1) and how many items a page holds."""
    return whole_number("page", 1, 1, MAX_PAGE), whole_number("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)


def page_of(contents: list, total: int, number: int, per_page: int) -> dict:
    """The HSDS Page shape around one page of contents."""
    pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def listing(session: Session, query: Select, order: tuple, record: Callable) -> dict:
    """One page of the rows a query finds, in order, each as its HSDS record."""
    page, per_page = paging()
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(*order).offset((page - 1) * per_page).limit(per_page))
    return page_of([record(row) for row in rows.unique()], total, page, per_page)
