"""Who is asking, through the pages: each kind of asker is asked in their own voice, a family member's
details and the contact language reach staff, the question count never grows, and an age outside the
service's ages is told gently and flagged."""

import re

import pytest
from sqlalchemy import func, select

from app.easyread.models import AudioClip
from app.referrals.models import Referral
from tests.functional.test_referral_journey import BASE, FAMILY, PERSON, SELF_SERVICE, post, send, walk_to_check
from tests.site import sign_in_as
from tests.staff_builders import session_for


@pytest.fixture
def new_rows(app):
    """Referrals made during the test (the demo data has referrals of its own)."""
    with session_for(app) as session:
        last = session.scalar(select(func.max(Referral.id))) or 0

    def rows(_model=Referral) -> list:
        with session_for(app) as session:
            return list(session.scalars(select(Referral).where(Referral.id > last)))

    return rows


PROGRESS = re.compile(r"Question (\d+) of (\d+)")
WORDS_ABOUT_THE_PERSON = ("The person", "the person", "Where they live", "Their name")


def start(client, asker: str) -> None:
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": asker})
    if asker == "family":
        post(client, "about-you", FAMILY, f"{BASE}/name")
    post(client, "name", {"answer": PERSON["name"]}, f"{BASE}/age")


def test_a_family_members_details_whether_the_person_knows_and_the_language_reach_staff(client, new_rows):
    walk_to_check(client, "family")
    check = client.get(f"{BASE}/check").get_data(as_text=True)
    for shown in ("Jo Tester", "Mother", "07700 900456", "Yes, Sam knows", "Yes, Sam agrees", "Where they live"):
        assert shown in check, shown
    send(client)
    [referral] = new_rows(Referral)
    sign_in_as(client, "provider")
    page = client.get(f"/staff/referrals/{referral.reference}").get_data(as_text=True)
    assert "<dt>Who asked</dt>" in page and "Jo Tester, Mother" in page and 'href="tel:07700900456"' in page
    assert 'href="mailto:jo.tester@example.net"' in page
    assert "<dt>Knows about the request</dt><dd>Yes</dd>" in page
    assert "Language to contact them in: Another language, with an interpreter" in page
    assert "An interpreter: Polish" in page


def test_a_family_member_must_give_a_phone_number_or_an_email(client):
    client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
    post(client, "who", {"answer": "family"}, f"{BASE}/about-you")
    sent = {**FAMILY, "asker_phone": "", "asker_email": ""}
    response = client.post(f"{BASE}/about-you", data=sent)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Write a phone number or an email." in page
    assert 'value="Jo Tester"' in page and 'value="Mother"' in page  # what was typed is kept
    post(client, "about-you", {**sent, "asker_email": "jo@example.net"}, f"{BASE}/name")


def test_asking_for_yourself_every_question_and_the_check_page_say_you(client):
    walk_to_check(client, "self")
    pages = [client.get(f"{BASE}/check").get_data(as_text=True)]
    for step in ("name", "age", "area", "contact-language", "interpreter-language", "contact-ways", "consent"):
        pages.append(client.get(f"{BASE}/{step}").get_data(as_text=True))
    post(client, "age", {"age": "14"}, f"{BASE}/age-check", **{"from": "check"})
    pages += [client.get(f"{BASE}/age-check").get_data(as_text=True)]
    pages += [client.get(f"{BASE}/parent-consent").get_data(as_text=True)]
    for page in pages:
        main = page[page.index("<main") :]
        assert not [words for words in WORDS_ABOUT_THE_PERSON if words in main], main[:3000]
    assert "Do you agree to share your answers?" in pages[-3] and "Yes, I agree" in pages[-3]
    assert (
        "You are under 16, so a parent or carer must agree too." in pages[-1]
        and "Yes, my parent or carer agrees" in pages[-1]
    )


def test_consent_names_the_person_and_their_name_is_never_stored_as_audio(app, client):
    start(client, "professional")
    page = client.get(f"{BASE}/consent").get_data(as_text=True)
    assert "Does Sam agree to share their answers?" in page and "Yes, Sam agrees" in page
    assert "No, Sam does not agree" in page
    assert f'data-say="{BASE}/consent/say/question.mp3"' in page
    assert f'data-say="{BASE}/consent/say/option-yes.mp3"' in page
    assert client.get(f"{BASE}/consent/say/question.mp3").status_code in (200, 404)
    assert client.get(f"{BASE}/consent/say/nothing.mp3").status_code == 404
    with session_for(app) as session:
        assert not session.query(AudioClip).filter(AudioClip.text.contains("Sam")).count()


def test_the_question_count_never_grows_for_any_asker(client):
    for asker in ("self", "family", "professional"):
        totals = []
        client.get(f"{BASE}/start", query_string={"service": SELF_SERVICE})
        location = f"{BASE}/who"
        answers = {
            "who": {"answer": asker},
            "where-you-work": {"answer": "school"},
            "your-details": {"asker_name": "P", "asker_organisation": "S", "asker_role": "T", "asker_email": "p@s.uk"},
            "about-you": FAMILY,
            "name": {"answer": PERSON["name"]},
            "age": {"age": "19"},
            "area": {"answer": "Harbourside"},
            "contact-language": {"answer": "en"},
            "contact-ways": {"answer": ["phone"]},
            "phone-number": {"answer": PERSON["phone"]},
            "contact-times": {"answer": ["morning"]},
            "communication": {"answer": ["none"]},
            "person-knows": {"answer": "yes"},
            "consent": {"answer": "yes"},
            "anything-else": {"answer": ""},
        }
        while location != f"{BASE}/check":
            step = location.removeprefix(f"{BASE}/")
            number, total = map(int, PROGRESS.search(client.get(location).get_data(as_text=True)).groups())
            assert number == len(totals) + 1, (asker, step)
            totals.append(total)
            location = post(client, step, answers[step])
        assert totals == sorted(totals, reverse=True) and totals[-1] == len(totals), (asker, totals)
        client.get("/")  # a new draft for the next asker
        with client.session_transaction() as session:
            session.pop("drafts", None)


def test_an_age_outside_the_services_ages_is_told_gently_in_welsh_and_flagged_for_staff(client, new_rows):
    client.get("/", query_string={"lang": "cy"})
    walk_to_check(client, "self")
    post(client, "age", {"age": "12"}, f"{BASE}/age-check", **{"from": "check"})
    notice = client.get(f"{BASE}/age-check").get_data(as_text=True)
    assert "Mae'r gwasanaeth hwn ar gyfer pobl 16 oed a hŷn." in notice.replace("&#39;", "'")
    assert "Gallwch chi ofyn am help o hyd." in notice and "Cwestiwn" not in notice  # not counted
    post(client, "age-check", {}, f"{BASE}/parent-consent", **{"from": "check"})
    post(client, "parent-consent", {"parent_name": "Jo", "answer": "yes"}, f"{BASE}/check", **{"from": "check"})
    send(client)
    [referral] = new_rows(Referral)
    assert referral.age == 12 and referral.age_outside_range is True and referral.message_lang == "cy"
    sign_in_as(client, "provider")
    assert "Age outside the service" in client.get("/staff/referrals").get_data(as_text=True)
