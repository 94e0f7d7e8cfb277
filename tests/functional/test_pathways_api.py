"""The read-only Open Referral API: page shape and records valid against the HSDS 3.0 schemas, clear 400s and 404s."""

import pytest
from jsonschema import Draft202012Validator

from app.pathways import schema
from app.pathways.taxonomies import VOCABULARIES
from tests.pathways_builders import demo_records

HARBOUR_CAFE = "a4f34fe0-24fc-58f9-8922-919c6081da3c"
PAGE_FIELDS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def assert_valid_page(body: dict, item_validator) -> None:
    assert set(body) == PAGE_FIELDS
    assert list(Draft202012Validator(schema.page_schema()).iter_errors(body)) == []
    for item in body["contents"]:
        assert list(item_validator.iter_errors(item)) == [], item["id"]


def test_the_services_page_has_the_hsds_shape_and_valid_items(client):
    body = client.get("/api/services").get_json()
    assert_valid_page(body, schema.list_item_validator())
    assert body["total_items"] == 44 and body["size"] == 44 and body["total_pages"] == 1
    assert body["first_page"] and body["last_page"] and not body["empty"]
    assert "contacts" not in body["contents"][0] and "x_mywaytowork" in body["contents"][0]


def test_full_services_are_fully_nested_and_valid(client):
    body = client.get("/api/services?full=true&per_page=5&page=2").get_json()
    assert_valid_page(body, schema.validator())
    assert body["page_number"] == 2 and body["size"] == 5 and body["total_pages"] == 9
    assert not body["first_page"] and not body["last_page"]
    assert all(item["attributes"] and item["organization"] for item in body["contents"])


def test_one_service_is_a_full_valid_record(client):
    body = client.get(f"/api/services/{HARBOUR_CAFE}").get_json()
    assert list(schema.validator().iter_errors(body)) == []
    assert body == next(record for record in demo_records() if record["id"] == HARBOUR_CAFE)


def test_an_unknown_service_is_a_404_in_json(client):
    response = client.get("/api/services/0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d")
    assert response.status_code == 404 and response.get_json()["error"] == "not_found"


def test_search_and_filters_narrow_the_list(client):
    def names(query):
        return {item["name"] for item in client.get(f"/api/services?{query}").get_json()["contents"]}

    assert names("search=caf%C3%A9") >= {"Harbour Café training jobs"}
    step = VOCABULARIES["ladder-step"]
    assert len(names(f"taxonomy_term_id={step.term_id('volunteering')}")) == 10
    assert len(names(f"taxonomy_id={VOCABULARIES['support-need'].id}")) == 44
    organization = next(r["organization_id"] for r in demo_records() if r["id"] == HARBOUR_CAFE)
    assert names(f"organization_id={organization}") == {"Harbour Café training jobs", "Event catering team"}
    assert len(names("modified_after=2026-11-15T00:00:00Z")) == len(
        [r for r in demo_records() if r["last_modified"] >= "2026-11-15T00:00:00Z"]
    )


def test_a_page_past_the_end_is_empty_but_keeps_its_number(client):
    body = client.get("/api/services?page=50").get_json()
    assert body["contents"] == [] and body["page_number"] == 50 and body["size"] == 0 and body["total_items"] == 44


def test_no_matches_is_an_empty_page(client):
    body = client.get("/api/services?search=helicopter").get_json()
    assert body["empty"] and body["total_items"] == 0 and body["total_pages"] == 1


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=" + "9" * 50, "page"),
        ("per_page=0", "per_page"),
        ("modified_after=2026-11-01T09:00:00Z" + "x" * 40, "modified_after"),
        ("per_page=1001", "per_page"),
        ("full=perhaps", "full"),
        ("modified_after=yesterday", "modified_after"),
        ("taxonomy_term_id=%3Cscript%3E", "taxonomy_term_id"),
        ("organization_id=" + "x" * 100, "organization_id"),
        ("search=" + "x" * 500, "search"),
        ("search=%00", "search"),
    ],
)
def test_bad_parameters_are_a_400_in_json_never_a_500(client, query, parameter):
    response = client.get(f"/api/services?{query}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert response.get_json()["parameter"] == parameter


def test_unknown_parameters_are_ignored(client):
    assert client.get("/api/services?colour=red&format=json").status_code == 200


def test_our_taxonomies_and_terms_are_published_as_valid_hsds_records(client):
    taxonomies = client.get("/api/taxonomies").get_json()
    assert_valid_page(taxonomies, schema.validator("taxonomy.json"))
    assert {t["id"] for t in taxonomies["contents"]} == {v.id for v in VOCABULARIES.values()}
    terms = client.get(f"/api/taxonomy-terms?per_page=200&taxonomy_id={VOCABULARIES['ladder-step'].id}").get_json()
    assert_valid_page(terms, schema.validator("taxonomy_term.json"))
    assert {t["code"] for t in terms["contents"]} == {
        "volunteering",
        "social-enterprise",
        "supported-employment",
        "independent-employment",
    }
