"""Input a database cannot keep, on SQLite and PostgreSQL: NUL and other control characters, ids beyond an
id column and dates with no day after them are refused or cleaned before any query, never a server error."""

import pytest
from sqlalchemy import select

from app.checklists.models import ChecklistAnswer
from tests.site import PageCheckingClient, sign_in_as

SERVICE = "5ec69b07-4433-591e-a591-34f8423d4d5d"


@pytest.fixture
def client(site):
    site.test_client_class = PageCheckingClient
    return site.test_client()


def test_a_nul_in_a_service_address_is_a_page_not_found(client):
    assert client.get("/services/ab%00cd").status_code == 404


@pytest.mark.parametrize("kind", ["services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations"])
def test_a_nul_in_an_api_id_is_a_json_not_found(client, kind):
    response = client.get(f"/api/{kind}/ab%00cd")
    assert response.status_code == 404
    assert response.is_json and response.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/find-work/ab%01cd").status_code == 404


def test_a_nul_in_the_service_to_ask_for_help_from_is_taken_out(client):
    assert client.get("/ask-for-help/start", query_string={"service": "ab\x00cd"}).status_code == 404
    page = client.get("/ask-for-help/start", query_string={"service": SERVICE[:8] + "\x00" + SERVICE[8:]})
    assert page.status_code == 200, "the service is found once the NUL is taken out"


def test_a_checklist_text_answer_keeps_the_words_without_the_control_characters(site, client):
    response = client.post("/my-work/all-about-me/proud-of", data={"answer": "My\x00 gar\x07den", "action": "continue"})
    assert response.status_code == 302
    with site.app_context():
        with site.extensions["database"]["factory"]() as session:
            saved = session.scalars(select(ChecklistAnswer.text).where(ChecklistAnswer.step_id == "proud-of")).all()
    assert "My garden" in saved


@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/forgot-password"])
def test_staff_emails_with_a_nul_show_the_form_again(client, path):
    response = client.post(path, data={"email": "admin\x00@example.org", "password": "x" * 12})
    assert response.status_code in (200, 302, 429)
    if response.status_code != 302:
        assert "<form" in response.get_data(as_text=True)


@pytest.mark.parametrize("number", [2**31, 2**63, 2**64, 10**30])
def test_ids_larger_than_an_id_column_are_pages_not_found(client, number):
    sign_in_as(client, "school")
    assert client.get(f"/staff/pupils/{number}").status_code == 404
    sign_in_as(client, "council-admin")
    assert client.post(f"/staff/messages/{number}/send-again").status_code == 404


@pytest.mark.parametrize("path", ["/staff/referrals", "/staff/referrals/export.csv"])
@pytest.mark.parametrize("day", ["9999-12-31", "9999-01-01", "0001-01-01"])
def test_inbox_dates_at_the_ends_of_the_calendar_are_filter_problems_or_kept(client, path, day):
    sign_in_as(client, "council-admin")
    response = client.get(path, query_string={"from": day, "to": day})
    assert response.status_code == 200
    if path.endswith("referrals") and day.startswith("9999"):
        assert "Choose a date in 9998 or before" in response.get_data(as_text=True)


@pytest.mark.parametrize("typed", [{"age": "²"}, {"age": "١٩"}, {"day": "²", "month": "1", "year": "2000"}])
def test_digits_from_other_scripts_in_an_age_are_asked_for_again(client, typed):
    client.get("/ask-for-help/start", query_string={"service": SERVICE})
    response = client.post("/ask-for-help/age", data=typed)
    assert response.status_code == 200
    assert "in numbers" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["²", "9" * 40])
def test_odd_page_numbers_in_staff_lists_show_the_first_page(client, page):
    sign_in_as(client, "council-admin")
    assert client.get("/staff/referrals", query_string={"page": page}).status_code == 200
    assert client.get("/staff/audit", query_string={"page": page, "staff": page}).status_code == 200
