"""Where is my request? Found with the reference and the code or the date of birth, the same answer for any
wrong one, each status in easy read in English and Welsh, nothing personal shown, and tries limited."""

import re
from datetime import date

import pytest

from app.referrals.after import keyed_hash
from tests.site import sign_in_as
from tests.staff_builders import make_referral

STATUS = "/ask-for-help/status"
CODE = "HK7-4MX"
BORN = date(2005, 3, 27)


@pytest.fixture
def reference(app):
    with app.app_context():
        hashed = keyed_hash(CODE)
    return make_referral(app, status_code_hash=hashed, date_of_birth=BORN)


def look(client, reference: str, code: str = "", born: tuple = ("", "", "")):
    return client.post(
        STATUS, data={"reference": reference, "code": code, "day": born[0], "month": born[1], "year": born[2]}
    )


def test_the_reference_and_code_show_where_the_request_is_and_nothing_personal(client, reference):
    response = look(client, reference.lower().replace("-", " "), code=CODE.lower())
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{STATUS}/result")
    page = client.get(f"{STATUS}/result").get_data(as_text=True)
    assert f"Your reference is {reference}." in page
    assert "The service has your request. They have not talked to you yet." in page
    assert "Now: Received" in page and "Not yet: Contacted" in page
    for personal in ("Test Person", "01632 960999", "test.person@example.org", "2005", "bsl", "BSL"):
        assert personal not in page


def test_the_date_of_birth_finds_it_too(client, reference):
    assert look(client, reference, born=("27", "3", "2005")).status_code == 302


def test_a_wrong_reference_code_or_date_all_get_the_same_answer(client, reference):
    pages = [
        look(client, reference, code="AAA-AAA"),
        look(client, "AAAA-AAAA", code=CODE),
        look(client, reference, born=("28", "3", "2005")),
        look(client, "not a reference", code="not a code"),
    ]
    assert [p.status_code for p in pages] == [200] * 4
    errors = [re.findall(r'<li><a href="#([a-z]+)"[^>]*>([^<]+)</a></li>', p.get_data(as_text=True)) for p in pages]
    not_found = "We could not find your request. Check your reference and your code or date of birth."
    assert errors == [[("reference", not_found)]] * 4
    assert "No request to show" in client.get(f"{STATUS}/result").get_data(as_text=True)  # nothing was found


def test_missing_answers_get_easy_read_errors_and_keep_what_was_typed(client):
    page = look(client, "").get_data(as_text=True)
    assert "Write your reference. It has 8 letters and numbers." in page
    assert "Write your code or your date of birth." in page
    page = look(client, "K7MR-4WAX", born=("31", "2", "2005")).get_data(as_text=True)
    assert "This date does not exist. Check the day and the month." in page and 'value="K7MR-4WAX"' in page


@pytest.mark.parametrize(
    "status, words, welsh",
    [
        ("contacted", "The service has been in touch with you about your request.", "Nawr: Wedi cysylltu"),
        ("accepted", "The service has said yes. They will help you.", "Nawr: Wedi derbyn"),
        ("started", "You have started with the service.", "Nawr: Wedi dechrau"),
        ("closed", "Your request is closed. The service is not working on it now.", "Mae eich cais wedi cau."),
        ("signposted", "Your request went to a different service.", "Aeth eich cais at wasanaeth gwahanol."),
    ],
)
def test_each_status_is_said_in_easy_read_in_english_and_welsh(app, client, status, words, welsh):
    with app.app_context():
        hashed = keyed_hash(CODE)
    reference = make_referral(app, status_code_hash=hashed, status=status)
    look(client, reference, code=CODE)
    assert words in client.get(f"{STATUS}/result").get_data(as_text=True)
    page = client.get(f"{STATUS}/result", query_string={"lang": "cy"}).get_data(as_text=True)
    assert '<html lang="cy"' in page and welsh in page and "Ble mae eich cais" in page


def test_the_page_follows_a_status_change_by_staff(app, client, reference):
    look(client, reference, code=CODE)
    staff = app.test_client()
    sign_in_as(staff, "provider")
    assert staff.post(f"/staff/referrals/{reference}/status", data={"status": "contacted"}).status_code == 302
    page = client.get(f"{STATUS}/result").get_data(as_text=True)
    assert "Now: Contacted" in page and "Done: Received" in page


def test_the_status_form_is_in_welsh(client):
    page = client.get(STATUS, query_string={"lang": "cy"}).get_data(as_text=True)
    assert "Ble mae fy nghais?" in page and "Eich cod i wirio eich cais" in page and "Where is" not in page


def test_finish_forgets_the_request_on_this_computer(client, reference):
    look(client, reference, code=CODE)
    assert client.post(f"{STATUS}/done").status_code == 302
    assert "No request to show" in client.get(f"{STATUS}/result").get_data(as_text=True)


def test_tries_at_one_reference_are_limited(app, client, reference):
    app.config["STATUS_TRIES_PER_REFERENCE"] = 3
    for _ in range(3):
        assert look(client, reference, code="AAA-AAA").status_code == 200
    assert look(client, reference, code=CODE).status_code == 429  # even the right code, once over the limit
    other = app.test_client()
    assert look(other, reference, code=CODE).status_code == 429  # another browser, the same reference


def test_tries_from_one_browser_are_limited_across_references(app, client):
    app.config.update(STATUS_TRIES_PER_BROWSER=3, STATUS_TRIES_PER_REFERENCE=100, STATUS_TRIES_PER_CLIENT=100)
    for guess in ("AAAA-AAAA", "AAAA-AAAF", "AAAA-AAAH"):
        assert look(client, guess, code=CODE).status_code == 200
    page = look(client, "AAAA-AAAJ", code=CODE)
    assert page.status_code == 429 and "You have tried too many times" in page.get_data(as_text=True)
    assert look(app.test_client(), "AAAA-AAAK", code=CODE).status_code == 200  # a new browser, same address


def test_tries_from_one_address_are_limited_across_browsers(app):
    app.config.update(STATUS_TRIES_PER_CLIENT=2, STATUS_TRIES_PER_BROWSER=100, STATUS_TRIES_PER_REFERENCE=100)
    for guess in ("AAAA-AAAA", "AAAA-AAAF"):
        assert look(app.test_client(), guess, code=CODE).status_code == 200
    assert look(app.test_client(), "AAAA-AAAH", code=CODE).status_code == 429
