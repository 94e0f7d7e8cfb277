"""Ask for help, through the pages: each kind of asker in English and Welsh, consent, duplicates,
routing to the council's team, and every question's easy-read errors."""

import re

import pytest
from sqlalchemy import func, select

from app.outbox.models import OutboxMessage
from app.referrals.models import Referral, ReferralEvent
from tests.site import draft_row, make_app, open_demo_plan

SELF_SERVICE = (
    "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Supported employment with a job coach (works@ / supported-employment@)
)
WORKER_SERVICE = "d3e44d29-a554-5026-a005-2178af9a9f44"  # Project SEARCH: a worker must refer
BASE = "/ask-for-help"
PERSON = {"name": "Sam Tester", "phone": "07700 900123", "email": "sam.tester@example.net", "area": "Harbourside"}
FAMILY = {
    "asker_name": "Jo Tester",
    "asker_relationship": "Mother",
    "asker_phone": "07700 900456",
    "asker_email": "jo.tester@example.net",
}


def _rows_after(app, model, last_id: int) -> list:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            return list(session.scalars(select(model).where(model.id > last_id).order_by(model.id)))


@pytest.fixture
def new_rows(app):
    """Rows made during the test (the demo data has referrals of its own)."""
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            last = {
                model: session.scalar(select(func.max(model.id))) or 0
                for model in (Referral, ReferralEvent, OutboxMessage)
            }
    return lambda model: _rows_after(app, model, last[model])


def post(client, step: str, data: dict, expect: str | None = None, **query):
    """Answer one question; check it goes on to the expected page."""
    response = client.post(f"{BASE}/{step}", data=data, query_string=query)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    if expect is not None:
        assert response.headers["Location"].split("?")[0] == expect, response.headers["Location"]
    return response.headers["Location"]


def answer_about_the_person(client, asker: str, age: str = "19", born: tuple = ("", "", "")) -> None:
    post(client, "name", {"answer": PERSON["name"]}, f"{BASE}/age")
    post(client, "age", {"age": age, "day": born[0], "month": born[1], "year": born[2]}, f"{BASE}/area")
    post(client, "area", {"answer": PERSON["area"]}, f"{BASE}/contact-language")


def walk_to_check(
    client, asker: str = "self", with_plan: bool = False, service: str = SELF_SERVICE, start: dict | None = None
) -> None:
    """Every question, answered as a person would, up to the check page."""
    assert client.get(f"{BASE}/start", query_string=start or {"service": service}).status_code == 200
    after_who = {"professional": "where-you-work", "family": "about-you"}.get(asker, "name")
    post(client, "who", {"answer": asker}, f"{BASE}/{after_who}")
    if asker == "family":
        post(client, "about-you", FAMILY, f"{BASE}/name")
    if asker == "professional":
        post(client, "where-you-work", {"answer": "college"}, f"{BASE}/your-details")
        details = {
            "asker_name": "Pat Worker",
            "asker_organisation": "Sandbridge College",
            "asker_role": "Tutor",
            "asker_email": "pat.worker@college.example.net",
        }
        post(client, "your-details", details, f"{BASE}/name")
    answer_about_the_person(client, asker)
    post(client, "contact-language", {"answer": "other"}, f"{BASE}/interpreter-language")
    post(client, "interpreter-language", {"answer": "Polish"}, f"{BASE}/contact-ways")
    post(client, "contact-ways", {"answer": ["phone", "email"]}, f"{BASE}/phone-number")
    post(client, "phone-number", {"answer": PERSON["phone"]}, f"{BASE}/email-address")
    post(client, "email-address", {"answer": PERSON["email"]}, f"{BASE}/contact-times")
    post(client, "contact-times", {"answer": ["morning"]}, f"{BASE}/communication")
    after_communication = "consent" if asker == "self" else "person-knows"
    post(client, "communication", {"answer": ["easy-read"]}, f"{BASE}/{after_communication}")
    if asker != "self":
        post(client, "person-knows", {"answer": "yes"}, f"{BASE}/consent")
    post(client, "consent", {"answer": "yes"}, f"{BASE}/work-plan" if with_plan else f"{BASE}/anything-else")
    if with_plan:
        post(client, "work-plan", {"answer": "yes"}, f"{BASE}/anything-else")
    post(client, "anything-else", {"answer": "I like gardens."}, f"{BASE}/check")


def send(client) -> str:
    """Press Send on the check page; returns the reference the confirmation shows."""
    assert f'action="{BASE}/send"' in client.get(f"{BASE}/check").get_data(as_text=True)
    response = client.post(f"{BASE}/send")
    assert response.headers["Location"].endswith(f"{BASE}/sent")
    return reference_shown(client)


def reference_shown(client) -> str:
    page = client.get(f"{BASE}/sent").get_data(as_text=True)
    shown = re.search(r'<p class="resume-code"[^>]*>([^<]+)</p>', page).group(1)
    return shown.replace("\u00a0", "").replace(" ", "")


def draft_in(client):
    """The answers this browser's draft holds on the server, or None when it has no draft being filled in."""
    row = draft_row(client, "ask-for-help")
    return row.data if row is not None and row.sent_at is None else None


@pytest.mark.parametrize(
    "asker, lang, with_plan",
    [
        ("self", "en", False),
        ("family", "en", True),
        ("professional", "en", False),
        ("self", "cy", True),
        ("family", "cy", False),
        ("professional", "cy", True),
    ],
)
def test_each_kind_of_asker_sends_one_request_in_english_and_welsh(app, client, asker, lang, with_plan, new_rows):
    client.get("/", query_string={"lang": lang})
    if with_plan:
        open_demo_plan(client)
    walk_to_check(client, asker, with_plan)
    check_page = client.get(f"{BASE}/check").get_data(as_text=True)
    assert f'<html lang="{lang}"' in check_page and PERSON["name"] in check_page
    reference = send(client)

    [referral] = new_rows(Referral)
    assert referral.reference == reference and referral.asker == asker and referral.lang == lang
    assert referral.person_name == PERSON["name"] and referral.age == 19 and referral.age_band == "19-25"
    assert referral.contact_methods == ["phone", "email"] and referral.phone == PERSON["phone"]
    assert referral.needs == ["easy-read"] and referral.interpreter_language == "Polish"
    assert referral.contact_language == "other" and referral.message_lang == lang
    assert referral.service_id == SELF_SERVICE and referral.routed_to_council is False and referral.status == "new"
    assert referral.consent_at is not None and referral.message == "I like gardens."
    assert (referral.asker_email == "pat.worker@college.example.net") == (asker == "professional")
    assert referral.person_knows == (None if asker == "self" else "yes")
    assert (referral.asker_name, referral.asker_relationship, referral.asker_phone) == {
        "self": (None, None, None),
        "family": ("Jo Tester", "Mother", "07700 900456"),
        "professional": ("Pat Worker", None, None),
    }[asker]
    assert (referral.asker_email == "jo.tester@example.net") == (asker == "family")
    assert (referral.professional_kind == "college") == (asker == "professional")
    assert (referral.plan is not None) == with_plan and (referral.checklist_session_id is not None) == with_plan
    if with_plan:
        assert referral.plan["sections"] and all(s["sentences"] for s in referral.plan["sections"])
    [event] = new_rows(ReferralEvent)
    assert (event.kind, event.to_status, event.referral_id) == ("created", "new", referral.id)
    message, to_person = sorted(new_rows(OutboxMessage), key=lambda m: m.kind != "new-referral")
    assert message.referral_id == referral.id and message.kind == "new-referral"
    assert to_person.referral_id == referral.id and to_person.kind == "confirmation"
    # The confirmation goes to whoever asked, at their own email when they gave one.
    to_address = {"professional": "pat.worker@college.example.net", "family": "jo.tester@example.net"}
    assert to_person.to_address == to_address.get(asker, PERSON["email"])
    assert reference in to_person.subject and reference in to_person.body
    welsh = "Cawsom eich cais am help" in to_person.subject
    assert welsh == (lang == "cy")
    for personal in (*PERSON.values(), "Polish", "gardens", "Pat Worker"):
        assert personal not in to_person.body and personal not in to_person.subject
    assert message.to_address == "supported-employment@example.org"
    assert message.subject == f"New request for help: {reference}"
    assert f"/staff/referrals/{reference}" in message.body
    for personal in (*PERSON.values(), "Polish", "gardens", "Pat Worker", "pat.worker"):
        assert personal not in message.body and personal not in message.subject

    confirmation = client.get(f"{BASE}/sent").get_data(as_text=True)
    assert "\u00a0".join(reference[:4]) + " - " + "\u00a0".join(reference[5:]) in confirmation
    assert PERSON["name"] not in confirmation
    assert draft_in(client) is None
    assert (
        client.get(f"{BASE}/sent").status_code == 200 and reference_shown(client) == reference
    )  # a refresh shows it again


def test_welsh_pages_are_in_welsh(client):
    client.get("/", query_string={"lang": "cy"})
    page = client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE}).get_data(as_text=True)
    assert "Gofyn am help" in page and "Ask for help" not in page
    assert "Pwy sy'n gofyn am help?" in client.get(f"{BASE}/who").get_data(as_text=True).replace("&#39;", "'")


def test_saying_no_to_sharing_ends_kindly_and_saves_nothing(app, client, new_rows):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "self"})
    post(client, "consent", {"answer": "no"}, f"{BASE}/not-sent")
    page = client.get(f"{BASE}/not-sent").get_data(as_text=True)
    assert "We did not save any of your answers." in page
    assert f'href="/services/{SELF_SERVICE}"' in page and 'href="/services"' in page
    assert draft_in(client) is None
    assert len(new_rows(Referral)) == len(new_rows(OutboxMessage)) == 0
    assert client.get(f"{BASE}/check").status_code == 302  # nothing left to send


def test_under_16_needs_a_parent_or_carer_too_and_their_no_saves_nothing(app, client, new_rows):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "family"})
    post(client, "age", {"age": "", "day": "1", "month": "1", "year": "2012"})
    post(client, "consent", {"answer": "yes"}, f"{BASE}/parent-consent")
    page = client.get(f"{BASE}/parent-consent").get_data(as_text=True)
    assert "The person is under 16, so a parent or carer must agree too." in page
    post(client, "parent-consent", {"parent_name": "Jo Parent", "answer": "no"}, f"{BASE}/not-sent")
    assert draft_in(client) is None and len(new_rows(Referral)) == 0


def test_under_16_with_a_parent_or_carer_agreeing_is_sent(app, client, new_rows):
    walk_to_check(client, "family")
    # The service is for people aged 16 and over: the person is told, and can still ask.
    post(client, "age", {"age": "14"}, f"{BASE}/age-check", **{"from": "check"})
    notice = client.get(f"{BASE}/age-check", query_string={"from": "check"}).get_data(as_text=True)
    assert "This service is for people aged 16 and over." in notice and "You can still ask for help." in notice
    post(client, "age-check", {}, f"{BASE}/parent-consent", **{"from": "check"})
    missing = client.get(f"{BASE}/check").get_data(as_text=True)
    assert "Some questions are not answered yet." in missing and "Send my request" not in missing
    post(client, "parent-consent", {"parent_name": "Jo Parent", "answer": "yes"}, f"{BASE}/check", **{"from": "check"})
    send(client)
    [referral] = new_rows(Referral)
    assert referral.age_band == "14-15" and referral.parent_consent_name == "Jo Parent"
    assert referral.parent_consent_at is not None and referral.age_outside_range is True


def test_sending_twice_makes_one_request_and_shows_the_same_reference(app, client, new_rows):
    walk_to_check(client)
    before = client.get_cookie("session").value  # a double press: the second comes before the first's cookie
    first = client.post(f"{BASE}/send")
    client.set_cookie("session", before)
    second = client.post(f"{BASE}/send")
    third = client.post(f"{BASE}/send")  # a refresh of the confirmation's POST, with the newer cookie
    assert first.headers["Location"] == second.headers["Location"] == third.headers["Location"]
    [referral] = new_rows(Referral)
    assert reference_shown(client) == referral.reference
    assert len(new_rows(ReferralEvent)) == 1
    assert sorted(m.kind for m in new_rows(OutboxMessage)) == ["confirmation", "new-referral"]


def test_the_key_for_send_is_made_with_the_draft_and_a_key_in_the_form_is_ignored(app, client, new_rows):
    walk_to_check(client)
    page = client.get(f"{BASE}/check").get_data(as_text=True)
    assert 'name="key"' not in page
    made = draft_row(client, "ask-for-help").idempotency_key
    client.post(f"{BASE}/send", data={"key": "k" * 43})
    [referral] = new_rows(Referral)
    assert referral.idempotency_key == made != "k" * 43


def test_another_browser_sending_the_first_ones_key_makes_its_own_request_and_sees_only_its_own(app, client, new_rows):
    walk_to_check(client)
    key = draft_row(client, "ask-for-help").idempotency_key
    reference = send(client)
    other = app.test_client()
    walk_to_check(other)
    response = other.post(f"{BASE}/send", data={"key": key})
    assert response.headers["Location"].endswith(f"{BASE}/sent")
    first, second = new_rows(Referral)
    assert first.reference == reference and reference_shown(other) == second.reference != reference
    assert first.idempotency_key == key != second.idempotency_key


def test_a_service_that_needs_a_worker_sends_the_request_to_the_council_team(app, client, new_rows):
    page = client.get(f"{BASE}/start", query_string={"service": WORKER_SERVICE}).get_data(as_text=True)
    assert "A worker usually asks this service for you." in page
    assert "You can still ask for help here." in page
    walk_to_check(client, service=WORKER_SERVICE)
    send(client)
    [referral] = new_rows(Referral)
    assert referral.routed_to_council and referral.requested_service_id == WORKER_SERVICE
    assert referral.service_id == WORKER_SERVICE and referral.service_name == "Project SEARCH at Sandbridge Hospital"
    assert referral.organization_id == app.config["COUNCIL_ORGANIZATION_ID"]
    [message] = [m for m in new_rows(OutboxMessage) if m.kind == "new-referral"]
    assert message.to_address == app.config["COUNCIL_TEAM_EMAIL"]
    assert "We sent your request to Sandbridge Council" in client.get(f"{BASE}/sent").get_data(as_text=True)


def test_asking_from_my_work_plan_goes_to_the_council_team_with_the_plan(app, client, new_rows):
    open_demo_plan(client)
    assert 'href="/ask-for-help/start?from=plan"' in client.get("/my-work/plan").get_data(as_text=True)
    walk_to_check(client, with_plan=True, start={"from": "plan"})
    send(client)
    [referral] = new_rows(Referral)
    assert referral.routed_to_council and referral.organization_id == app.config["COUNCIL_ORGANIZATION_ID"]
    assert referral.service_name == app.config["COUNCIL_TEAM_NAME"] and referral.plan is not None


def test_service_pages_start_the_journey(client):
    page = client.get(f"/services/{SELF_SERVICE}").get_data(as_text=True)
    assert f'href="/ask-for-help/start?service={SELF_SERVICE}"' in page
    page = client.get(f"/services/{WORKER_SERVICE}").get_data(as_text=True)
    assert f'href="/ask-for-help/start?service={WORKER_SERVICE}"' in page
    assert "You can still ask for help here." in page and "team (demo)" in page


def test_the_plan_question_is_skipped_without_a_plan_open(client):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "consent", {"answer": "yes"}, f"{BASE}/anything-else")
    page = client.get(f"{BASE}/work-plan").get_data(as_text=True)
    assert "There is no plan open in this browser." in page


def test_change_links_come_back_to_the_check_page(app, client):
    walk_to_check(client)
    page = client.get(f"{BASE}/check").get_data(as_text=True)
    assert f'href="{BASE}/name?from=check"' in page
    name_page = client.get(f"{BASE}/name?from=check").get_data(as_text=True)
    assert f'value="{PERSON["name"]}"' in name_page and f'class="back-link" href="{BASE}/check"' in name_page
    post(client, "name", {"answer": "Sam Changed"}, f"{BASE}/check", **{"from": "check"})
    # Adding a way to contact asks for its details next, then comes back.
    post(
        client, "contact-ways", {"answer": ["phone", "email", "letter"]}, f"{BASE}/postal-address", **{"from": "check"}
    )
    post(client, "postal-address", {"answer": "1 Quay Street\nSandbridge"}, f"{BASE}/check", **{"from": "check"})
    post(client, "who", {"answer": "professional"}, f"{BASE}/where-you-work", **{"from": "check"})
    page = client.get(f"{BASE}/check").get_data(as_text=True)
    assert "Sam Changed" in page and "1 Quay Street" in page


def test_answers_to_questions_that_no_longer_apply_are_not_sent(app, client, new_rows):
    walk_to_check(client, "professional")
    post(client, "who", {"answer": "self"}, f"{BASE}/check", **{"from": "check"})
    post(client, "contact-ways", {"answer": ["phone"]}, f"{BASE}/check", **{"from": "check"})
    post(client, "communication", {"answer": ["none"]}, f"{BASE}/check", **{"from": "check"})
    post(client, "contact-language", {"answer": "cy"}, f"{BASE}/check", **{"from": "check"})
    send(client)
    [referral] = new_rows(Referral)
    assert referral.asker_email is None and referral.asker_name is None and referral.professional_kind is None
    assert referral.email is None and referral.phone == PERSON["phone"] and referral.person_knows is None
    assert referral.needs == [] and referral.interpreter_language is None and referral.contact_language == "cy"
    assert referral.message_lang == "cy" and referral.age_outside_range is None


def test_back_links_go_to_the_question_before(client):
    walk_to_check(client, "professional")
    page = client.get(f"{BASE}/name").get_data(as_text=True)
    assert f'class="back-link" href="{BASE}/your-details"' in page
    page = client.get(f"{BASE}/who").get_data(as_text=True)
    assert f'class="back-link" href="{BASE}/start?service={SELF_SERVICE}"' in page
    assert "Question 1 of" in page


def test_without_a_draft_every_page_sends_the_person_to_the_start_with_a_message(client):
    for path in (f"{BASE}/who", f"{BASE}/check", f"{BASE}/anything-else"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"] == f"{BASE}/start"
    assert client.post(f"{BASE}/name", data={"answer": "x"}).headers["Location"] == f"{BASE}/start"
    assert client.post(f"{BASE}/send").headers["Location"] == f"{BASE}/start"
    page = client.get(f"{BASE}/start").get_data(as_text=True)
    assert "We cannot find your answers." in page
    assert "We cannot find your answers." not in client.get(f"{BASE}/start").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        f"{BASE}/start?service=no-such-service",
        f"{BASE}/who?service=" + "x" * 500,
        f"{BASE}/no-such-question?service={SELF_SERVICE}",
    ],
)
def test_unknown_services_and_questions_get_the_404_page(client, path):
    assert client.get(path).status_code == 404


def errors_on(client, step: str, data: dict) -> str:
    response = client.post(f"{BASE}/{step}", data=data)
    assert response.status_code == 200, f"{step} accepted {data}"
    page = response.get_data(as_text=True)
    assert 'class="error-summary"' in page and "<title>Error: " in page
    return page


@pytest.mark.parametrize(
    "step, data, message",
    [
        ("who", {}, "Choose one answer."),
        ("who", {"answer": "robot"}, "Choose from the answers on this page."),
        ("who", {"answer": ["self", "family"]}, "Choose from the answers on this page."),
        ("where-you-work", {}, "Choose one answer."),
        (
            "your-details",
            {"asker_name": "", "asker_organisation": "A", "asker_role": "B", "asker_email": "a@b.co"},
            "Write your name.",
        ),
        (
            "your-details",
            {"asker_name": "A", "asker_organisation": "", "asker_role": "B", "asker_email": "a@b.co"},
            "Write the name of your team or place of work.",
        ),
        (
            "your-details",
            {"asker_name": "A", "asker_organisation": "B", "asker_role": "", "asker_email": "a@b.co"},
            "Write your job.",
        ),
        (
            "your-details",
            {"asker_name": "A", "asker_organisation": "B", "asker_role": "C", "asker_email": ""},
            "Write your work email address.",
        ),
        (
            "your-details",
            {"asker_name": "A", "asker_organisation": "B", "asker_role": "C", "asker_email": "not an email"},
            "Write an email address like name@example.com.",
        ),
        (
            "your-details",
            {
                "asker_name": "A",
                "asker_organisation": "B",
                "asker_role": "C",
                "asker_email": "pat@college.example?cc=x%40evil.example",
            },
            "Write an email address like name@example.com.",
        ),
        (
            "your-details",
            {"asker_name": "A" * 121, "asker_organisation": "B", "asker_role": "C", "asker_email": "a@b.co"},
            "Write 120 letters or fewer.",
        ),
        ("name", {"answer": "   "}, "Write a name."),
        ("name", {"answer": "N" * 121}, "Write 120 letters or fewer."),
        ("age", {}, "Write an age or a date of birth."),
        ("age", {"age": "nineteen"}, "Write the age in numbers, like 19."),
        ("age", {"age": "0"}, "Write an age from 1 to 120."),
        ("age", {"age": "300"}, "Write an age from 1 to 120."),
        ("age", {"day": "31", "month": "2", "year": "2005"}, "This date does not exist. Check the day and the month."),
        ("age", {"day": "1", "month": "13", "year": "2005"}, "This date does not exist. Check the day and the month."),
        ("age", {"day": "1", "month": "1", "year": "2999"}, "The date of birth must be in the past."),
        ("age", {"day": "1", "month": "", "year": "2005"}, "Write the day, the month and the year."),
        ("age", {"day": "a", "month": "b", "year": "c"}, "Write the date in numbers, like 27 3 2007."),
        ("age", {"day": "1", "month": "1", "year": "05"}, "Write the year with 4 numbers, like 2007."),
        (
            "age",
            {"age": "40", "day": "1", "month": "1", "year": "2005"},
            "The age and the date of birth do not match. Write just one.",
        ),
        ("area", {"answer": ""}, "Write a place name or a postcode."),
        ("area", {"answer": "x" * 121}, "Write 120 letters or fewer."),
        ("contact-ways", {}, "Choose at least one answer."),
        ("contact-ways", {"answer": ["phone", "pigeon"]}, "Choose from the answers on this page."),
        ("phone-number", {"answer": ""}, "Write a phone number."),
        ("phone-number", {"answer": "call me maybe"}, "Write a phone number in numbers, like 07700 900123."),
        ("phone-number", {"answer": "123"}, "Write a phone number in numbers, like 07700 900123."),
        ("phone-number", {"answer": "1" * 41}, "Write 40 letters or fewer."),
        ("email-address", {"answer": ""}, "Write an email address."),
        ("email-address", {"answer": "sam@"}, "Write an email address like name@example.com."),
        (
            "email-address",
            {"answer": "sam@example.org?cc=x%40evil.example"},
            "Write an email address like name@example.com.",
        ),
        ("email-address", {"answer": "sam tester@example.org"}, "Write an email address like name@example.com."),
        ("email-address", {"answer": "sam@example"}, "Write an email address like name@example.com."),
        ("postal-address", {"answer": ""}, "Write an address for letters."),
        ("postal-address", {"answer": "x" * 301}, "Write 300 letters or fewer."),
        ("contact-times", {}, "Choose at least one answer."),
        ("communication", {}, "Choose at least one answer."),
        (
            "communication",
            {"answer": ["bsl", "none"]},
            "Choose the things that help, or choose none of these. Not both.",
        ),
        ("interpreter-language", {"answer": ""}, "Write a language."),
        ("consent", {}, "Choose yes or no."),
        ("consent", {"answer": "maybe"}, "Choose from the answers on this page."),
        ("parent-consent", {"parent_name": "", "answer": "yes"}, "Write the name of the parent or carer."),
        ("parent-consent", {"parent_name": "Jo"}, "Choose yes or no."),
        ("work-plan", {}, "Choose yes or no."),
        ("anything-else", {"answer": "x" * 501}, "Write 500 letters or fewer."),
    ],
)
def test_every_question_says_what_to_fix_in_easy_read(app, client, step, data, message):
    if step == "work-plan":
        open_demo_plan(client)
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    page = errors_on(client, step, data).replace("&#39;", "'")
    assert message in page
    assert page.count(message) == 2, "the message is in the summary and by the field"
    assert draft_in(client) is None, "a wrong first answer stores nothing: a draft is written with the first answer"


def test_what_was_typed_is_kept_when_there_is_a_problem(client):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    page = errors_on(client, "email-address", {"answer": "sam at example"})
    assert 'value="sam at example"' in page
    page = errors_on(client, "age", {"age": "", "day": "30", "month": "2", "year": "2001"})
    assert 'value="30"' in page and 'value="2001"' in page
    page = errors_on(client, "anything-else", {"answer": "long " * 300})
    assert "long long long" in page
    page = errors_on(client, "communication", {"answer": ["bsl", "none"]})
    assert re.search(r'value="bsl" checked', page)


@pytest.mark.parametrize(
    "data",
    [
        {"answer": "\x00\x01"},
        {"answer": ["a"] * 50},
        {"answer": "😀" * 100},
        {"age": "١٩"},
        {"day": "99999999999999999999"},
        {"answer": "<script>alert(1)</script>"},
        {"parent_name": ["a", "b"]},
        {"asker_email": "@" * 300},
    ],
)
def test_garbage_never_breaks_a_page(client, data):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    for step in (
        "who",
        "your-details",
        "name",
        "age",
        "contact-ways",
        "phone-number",
        "consent",
        "parent-consent",
        "anything-else",
    ):
        response = client.post(f"{BASE}/{step}", data=data)
        assert response.status_code in (200, 302), (step, data)
        assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_a_tampered_key_still_makes_just_one_request(app, client, new_rows):
    walk_to_check(client)
    assert client.post(f"{BASE}/send", data={"key": "short"}).status_code == 302
    assert client.post(f"{BASE}/send", data={"key": "short"}).status_code == 302
    assert len(new_rows(Referral)) == 1


def test_the_reference_can_be_heard_only_by_the_browser_that_sent_it(app, client):
    assert client.get(f"{BASE}/sent/reference.mp3").status_code == 404
    walk_to_check(client)
    send(client)
    response = client.get(f"{BASE}/sent/reference.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert response.headers["Cache-Control"] == "no-store"
    assert app.test_client().get(f"{BASE}/sent/reference.mp3").status_code == 404


def test_the_reference_is_spelt_out_one_character_at_a_time():
    from app.referrals.routes import spoken_reference

    assert spoken_reference("K7MR-4WAX") == "K, 7, M, R. 4, W, A, X."


def test_a_post_without_a_csrf_token_gets_the_easy_read_400(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    referrals_before = _rows_after(app, Referral, 0)
    client = app.test_client()
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    for path, data in ((f"{BASE}/who", {"answer": "self"}), (f"{BASE}/send", {"key": "k" * 43})):
        response = client.post(path, data=data)
        assert response.status_code == 400
        assert "We could not take your answers" in response.get_data(as_text=True)
    page = client.get(f"{BASE}/who").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post(f"{BASE}/who", data={"answer": "self", "csrf_token": token}).status_code == 302
    assert len(_rows_after(app, Referral, 0)) == len(referrals_before)
