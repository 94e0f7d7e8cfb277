"""A read-only Open Referral API (HSDS 3.0): GET /api/services and GET /api/services/{id}, and our taxonomies."""

import re
from datetime import UTC, datetime

from flask import Blueprint, jsonify, request
from sqlalchemy import func, select

from app.extensions import db
from app.pathways import search
from app.pathways.exporting import full_options, full_record, list_record
from app.pathways.fields import TAXONOMY, TAXONOMY_TERM, put
from app.pathways.models import Taxonomy, TaxonomyTerm
from app.pathways.text import MAX_QUERY, search_words

bp = Blueprint("pathways_api", __name__, url_prefix="/api")
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000
ID_PARAMETER = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return jsonify(status=400, error="bad_request", parameter=error.name, message=str(error)), 400


def _int(name: str, default: int, lowest: int, highest: int) -> int:
    value = request.args.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= 9) or not lowest <= int(value) <= highest:
        raise BadParameter(name, f"{name} must be a whole number from {lowest} to {highest}.")
    return int(value)


def _id(name: str) -> tuple[str, ...]:
    value = request.args.get(name)
    if value is None:
        return ()
    if not ID_PARAMETER.match(value):
        raise BadParameter(name, f"{name} must be an id (letters, digits and dashes, at most 64).")
    return (value,)


def _flag(name: str) -> bool:
    value = (request.args.get(name) or "").lower()
    if value not in TRUE + FALSE:
        raise BadParameter(name, f"{name} must be true or false.")
    return value in TRUE


def _moment(name: str) -> datetime | None:
    value = request.args.get(name)
    if value is None:
        return None
    try:
        if len(value) > 40:
            raise ValueError
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"{name} must be a date and time like 2026-11-01T09:00:00Z.") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


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


@bp.get("/services")
def services():
    search_text = request.args.get("search") or ""
    if len(search_text) > MAX_QUERY or "\x00" in search_text:
        raise BadParameter("search", f"search must be at most {MAX_QUERY} characters of text.")
    page, per_page = _int("page", 1, 1, MAX_PAGE), _int("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    full = _flag("full")
    filters = search.Filters(
        words=tuple(search_words(search_text)),
        term_ids=_id("taxonomy_term_id"),
        taxonomy_ids=_id("taxonomy_id"),
        organizations=_id("organization_id"),
        modified_after=_moment("modified_after"),
    )
    found = search.search_services(
        db.session, filters, page, per_page, options=full_options() if full else (), clamp=False
    )
    contents = [full_record(s) if full else list_record(s) for s in found.services]
    return jsonify(page_of(contents, found.total, page, per_page))


@bp.get("/services/<string:service_id>")
def service(service_id: str):
    found = search.get_service(db.session, service_id[:64], *full_options())
    if found is None:
        return jsonify(
            status=404, error="not_found", message=f"There is no service with the id {service_id[:64]}."
        ), 404
    return jsonify(full_record(found))


@bp.get("/taxonomies")
def taxonomies():
    page, per_page = _int("page", 1, 1, MAX_PAGE), _int("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = db.session.scalar(select(func.count()).select_from(Taxonomy)) or 0
    rows = db.session.scalars(
        select(Taxonomy).order_by(Taxonomy.name, Taxonomy.id).offset((page - 1) * per_page).limit(per_page)
    )
    return jsonify(page_of([put(row, TAXONOMY) for row in rows], total, page, per_page))


@bp.get("/taxonomy-terms")
def taxonomy_terms():
    page, per_page = _int("page", 1, 1, MAX_PAGE), _int("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    query = select(TaxonomyTerm)
    taxonomy_ids = _id("taxonomy_id")
    if taxonomy_ids:
        query = query.where(TaxonomyTerm.taxonomy_id.in_(taxonomy_ids))
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.order_by(TaxonomyTerm.taxonomy_id, TaxonomyTerm.id).offset((page - 1) * per_page).limit(per_page)
    )
    contents = []
    for row in rows:
        term = put(row, TAXONOMY_TERM)
        if row.taxonomy_detail is not None:
            term["taxonomy_detail"] = put(row.taxonomy_detail, TAXONOMY)
        contents.append(term)
    return jsonify(page_of(contents, total, page, per_page))
