"""A read-only Open Referral UK API (HSDS 3.0): the root, services, taxonomies and their terms, organisations
and services at locations, each listed in pages and one by one."""

from flask import Blueprint, current_app, jsonify, request, url_for
from sqlalchemy import select

from app.extensions import db
from app.pathways import api_records as records
from app.pathways import search
from app.pathways.api_errors import json_error, setup_api_errors
from app.pathways.api_params import BadParameter, flag, ids, listing, moment, page_of, paging
from app.pathways.api_root import PROFILE, VERSION, openapi_document
from app.pathways.exporting import full_options, full_record, list_record
from app.pathways.models import Taxonomy, TaxonomyTerm
from app.pathways.text import MAX_QUERY, search_words

bp = Blueprint("pathways_api", __name__, url_prefix="/api")
setup_api_errors(bp)


def not_found(kind: str, given_id: str):
    return json_error(404, f"There is no {kind} with the id {given_id[:64]}.")


@bp.get("/")
def root():
    return jsonify(version=VERSION, profile=PROFILE, openapi_url=url_for("pathways_api.openapi", _external=True))


@bp.get("/openapi.json")
def openapi():
    server = url_for("pathways_api.root", _external=True).rstrip("/")
    return jsonify(openapi_document(current_app, bp.url_prefix or "", server))


@bp.get("/services")
def services():
    search_text = request.args.get("search") or ""
    if len(search_text) > MAX_QUERY or "\x00" in search_text:
        raise BadParameter("search", f"search must be at most {MAX_QUERY} characters of text.")
    page, per_page = paging()
    full = flag("full")
    filters = search.Filters(
        words=tuple(search_words(search_text)),
        term_ids=ids("taxonomy_term_id"),
        taxonomy_ids=ids("taxonomy_id"),
        organizations=ids("organization_id"),
        modified_after=moment("modified_after"),
    )
    found = search.search_services(
        db.session, filters, page, per_page, options=full_options() if full else (), clamp=False
    )
    contents = [full_record(s) if full else list_record(s) for s in found.services]
    return jsonify(page_of(contents, found.total, page, per_page))


@bp.get("/services/<string:service_id>")
def service(service_id: str):
    found = search.get_service(db.session, service_id[:64], *full_options())
    return not_found("service", service_id) if found is None else jsonify(full_record(found))


@bp.get("/taxonomies")
def taxonomies():
    query = select(Taxonomy)
    return jsonify(listing(db.session, query, records.TAXONOMY_ORDER, records.taxonomy_record))


@bp.get("/taxonomies/<string:taxonomy_id>")
def taxonomy(taxonomy_id: str):
    found = db.session.get(Taxonomy, taxonomy_id[:64])
    return not_found("taxonomy", taxonomy_id) if found is None else jsonify(records.taxonomy_record(found))


# /taxonomy_terms is the path the standard names. /taxonomy-terms, registered first (the lower line), is the
# one the site has always linked to, so url_for keeps giving it.
@bp.get("/taxonomy_terms")
@bp.get("/taxonomy-terms")
def taxonomy_terms():
    query = records.terms(ids("taxonomy_id"))
    return jsonify(listing(db.session, query, records.TERM_ORDER, records.term_record))


@bp.get("/taxonomy_terms/<string:term_id>")
def taxonomy_term(term_id: str):
    found = db.session.get(TaxonomyTerm, term_id[:64])
    return not_found("taxonomy term", term_id) if found is None else jsonify(records.term_record(found))


@bp.get("/organizations")
def organizations():
    query = records.organizations()
    return jsonify(listing(db.session, query, records.ORGANIZATION_ORDER, records.organization_record))


@bp.get("/organizations/<string:organization_id>")
def organization(organization_id: str):
    found = records.full_organization(db.session, organization_id[:64])
    return not_found("organization", organization_id) if found is None else jsonify(found)


@bp.get("/service_at_locations")
def service_at_locations():
    query = records.services_at_locations()
    return jsonify(listing(db.session, query, records.SERVICE_AT_LOCATION_ORDER, records.service_at_location_item))


@bp.get("/service_at_locations/<string:sal_id>")
def service_at_location(sal_id: str):
    found = records.full_service_at_location(db.session, sal_id[:64])
    return not_found("service at location", sal_id) if found is None else jsonify(found)
