"""Generated query strings sent to every list and record of the Open Referral API, on SQLite and PostgreSQL:
every parameter the standard names, with good values, bad values and any text. The answer is always JSON:
a page, an ndjson stream or a 400 that names the parameter; never HTML, never a server error."""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.db.test_input_properties import CHECKED, bad

LISTS = ["/api/services", "/api/taxonomies", "/api/taxonomy_terms", "/api/organizations", "/api/service_at_locations"]
TERM = "7c77d987-b676-5e92-9dc6-f459dbaaa4ce"
GOOD = {
    "search": st.sampled_from(["café", "garden", "work with support", "ZZ", "%", "_", "'"]),
    "page": st.integers(1, 3).map(str),
    "per_page": st.integers(1, 1000).map(str),
    "format": st.sampled_from(["json", "ndjson", "NDJSON"]),
    "taxonomy_term_id": st.sampled_from([TERM, "0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d"]),
    "taxonomy_id": st.just("23e55677-5f58-5dad-832d-aa15e59c1150"),
    "organization_id": st.just("867bec37-2a00-55c9-8947-e49487205133"),
    "modified_after": st.sampled_from(["2026-11-01T00:00:00Z", "2026-11-01", "2026-11-01T00:00:00+14:00"]),
    "minimal": st.sampled_from(["true", "false"]),
    "full": st.sampled_from(["true", "false", "1", "no"]),
    "top_only": st.sampled_from(["true", "false"]),
    "parent_id": st.just(TERM),
    "full_service": st.sampled_from(["true", "false"]),
    "postcode": st.sampled_from(["SB2 1AA", "sb21aa", "SB2", "ZZ9 9ZZ", "SB2 1A"]),
    "proximity": st.sampled_from(["1", "500", "100000", "100001", "0"]),
}
query_strings = st.dictionaries(
    st.sampled_from(sorted(GOOD)), st.one_of(*GOOD.values(), bad, st.lists(bad, max_size=2)), max_size=6
)


@pytest.fixture
def client(site):
    return site.test_client()


def answered_in_json(response) -> None:
    """A page of records, an ndjson stream of them, or a 400 naming a parameter that was sent."""
    assert response.status_code in (200, 400), response.status_code
    body = response.get_data(as_text=True)
    if response.status_code == 400:
        assert response.mimetype == "application/json" and json.loads(body)["parameter"]
    elif response.mimetype == "application/x-ndjson":
        assert all(json.loads(line)["id"] for line in body.splitlines())
    else:
        assert response.mimetype == "application/json" and "contents" in json.loads(body)


@CHECKED
@given(path=st.sampled_from(LISTS), query=query_strings)
def test_every_list_answers_any_query_in_json(client, path, query):
    response = client.get(path, query_string=query)
    answered_in_json(response)
    if response.status_code == 400:
        assert response.get_json()["parameter"] in query


@CHECKED
@given(query=query_strings, part=bad)
@example(query={}, part="/\x1f")  # a doubled slash and a control character: refused before routing ends
def test_records_by_id_answer_any_query_and_any_id_in_json(client, query, part):
    quoted = part.replace("%", "%25").replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
    for path in ("/api/services/", "/api/organizations/", "/api/taxonomy_terms/"):
        response = client.get(path + quoted, query_string=query)
        assert response.status_code in (200, 308, 400, 404), response.status_code
        if response.status_code != 308:  # a doubled slash, sent on to the same address with one
            assert response.mimetype == "application/json"
