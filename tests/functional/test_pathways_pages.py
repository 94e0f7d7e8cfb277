"""The ladder, each step, a service's page and services for me, in English and Welsh."""

import re

import pytest

from app.checklists import profile as plan_profile
from app.checklists.profile import MatchProfile
from app.vocab import LADDER_STEPS

PROJECT_SEARCH = "d3e44d29-a554-5026-a005-2178af9a9f44"  # needs a referral
HARBOUR_CAFE = "a4f34fe0-24fc-58f9-8922-919c6081da3c"  # people can ask themselves


@pytest.fixture(params=["en", "cy"])
def lang(request):
    return request.param


def text(page: str) -> str:
    """The words of a page: links inside a sentence stay part of it."""
    page = re.sub(r"</?(a|span)\b[^>]*>", "", page.replace("&#39;", "'"))
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_ladder_shows_4_steps_in_order_and_the_aim_of_a_real_job(client):
    page = client.get("/find-work").get_data(as_text=True)
    steps = re.findall(r'<h2 class="card-title"><a href="/find-work/([a-z-]+)"', page)
    assert steps == list(LADDER_STEPS)
    assert "The aim is a real job, paid the same as everyone else." in page
    assert "It is best to work 16 hours a week or more." in page


def test_every_step_has_its_page_in_both_languages(client, lang):
    for step in LADDER_STEPS:
        response = client.get(f"/find-work/{step}", query_string={"lang": lang})
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in response.get_data(as_text=True)


def test_a_step_page_says_what_it_is_who_it_is_for_what_you_get_and_where_it_leads(client):
    page = text(client.get("/find-work/volunteering").get_data(as_text=True))
    for heading in ("What it is", "Who it is for", "What you get", "Where it can lead", "Services at this step"):
        assert heading in page
    assert "Volunteering is a step, not the end." in page
    assert "There are 10 services at this step." in page
    assert "Volunteer with animals" in page and "Jobs at Bay Foods supermarket" not in page


def test_a_step_with_more_services_than_it_shows_links_to_all_of_them(client):
    page = client.get("/find-work/supported-employment").get_data(as_text=True)
    assert "There are 14 services at this step." in text(page)
    assert 'href="/services?step=supported-employment"' in page


def test_steps_link_to_the_steps_before_and_after(client):
    page = client.get("/find-work/social-enterprise").get_data(as_text=True)
    assert 'href="/find-work/volunteering"' in page and 'href="/find-work/supported-employment"' in page


def test_an_unknown_step_is_the_easy_read_404(client):
    response = client.get("/find-work/flying")
    assert response.status_code == 404 and "We cannot find this page" in response.get_data(as_text=True)


def test_a_service_page_puts_the_easy_read_summary_first_then_the_details(client):
    page = text(client.get(f"/services/{HARBOUR_CAFE}").get_data(as_text=True))
    order = [
        "Harbour Café training jobs",
        "Work in a community café by the harbour.",
        "It is run by Harbour Café (demo).",
        "Who it is for",
        "More about this service",
        "Where and when",
        "How much it costs",
        "Languages",
        "Ask for help from this service",
    ]
    places = [page.index(words) for words in order]
    assert places == sorted(places)
    assert "This service is an example for trying out the website. It is not real." in page
    assert "Monday to Saturday, 8am to 4pm." in page
    assert "2 Quay Street, Sandbridge SB2 1AA" in page
    assert "It is free." in page and "You can use: English and Welsh." in page


def test_a_service_people_can_ask_themselves_shows_how_to_get_in_touch(client):
    page = client.get(f"/services/{HARBOUR_CAFE}").get_data(as_text=True)
    assert "You can ask for this service yourself." in page
    assert re.search(r'href="tel:01632960\d{3}"', page) and 'href="mailto:harbour-cafe@example.org"' in page
    assert "<button" not in page.split("Ask for help from this service")[1]


def test_a_service_that_needs_a_referral_says_so_in_easy_read(client):
    page = client.get(f"/services/{PROJECT_SEARCH}").get_data(as_text=True)
    assert "A worker usually asks this service for you. This is called a" in page
    assert 'href="/glossary#referral">referral</a>' in page
    assert "You can ask for this service yourself." not in page
    assert 'href="tel:' in page


def test_a_service_page_in_welsh_uses_the_welsh_words(client):
    page = text(client.get(f"/services/{HARBOUR_CAFE}?lang=cy").get_data(as_text=True))
    assert "Swyddi hyfforddi Caffi'r Harbwr" in page
    assert "Gweithiwch mewn caffi cymunedol ger yr harbwr." in page
    assert "Menter gymdeithasol yw Caffi'r Harbwr." in page
    assert "Work in a community café by the harbour." not in page


@pytest.mark.parametrize("service_id", ["0b6b3f3e-1c1d-4c9a-9e57-7f0e1a2b3c4d", "not-a-service", "x" * 5000, "%00"])
def test_unknown_services_are_the_easy_read_404(client, service_id):
    response = client.get(f"/services/{service_id}")
    assert response.status_code == 404 and "We cannot find this page" in response.get_data(as_text=True)


def test_services_for_me_without_answers_explains_and_shows_the_ladder(client, lang, monkeypatch):
    monkeypatch.setattr(plan_profile, "current_profile", lambda: None, raising=False)
    page = client.get("/services-for-me", query_string={"lang": lang}).get_data(as_text=True)
    assert len(re.findall(r'<h2 class="card-title"><a href="/find-work/', page)) == 4
    if lang == "en":
        assert "Your answers in My work checklists help us find services for you." in page


def test_services_for_me_links_to_the_checklists_only_when_they_exist(app, client, monkeypatch):
    monkeypatch.setattr(plan_profile, "current_profile", lambda: None, raising=False)
    page = client.get("/services-for-me").get_data(as_text=True)
    assert ("Go to My work checklists" in page) == ("checklists.hub" in app.view_functions)


def test_services_for_me_from_an_address_ranks_with_reasons(client):
    page = text(client.get("/services-for-me?interest=animals&try=volunteering-role&age=16-18").get_data(as_text=True))
    assert "Step 1: Volunteering" in page and "You could start here." in page
    first = page.index("Volunteer with animals")
    assert page.index("Because you want to try volunteering.", first) < page.index(
        "Because you said you like animals.", first
    )
    assert page.index("Step 2: Social enterprise") > first


def test_services_for_me_shows_the_next_steps_up_from_where_you_could_start(client):
    page = text(client.get("/services-for-me?try=supported-internship&interest=office").get_data(as_text=True))
    assert "Step 1: Volunteering" not in page and "Step 2: Social enterprise" not in page
    assert "Step 3: Work with support" in page and "Step 4: Work on my own" in page
    assert "Supported internship at the council" in page


def test_services_for_me_uses_the_checklist_answers_when_there_are_some(client, monkeypatch):
    answers = MatchProfile(interests=frozenset({"gardening"}), try_first=frozenset({"social-enterprise-job"}))
    monkeypatch.setattr(plan_profile, "current_profile", lambda: answers, raising=False)
    page = text(client.get("/services-for-me").get_data(as_text=True))
    assert "We chose these services from your answers." in page
    assert "Green Shoots garden nursery" in page and "Because you said you like gardening and being outdoors." in page


def test_services_for_me_ignores_answers_it_does_not_know(client, monkeypatch):
    monkeypatch.setattr(plan_profile, "current_profile", lambda: None, raising=False)
    response = client.get("/services-for-me?interest=dragons&try=%3Cscript%3E&age=200&hours=" + "x" * 3000)
    assert response.status_code == 200
    assert "You have not told us about yourself yet." in response.get_data(as_text=True)


def test_services_for_me_in_welsh(client):
    page = client.get("/services-for-me?interest=cooking&lang=cy").get_data(as_text=True)
    assert '<html lang="cy"' in page and "Pobwch fara a chacennau mewn becws bach lleol." in page


def test_the_page_of_our_words_lists_every_code(client):
    page = client.get("/how-we-sort-services").get_data(as_text=True)
    for code in ("volunteering", "project-search", "mental-health", "animals"):
        assert f"<code>{code}</code>" in page
    assert 'href="/api/taxonomy-terms?per_page=200"' in page


def test_phone_numbers_are_grouped_and_a_text_number_is_a_text_link(client):
    page = text(client.get("/services/2e303dca-f5dd-55ad-8e98-c13dfd270392").get_data(as_text=True))
    assert re.search(r"Phone them on 01632 960 \d{3}", page) and re.search(r"Send a text to 07700 900 \d{3}", page)
    html = client.get("/services/2e303dca-f5dd-55ad-8e98-c13dfd270392").get_data(as_text=True)
    assert re.search(r'href="sms:07700900\d{3}"', html)


def test_a_council_record_without_our_easy_read_fields_still_shows_well(client, runner, tmp_path):
    from tests.pathways_builders import make_record, write_json

    record = make_record(
        name="Plain council service", description="A plain description from the council.", attributes=[]
    )
    del record["x_mywaytowork"]
    assert (
        runner.invoke(args=["directory", "import", str(write_json(tmp_path / "plain.json", [record]))]).exit_code == 0
    )
    english = text(client.get(f"/services/{record['id']}").get_data(as_text=True))
    assert "A plain description from the council." in english and "Get in touch to find out how to start." in english
    welsh = client.get(f"/services/{record['id']}?lang=cy").get_data(as_text=True)
    assert '<div lang="en">' in welsh and "A plain description from the council." in welsh
    listing = client.get("/services?q=plain&lang=cy").get_data(as_text=True)
    assert "A plain description from the council." not in listing and "Plain council service" in listing
