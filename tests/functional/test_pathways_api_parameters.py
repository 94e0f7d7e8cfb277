"""The rest of the Open Referral UK 3.0 parameters: search on every list, ndjson, minimal, full and full_service,
top_only and parent_id, the service filters on services at locations, postcode and proximity; and 304s."""

import json
import re
import uuid

import pytest

from app.extensions import db
from app.pathways import schema
from app.pathways.importing import import_records, symbol_concepts
from app.pathways.taxonomies import VOCABULARIES
from tests.functional.test_pathways_api import HARBOUR_CAFE
from tests.pathways_builders import demo_records, make_record, new_id

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LISTS = ["/api/services", "/api/taxonomies", "/api/taxonomy_terms", "/api/organizations", "/api/service_at_locations"]


def _all(client, path: str) -> list[dict]:
    return client.get(f"{path}{'&' if '?' in path else '?'}per_page=1000").get_json()["contents"]


@pytest.mark.parametrize("path", LISTS)
def test_ndjson_streams_every_record_of_a_list_one_a_line_without_pages(client, path):
    response = client.get(f"{path}?format=ndjson")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    lines = response.get_data(as_text=True).splitlines()
    assert [json.loads(line) for line in lines] == _all(client, path)


def test_ndjson_keeps_the_filters_and_the_full_records(client):
    step = VOCABULARIES["ladder-step"].term_id("volunteering")
    lines = client.get(f"/api/services?format=ndjson&full=true&taxonomy_term_id={step}").get_data(as_text=True)
    records = [json.loads(line) for line in lines.splitlines()]
    assert len(records) == 10 and all("attributes" in r for r in records)
    for record in records:
        assert list(schema.validator().iter_errors(record)) == []


@pytest.mark.parametrize("value", ["xml", "NDJSON2", "csv", "json%00"])
def test_a_format_that_is_not_json_or_ndjson_is_a_400(client, value):
    response = client.get(f"/api/taxonomies?format={value}")
    assert response.status_code == 400 and response.get_json()["parameter"] == "format"


def test_format_json_is_the_pages_as_before(client):
    assert client.get("/api/services?format=json").get_json() == client.get("/api/services").get_json()


def test_minimal_services_are_just_their_id_and_when_they_last_changed(client):
    contents = _all(client, "/api/services?minimal=true")
    by_id = {r["id"]: r["last_modified"] for r in demo_records()}
    assert {c["id"]: c["last_modified"] for c in contents} == by_id and all(len(c) == 2 for c in contents)
    both = client.get("/api/services?minimal=true&full=true")
    assert both.status_code == 400 and both.get_json()["parameter"] == "minimal"


@pytest.mark.parametrize(
    "path, words, expected",
    [
        ("/api/taxonomies", "LADDER", {"My Way to Work: steps on the ladder"}),
        ("/api/taxonomy_terms", "volunteering", {"Volunteering"}),
        ("/api/organizations", "bay foods", {"Bay Foods (demo)"}),
    ],
)
def test_search_on_the_other_lists_finds_each_word_in_the_name_or_description(client, path, words, expected):
    assert {item["name"] for item in _all(client, f"{path}?search={words}")} >= expected
    assert client.get(f"{path}?search=helicopter").get_json()["empty"]


def test_search_and_filters_narrow_the_services_at_locations(client):
    harbour = next(r for r in demo_records() if r["id"] == HARBOUR_CAFE)
    query = f"search=caf%C3%A9&organization_id={harbour['organization_id']}"
    found = {sal["service_id"] for sal in _all(client, f"/api/service_at_locations?{query}")}
    assert HARBOUR_CAFE in found and found <= {s["id"] for s in _all(client, f"/api/services?{query}")}
    assert len(found) < len(_all(client, "/api/service_at_locations"))
    step = VOCABULARIES["ladder-step"]
    volunteering = {r["id"] for r in demo_records() if step.term_id("volunteering") in str(r["attributes"])}
    found = _all(client, f"/api/service_at_locations?taxonomy_term_id={step.term_id('volunteering')}")
    assert {sal["service_id"] for sal in found} == {
        r["id"] for r in demo_records() if r["id"] in volunteering and r.get("service_at_locations")
    }
    assert client.get("/api/service_at_locations?modified_after=9999-01-01T00:00:00Z").get_json()["empty"]


def test_full_services_at_locations_carry_their_location_and_schedules(client):
    contents = _all(client, "/api/service_at_locations?full=true")
    assert all(item["location"]["id"] == item["location_id"] for item in contents)
    for item in contents:
        assert list(schema.validator("service_at_location.json").iter_errors(item)) == []


def test_full_organisations_list_their_services_and_full_service_gives_each_service_whole(client):
    harbour = next(r for r in demo_records() if r["id"] == HARBOUR_CAFE)
    organization = harbour["organization_id"]
    listed = {o["id"]: o for o in _all(client, "/api/organizations?full=true")}
    assert {s["name"] for s in listed[organization]["services"]} == {
        "Harbour Café training jobs",
        "Event catering team",
    }
    assert "attributes" not in listed[organization]["services"][0]
    whole = client.get(f"/api/organizations/{organization}?full_service=true").get_json()
    assert next(s for s in whole["services"] if s["id"] == HARBOUR_CAFE) == harbour
    assert _all(client, "/api/organizations?full_service=true") == [
        client.get(f"/api/organizations/{o['id']}?full_service=true").get_json()
        for o in _all(client, "/api/organizations")
    ]


def _own_term(taxonomy: dict, name: str, parent_id: str | None = None) -> dict:
    term = {"id": new_id(), "name": name, "description": name, "taxonomy_id": taxonomy["id"]}
    term |= {"taxonomy_detail": taxonomy} | ({"parent_id": parent_id} if parent_id else {})
    return {"id": new_id(), "taxonomy_term_id": term["id"], "taxonomy_term": term}


def test_top_only_and_parent_id_choose_terms_by_their_place_in_the_taxonomy(app, client):
    taxonomy = {"id": new_id(), "name": "The council's own kinds of service", "description": "Kinds of service."}
    parent = _own_term(taxonomy, "Employment")
    child = _own_term(taxonomy, "Job clubs", parent_id=parent["taxonomy_term_id"])
    record = make_record()
    record["attributes"] += [parent, child]
    with app.app_context():
        import_records(db.session, [record], symbol_concepts(app.config["SYMBOL_INDEX"]))
    everything = {t["id"] for t in _all(client, "/api/taxonomy_terms")}
    top = {t["id"] for t in _all(client, "/api/taxonomy_terms?top_only=true")}
    assert child["taxonomy_term_id"] in everything and top == everything - {child["taxonomy_term_id"]}
    under = _all(client, f"/api/taxonomy_terms?parent_id={parent['taxonomy_term_id']}")
    assert [t["id"] for t in under] == [child["taxonomy_term_id"]]


def _located(name: str, postcode: str, latitude: float, longitude: float) -> dict:
    record = make_record(name=name)
    location = record["service_at_locations"][0]["location"]
    location.update(id=new_id(), latitude=latitude, longitude=longitude, name=name)
    location["addresses"][0].update(id=new_id(), postal_code=postcode)
    return record


def test_postcode_and_proximity_find_the_services_near_a_postcode_we_know(app, client):
    # On the same line of longitude, 0.01 degrees of latitude is 1,113 metres.
    near = _located("Near café", "SB8 1AA", 51.50, -3.20)
    close = _located("Close café", "SB8 2BB", 51.505, -3.20)
    far = _located("Far café", "SB9 3CC", 51.52, -3.20)
    with app.app_context():
        import_records(db.session, [near, close, far], symbol_concepts(app.config["SYMBOL_INDEX"]))

    def services(query):
        return {s["service_id"] for s in _all(client, f"/api/service_at_locations?{query}")}

    assert services("postcode=sb81aa") == {near["id"]}
    assert services("postcode=SB8") == {near["id"], close["id"]}
    assert services("postcode=SB8%201AA&proximity=600") == {near["id"], close["id"]}
    assert services("postcode=SB8%201AA&proximity=500") == {near["id"]}
    assert services("postcode=SB8%201AA&proximity=2300") == {near["id"], close["id"], far["id"]}


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("postcode=ZZ9%209ZZ", "postcode"),
        ("postcode=not%20a%20postcode", "postcode"),
        ("postcode=" + "S" * 40, "postcode"),
        ("proximity=500", "proximity"),
        ("postcode=SB2%201AA&proximity=500", "proximity"),  # no address there has a map position
        ("postcode=SB2&proximity=0", "proximity"),
        ("postcode=SB2&proximity=far", "proximity"),
        ("postcode=SB2&proximity=100001", "proximity"),
        ("full=maybe", "full"),
        ("search=%00", "search"),
    ],
)
def test_bad_postcodes_and_proximities_are_a_400_in_json(client, query, parameter):
    response = client.get(f"/api/service_at_locations?{query}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert response.get_json()["parameter"] == parameter and response.get_json()["message"]


@pytest.mark.parametrize(
    "path, query, parameter",
    [
        ("/api/taxonomy_terms", "top_only=perhaps", "top_only"),
        ("/api/taxonomy_terms", "parent_id=%3Cb%3E", "parent_id"),
        ("/api/organizations", "full_service=2", "full_service"),
        ("/api/organizations", "search=" + "x" * 101, "search"),
        ("/api/services", "minimal=often", "minimal"),
        ("/api/taxonomies", "format=ndjson&page=0", "page"),
    ],
)
def test_bad_values_of_the_new_parameters_are_a_400_in_json(client, path, query, parameter):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400 and response.get_json()["parameter"] == parameter


@pytest.mark.parametrize("path", [*LISTS, f"/api/services/{HARBOUR_CAFE}", "/api/", "/api/openapi.json"])
def test_a_repeat_request_with_the_etag_or_the_date_is_a_304_with_no_body(client, path):
    first = client.get(path)
    assert first.headers["ETag"].startswith('W/"') and first.headers["Last-Modified"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    assert client.get(path, headers={"If-None-Match": 'W/"something-else"'}).status_code == 200


def test_a_change_to_the_directory_changes_the_etag_and_the_date(app, client):
    first = client.get("/api/services")
    with app.app_context():
        record = make_record(last_modified="2027-01-01T00:00:00Z")
        import_records(db.session, [record], symbol_concepts(app.config["SYMBOL_INDEX"]))
    again = client.get("/api/services", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]
    assert again.headers["Last-Modified"] == "Fri, 01 Jan 2027 00:00:00 GMT"
    since = client.get("/api/services", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 200


def test_an_ndjson_stream_is_a_304_by_date_and_errors_never_carry_validators(client):
    first = client.get("/api/services?format=ndjson")
    assert "ETag" not in first.headers
    since = client.get("/api/services?format=ndjson", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304 and since.get_data() == b""
    missing = client.get(f"/api/services/{uuid.uuid4()}")
    assert missing.status_code == 404 and "ETag" not in missing.headers


def _every_id_a_uuid_and_nothing_empty(value, key="", ours=False) -> None:
    """Every HSDS id is a UUID; inside our extension, `area.id` is a code of our own, like a term's `code`."""
    if isinstance(value, dict):
        for name, item in value.items():
            assert item is not None and item != "", name
            _every_id_a_uuid_and_nothing_empty(item, name, ours or name == "x_mywaytowork")
    elif isinstance(value, list):
        for item in value:
            _every_id_a_uuid_and_nothing_empty(item, key, ours)
    elif not ours and (key == "id" or key.endswith("_id")):
        assert UUID.match(str(value)), (key, value)


@pytest.mark.parametrize(
    "path",
    [
        "/api/services?full=true",
        "/api/services?minimal=true",
        "/api/organizations?full_service=true",
        "/api/service_at_locations?full=true",
        "/api/taxonomy_terms",
        "/api/taxonomies",
    ],
)
def test_every_id_is_a_uuid_and_no_field_is_null_or_empty_in_pages_and_ndjson(client, path):
    _every_id_a_uuid_and_nothing_empty(_all(client, path))
    lines = client.get(f"{path}&format=ndjson" if "?" in path else f"{path}?format=ndjson").get_data(as_text=True)
    _every_id_a_uuid_and_nothing_empty([json.loads(line) for line in lines.splitlines()])
