"""After Send: the confirmation page's contacts and dates, the confirmation message to the person (delivered
by a real SMTP server, in their language), "Where is my request?", and the home page's way in."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from app.outbox.models import OutboxMessage
from app.referrals.models import Referral
from app.referrals.working_days import add_working_days
from tests.functional.test_outbox import use_smtp
from tests.functional.test_referral_journey import (
    BASE,
    PERSON,
    WORKER_SERVICE,
    new_rows,  # noqa: F401  (a fixture)
    send,
    walk_to_check,
)
from tests.outbox_builders import empty_outbox, session_for

CODE = re.compile(r'<p class="resume-code"[^>]*>([^<]+)</p>')


def shown_codes(client) -> tuple[str, str]:
    """The reference and the status code the confirmation page shows."""
    page = client.get(f"{BASE}/sent").get_data(as_text=True)
    reference, code = (c.replace("\u00a0", "").replace(" ", "") for c in CODE.findall(page))
    return reference, code


def stored(app, reference: str) -> Referral:
    with session_for(app) as session:
        return session.scalar(select(Referral).where(Referral.reference == reference))


def test_the_sent_page_gives_the_services_phone_and_email_and_the_date_to_expect_contact(app, client):
    walk_to_check(client)
    reference = send(client)
    page = client.get(f"{BASE}/sent").get_data(as_text=True)
    assert 'href="tel:01632960254"' in page and "Phone them on 01632 960 254" in page
    assert 'href="mailto:supported-employment@example.org"' in page
    due = add_working_days(date.today(), app.config["CONTACT_WITHIN_WORKING_DAYS"], app.config["HOLIDAYS"])
    assert f"That is by {due.day} {due:%B %Y}." in page
    assert "They will contact you within 5 working days." in page
    assert "We sent an email with your reference and your code." in page
    assert 'href="/ask-for-help/status"' in page
    assert stored(app, reference).status_code_hash  # the code is kept as a hash only


def test_a_request_the_council_team_takes_gives_the_teams_phone_and_email(app, client):
    app.config["COUNCIL_TEAM_PHONE"] = "01632 960999"
    walk_to_check(client, service=WORKER_SERVICE)
    send(client)
    page = client.get(f"{BASE}/sent").get_data(as_text=True)
    assert 'href="tel:01632960999"' in page and "Phone them on 01632 960 999" in page
    assert f'href="mailto:{app.config["COUNCIL_TEAM_EMAIL"]}"' in page


def test_the_status_code_is_shown_once_and_kept_only_as_a_hash(app, client, new_rows):  # noqa: F811
    walk_to_check(client)
    send(client)
    reference, code = shown_codes(client)
    assert re.fullmatch(r"[AFHJKMRWXY34679]{3}-[AFHJKMRWXY34679]{3}", code)
    referral = stored(app, reference)
    assert code not in referral.status_code_hash and len(referral.status_code_hash) == 64
    [confirmation] = [m for m in new_rows(OutboxMessage) if m.kind == "confirmation"]
    assert code in confirmation.body and reference in confirmation.body


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_confirmation_reaches_the_person_in_their_language_with_no_other_details(app, client, smtp_server, lang):
    use_smtp(app, smtp_server.port)
    empty_outbox(app)
    client.get("/", query_string={"lang": lang})
    walk_to_check(client)
    send(client)
    reference, code = shown_codes(client)
    assert app.test_cli_runner().invoke(args=["outbox", "send"]).output.startswith("Sent 2;")
    [received] = [m for m in smtp_server.messages if m.rcpt_tos == [PERSON["email"]]]
    body = received.message.get_content()
    assert reference in received.message["Subject"] and reference in body and code in body
    assert "http://127.0.0.1:5000/ask-for-help/status" in body
    assert "01632 960 254" in body and "supported-employment@example.org" in body
    for personal in (PERSON["name"], PERSON["phone"], PERSON["area"], "gardens", "Polish"):
        assert personal not in body and personal not in received.message["Subject"]
    with session_for(app) as session:  # once sent, the code lives on only in the person's mailbox
        kept = session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "confirmation"))
        assert kept.status == "sent" and code not in kept.body and reference not in kept.body
        service_copy = session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "new-referral"))
        assert reference in service_copy.body
    if lang == "cy":
        assert received.message["Subject"] == f"Cawsom eich cais am help: {reference}"
        assert "Diolch am ofyn am help drwy Fy Ffordd i Waith." in body
        assert "Eich cod i wirio eich cais yw" in body and "Thank you" not in body
    else:
        assert received.message["Subject"] == f"We have your request for help: {reference}"
        assert "Thank you for asking for help through My Way to Work." in body


def test_a_worker_who_asks_gets_the_confirmation_at_their_work_email(app, client, new_rows):  # noqa: F811
    walk_to_check(client, asker="professional")
    send(client)
    [confirmation] = [m for m in new_rows(OutboxMessage) if m.kind == "confirmation"]
    assert confirmation.to_address == "pat.worker@college.example.net"
    assert "They will contact the person within 5 working days." in confirmation.body


def test_the_home_page_links_to_asking_for_help(client):
    page = client.get("/").get_data(as_text=True)
    assert f'href="{BASE}/start"' in page
    choose = client.get(f"{BASE}/start").get_data(as_text=True)
    assert 'href="/services"' in choose and f'href="{BASE}/status"' in choose


def test_no_confirmation_is_queued_over_smtp_for_a_person_who_gave_only_a_phone(app, new_rows):  # noqa: F811
    from tests.outbox_builders import PHONE_ONLY, make_referral

    referral = make_referral(app, **PHONE_ONLY)
    assert [m.kind for m in new_rows(OutboxMessage)] == ["new-referral"]
    assert stored(app, referral.reference).status_code_hash


def test_through_notify_a_person_who_gave_only_a_phone_gets_a_text(app, new_rows):  # noqa: F811
    from tests.outbox_builders import PHONE_ONLY, make_referral

    app.config.update(MAIL_BACKEND="notify", NOTIFY_SMS_TEMPLATE_ID="a-text-template")
    referral = make_referral(app, **PHONE_ONLY, lang="cy")
    [text] = [m for m in new_rows(OutboxMessage) if m.kind == "confirmation-sms"]
    assert text.to_address == "07700 900456" and referral.reference in text.body
    assert "Fy Ffordd i Waith" in text.body and len(text.body) < 320


def test_the_code_can_be_heard_like_the_reference_and_only_in_the_browser_that_sent_it(app, client):
    walk_to_check(client)
    send(client)
    heard = client.get(f"{BASE}/sent/code.mp3")
    assert heard.status_code == 200 and heard.mimetype == "audio/mpeg"
    assert heard.headers["Cache-Control"] == "no-store"
    assert app.test_client().get(f"{BASE}/sent/code.mp3").status_code == 404
