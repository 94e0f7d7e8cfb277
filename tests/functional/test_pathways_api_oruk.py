"""What the Open Referral UK validator asks of the API: its root, CORS, JSON errors, and every listed endpoint."""

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from app.pathways import schema
from app.pathways.taxonomies import VOCABULARIES
from tests.functional.test_pathways_api import HARBOUR_CAFE, assert_valid_page
from tests.oruk_validator import SCHEMAS
from tests.pathways_builders import demo_records

ROOT_SCHEMA = {
    "type": "object",
    "properties": {
        "version": {"const": "HSDS-UK-3.0"},
        "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"},
    },
    "required": ["version", "profile", "openapi_url"],
}
LISTS = {
    "/api/services": "service.json",
    "/api/taxonomies": "taxonomy.json",
    "/api/taxonomy_terms": "taxonomy_term.json",
    "/api/organizations": "organization.json",
    "/api/service_at_locations": "service_at_location.json",
}


def _no_empty_values(record) -> None:
    if isinstance(record, dict):
        for key, value in record.items():
            assert value is not None and value != "", key
            _no_empty_values(value)
    elif isinstance(record, list):
        for item in record:
            _no_empty_values(item)


def test_the_root_names_the_uk_profile_and_an_openapi_description_the_site_serves(client):
    body = client.get("/api/").get_json()
    assert list(Draft202012Validator(ROOT_SCHEMA, format_checker=FormatChecker()).iter_errors(body)) == []
    assert body["profile"] == "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
    assert body["openapi_url"] == "http://localhost/api/openapi.json"
    openapi = client.get("/api/openapi.json").get_json()
    assert openapi["openapi"].startswith("3.") and openapi["info"]["version"] == "HSDS-UK-3.0"
    assert openapi["servers"] == [{"url": "http://localhost/api"}]
    for path in openapi["paths"]:
        example = path.replace("{id}", "0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d")
        assert client.get(f"/api{example}").status_code in (200, 404), path
    assert set(openapi["paths"]) == {"/", "/services/{id}", "/services", "/taxonomies/{id}", "/taxonomies"} | {
        "/taxonomy_terms/{id}",
        "/taxonomy_terms",
        "/organizations/{id}",
        "/organizations",
        "/service_at_locations/{id}",
        "/service_at_locations",
    }


def test_the_openapi_description_offers_every_parameter_of_the_standard_and_says_what_each_does(client):
    document = client.get("/api/openapi.json").get_json()
    paths = document["paths"]
    standard = json.loads((SCHEMAS / "oruk-3.0" / "openapi.json").read_text(encoding="utf-8"))

    def names(item):
        return {p.get("name") or p["$ref"].rsplit("/", 1)[-1] for p in item["get"].get("parameters", [])}

    for path, item in standard["paths"].items():
        assert names(paths[path]) == names(item), path
    listed = {p["name"]: p for p in paths["/taxonomy_terms"]["get"]["parameters"] if "name" in p}
    assert "no parent" in listed["top_only"]["description"] and listed["format"]["schema"] == {"type": "string"}
    one = paths["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert one["$ref"].endswith("/schema/service_at_location.json")


def test_the_openapi_description_has_our_easy_read_fields_errors_and_ndjson(client):
    document = client.get("/api/openapi.json").get_json()
    services = document["paths"]["/services"]["get"]["responses"]
    item = services["200"]["content"]["application/json"]["schema"]["properties"]["contents"]["items"]
    assert item["properties"]["x_mywaytowork"] == {"$ref": "#/components/schemas/x_mywaytowork"}
    assert document["components"]["schemas"]["x_mywaytowork"]["properties"]["summary"]
    assert services["200"]["content"]["application/x-ndjson"]["schema"] == item
    assert services["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert {"200", "304", "404"} <= set(document["paths"]["/services/{id}"]["get"]["responses"])
    body = client.get("/api/services?per_page=1").get_json()["contents"][0]
    assert (
        list(
            Draft202012Validator(document["components"]["schemas"]["x_mywaytowork"]).iter_errors(body["x_mywaytowork"])
        )
        == []
    )


@pytest.mark.parametrize(
    "method, path", [("get", "/api/"), ("get", "/api/services"), ("get", "/api/nowhere"), ("post", "/api/services")]
)
def test_every_api_answer_may_be_read_by_any_web_page(client, method, path):
    assert getattr(client, method)(path).headers["Access-Control-Allow-Origin"] == "*"


def test_the_site_s_own_pages_are_not_opened_to_other_origins(client):
    assert "Access-Control-Allow-Origin" not in client.get("/how-we-sort-services").headers


@pytest.mark.parametrize(
    "path",
    [
        "/api/nowhere",
        "/api/services/",
        "/api/services/nobody/else",
        "/api/taxonomies/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
        "/api/taxonomy_terms/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
        "/api/organizations/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
        "/api/service_at_locations/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d",
    ],
)
def test_unknown_ids_and_paths_are_a_404_in_json(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json()["error"] == "not_found" and response.get_json()["message"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writing_is_a_405_in_json(client, method):
    response = getattr(client, method)("/api/services")
    assert response.status_code == 405 and response.mimetype == "application/json"
    assert response.get_json()["error"] == "method_not_allowed" and response.get_json()["message"]
    assert "GET" in response.headers["Allow"]


def test_a_failure_inside_the_api_is_a_500_in_json(client, monkeypatch):
    def broken(*_args):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("app.pathways.api.records.full_organization", broken)
    response = client.get("/api/organizations/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d")
    assert response.status_code == 500 and response.mimetype == "application/json"
    assert response.get_json()["error"] == "internal_server_error"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "value", ["not-a-date", "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00", "2026-13-01T00:00:00Z"]
)
def test_a_modified_after_that_is_no_date_or_out_of_range_is_a_400_in_json(client, value):
    response = client.get(f"/api/services?modified_after={value}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert response.get_json()["parameter"] == "modified_after" and response.get_json()["message"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_modified_after_at_the_edges_of_time_lists_everything_or_nothing(client):
    assert client.get("/api/services?modified_after=0001-01-01T00:00:00Z").get_json()["total_items"] == 44
    assert client.get("/api/services?modified_after=0001-01-01T00:00:00-14:00").get_json()["total_items"] == 44
    assert client.get("/api/services?modified_after=9999-12-31T23:59:59Z").get_json()["empty"]


@pytest.mark.parametrize("path, schema_file", LISTS.items())
def test_every_list_is_a_valid_page_that_holds_the_whole_directory_at_1000_a_page(client, path, schema_file):
    body = client.get(f"{path}?per_page=1000").get_json()
    item_validator = schema.list_item_validator() if path == "/api/services" else schema.validator(schema_file)
    assert_valid_page(body, item_validator)
    assert body["size"] == body["total_items"] > 0 and body["total_pages"] == 1 and body["last_page"]
    _no_empty_values(body)
    second = client.get(f"{path}?per_page=1&page=2").get_json()
    assert second["size"] == 1 and second["page_number"] == 2 and second["contents"][0] == body["contents"][1]


def test_the_lists_hold_what_the_demo_directory_has(client):
    def listed(path):
        return client.get(f"{path}?per_page=1000").get_json()["contents"]

    records = demo_records()
    assert len(listed("/api/services")) == len(records) == 44
    assert {o["id"] for o in listed("/api/organizations")} == {r["organization_id"] for r in records}
    assert {s["id"] for s in listed("/api/service_at_locations")} == {
        sal["id"] for r in records for sal in r.get("service_at_locations", [])
    }
    assert {t["taxonomy_id"] for t in listed("/api/taxonomy_terms")} == {v.id for v in VOCABULARIES.values()}
    assert listed("/api/taxonomy_terms") == listed("/api/taxonomy-terms")


def test_each_record_by_id_is_valid_and_matches_the_directory(client):
    harbour = next(r for r in demo_records() if r["id"] == HARBOUR_CAFE)
    attribute = harbour["attributes"][0]
    term = attribute["taxonomy_term"]
    by_id = {
        f"/api/taxonomies/{term['taxonomy_id']}": ("taxonomy.json", term["taxonomy_detail"]),
        f"/api/taxonomy_terms/{term['id']}": ("taxonomy_term.json", term),
        f"/api/service_at_locations/{harbour['service_at_locations'][0]['id']}": (
            "service_at_location.json",
            harbour["service_at_locations"][0],
        ),
    }
    for path, (schema_file, expected) in by_id.items():
        body = client.get(path).get_json()
        assert list(schema.validator(schema_file).iter_errors(body)) == [], path
        assert body == expected, path
    organization = client.get(f"/api/organizations/{harbour['organization_id']}").get_json()
    assert list(schema.validator("organization.json").iter_errors(organization)) == []
    assert {key: value for key, value in organization.items() if key != "services"} == harbour["organization"]
    assert {s["name"] for s in organization["services"]} == {"Harbour Café training jobs", "Event catering team"}
    for item in organization["services"]:
        assert list(schema.list_item_validator().iter_errors(item)) == []
    _no_empty_values(organization)


@pytest.mark.parametrize("path", list(LISTS))
def test_bad_paging_on_every_list_is_a_400_in_json(client, path):
    for query in ("page=0", "per_page=1001", "per_page=ten"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400 and response.mimetype == "application/json", query
