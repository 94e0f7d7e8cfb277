"""A read-only Open Referral UK API (HSDS 3.0): the root, services, taxonomies and their terms, organisations
and services at locations, each listed in pages (or as ndjson) and one by one."""

from flask import Blueprint, current_app, jsonify, url_for
from sqlalchemy import select

from app.extensions import db
from app.pathways import api_records as records
from app.pathways import search
from app.pathways.api_caching import setup_api_caching
from app.pathways.api_errors import json_error, setup_api_errors
from app.pathways.api_params import (
    MAX_PROXIMITY,
    BadParameter,
    flag,
    ids,
    listing,
    moment,
    output_format,
    page_of,
    paging,
    postcode,
    whole_number,
    words,
)
from app.pathways.api_places import places
from app.pathways.api_root import PROFILE, VERSION, openapi_document
from app.pathways.api_stream import ndjson
from app.pathways.exporting import full_options, full_record, list_record, modified
from app.pathways.models import Service, Taxonomy, TaxonomyTerm
from app.pathways.text import search_words

bp = Blueprint("pathways_api", __name__, url_prefix="/api")
setup_api_errors(bp)
setup_api_caching(bp)
SERVICE_ORDER = (Service.sort_name, Service.id)


def not_found(kind: str, given_id: str):
    return json_error(404, f"There is no {kind} with the id {given_id[:64]}.")


def answer(query, order: tuple, record, options=()):
    """One page of the query's records as JSON, or all of them as ndjson."""
    if output_format() == "ndjson":
        paging()  # bad paging is still a 400, though ndjson has no pages
        return ndjson(db.session, query, order, record, options)
    return jsonify(listing(db.session, query.options(*options), order, record))


def service_filters() -> search.Filters:
    return search.Filters(
        words=tuple(search_words(words())),
        term_ids=ids("taxonomy_term_id"),
        taxonomy_ids=ids("taxonomy_id"),
        organizations=ids("organization_id"),
        modified_after=moment("modified_after"),
    )


def minimal_record(service: Service) -> dict:
    return {"id": service.id, "last_modified": modified(service)}


@bp.get("/")
def root():
    return jsonify(version=VERSION, profile=PROFILE, openapi_url=url_for("pathways_api.openapi", _external=True))


@bp.get("/openapi.json")
def openapi():
    server = url_for("pathways_api.root", _external=True).rstrip("/")
    return jsonify(openapi_document(current_app, bp.url_prefix or "", server))


@bp.get("/services")
def services():
    filters = service_filters()
    full, minimal = flag("full"), flag("minimal")
    if full and minimal:
        raise BadParameter("minimal", "minimal and full cannot both be true.")
    record = full_record if full else minimal_record if minimal else list_record
    options = full_options() if full else ()
    if output_format() == "ndjson":
        paging()
        query = select(Service).where(*search.conditions(filters))
        return ndjson(db.session, query, SERVICE_ORDER, record, options)
    page, per_page = paging()
    found = search.search_services(db.session, filters, page, per_page, options=options, clamp=False)
    return jsonify(page_of([record(s) for s in found.services], found.total, page, per_page))


@bp.get("/services/<string:service_id>")
def service(service_id: str):
    found = search.get_service(db.session, service_id[:64], *full_options())
    return not_found("service", service_id) if found is None else jsonify(full_record(found))


@bp.get("/taxonomies")
def taxonomies():
    return answer(records.taxonomies(words()), records.TAXONOMY_ORDER, records.taxonomy_record)


@bp.get("/taxonomies/<string:taxonomy_id>")
def taxonomy(taxonomy_id: str):
    found = db.session.get(Taxonomy, taxonomy_id[:64])
    return not_found("taxonomy", taxonomy_id) if found is None else jsonify(records.taxonomy_record(found))


# /taxonomy_terms is the path the standard names. /taxonomy-terms, registered first (the lower line), is the
# one the site has always linked to, so url_for keeps giving it.
@bp.get("/taxonomy_terms")
@bp.get("/taxonomy-terms")
def taxonomy_terms():
    query = records.terms(ids("taxonomy_id"), words(), ids("parent_id"), flag("top_only"))
    return answer(query, records.TERM_ORDER, records.term_record)


@bp.get("/taxonomy_terms/<string:term_id>")
def taxonomy_term(term_id: str):
    found = db.session.get(TaxonomyTerm, term_id[:64])
    return not_found("taxonomy term", term_id) if found is None else jsonify(records.term_record(found))


@bp.get("/organizations")
def organizations():
    full, full_service = flag("full"), flag("full_service")
    if full or full_service:

        def record(organization):
            return records.organization_services(db.session, organization, full_service)
    else:
        record = records.organization_record
    return answer(records.organizations(words()), records.ORGANIZATION_ORDER, record)


@bp.get("/organizations/<string:organization_id>")
def organization(organization_id: str):
    found = records.full_organization(db.session, organization_id[:64], flag("full_service"))
    return not_found("organization", organization_id) if found is None else jsonify(found)


@bp.get("/service_at_locations")
def service_at_locations():
    full = flag("full")
    where, proximity = postcode(), whole_number("proximity", None, 1, MAX_PROXIMITY)
    if proximity is not None and where is None:
        raise BadParameter("proximity", "proximity needs a postcode to measure from.")
    at = None if where is None else places(db.session, *where, proximity)
    query = records.services_at_locations(service_filters(), at)
    record = records.service_at_location_record if full else records.service_at_location_item
    options = records.FULL_SERVICE_AT_LOCATION if full else ()
    return answer(query, records.SERVICE_AT_LOCATION_ORDER, record, options)


@bp.get("/service_at_locations/<string:sal_id>")
def service_at_location(sal_id: str):
    found = records.full_service_at_location(db.session, sal_id[:64])
    return not_found("service at location", sal_id) if found is None else jsonify(found)
