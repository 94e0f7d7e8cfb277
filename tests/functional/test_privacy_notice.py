"""The privacy page tells the truth: every personal field of a referral, who gets it, and how long it is kept."""

import html
import re

import pytest
from flask_babel import force_locale

from app.main.privacy import BY_KEY, ITEMS
from app.referrals.fields import FIELDS
from tests.site import PageCheckingClient, make_app


def page_text(client, lang="en") -> str:
    """The page's words as a person reads them: no tags (a glossary link sits inside some sentences)."""
    response = client.get("/privacy", query_string={"lang": lang})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}"' in page
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).replace(" .", ".")


def test_every_personal_field_of_a_referral_names_a_line_of_the_privacy_page():
    for field in FIELDS:
        assert field.privacy in BY_KEY, f"{field.name} has no line on the privacy page"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_privacy_page_shows_the_line_for_every_personal_field(app, client, lang):
    page = page_text(client, lang)
    with app.test_request_context(), force_locale(lang):
        for field in FIELDS:
            line = str(BY_KEY[field.privacy].text)
            assert line in page, (field.name, line)


def test_every_line_is_for_some_field_so_the_page_says_nothing_we_do_not_ask():
    assert {item.key for item in ITEMS} == {field.privacy for field in FIELDS}


def test_the_privacy_page_names_the_council_its_team_and_how_to_reach_us(app, client):
    page = page_text(client)
    assert "Sandbridge Council (demo) runs this website." in page
    assert "data controller" in page
    assert f"The team is called {app.config['COUNCIL_TEAM_NAME']}." in page
    assert f"Email us at {app.config['CONTACT_EMAIL']}" in page
    assert "Go to the Information Commissioner's Office website" in page
    assert "does not ask for your name" not in page


def test_the_times_on_the_privacy_page_follow_the_settings_by_default(client):
    page = page_text(client)
    assert "We keep your checklist answers for 180 days after you last change them." in page
    assert "A link to share your plan works for 30 days." in page
    assert "We keep your request for 3 years after it last changes." in page
    assert "We keep answers you have not sent yet for 24 hours." in page
    assert "We delete our emails 30 days after we send them." in page
    assert "their internet address for 1 day." in page
    assert "remembers your language for 1 year." in page


def test_the_times_on_the_privacy_page_change_with_the_settings(tmp_path):
    app = make_app(tmp_path, CHECKLIST_DAYS=90, SHARE_LINK_DAYS=14, REFERRAL_KEEP_DAYS=2 * 365 + 1, DRAFT_HOURS=48)
    app.test_client_class = PageCheckingClient
    page = page_text(app.test_client())
    assert "We keep your checklist answers for 90 days after you last change them." in page
    assert "A link to share your plan works for 14 days." in page
    assert "We keep your request for 731 days after it last changes." in page
    assert "We keep answers you have not sent yet for 48 hours." in page
    welsh = page_text(app.test_client(), "cy")
    assert "90 diwrnod" in welsh and "731 diwrnod" in welsh and "180 diwrnod" not in welsh
    assert "48 awr" in welsh and "24 awr" not in welsh


def test_the_welsh_privacy_page_is_in_welsh(client):
    page = page_text(client, "cy")
    assert "3 blynedd" in page and "Swyddfa'r Comisiynydd Gwybodaeth" in page
    assert "Your name." not in page


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_privacy_page_says_the_checklists_ask_for_a_first_name_that_can_be_skipped(app, client, lang):
    from app.checklists.definitions import setup_of
    from app.main.privacy import NAME_ASKED, NAME_NOT_ASKED, checklist_name_lines

    checklists = app.extensions["checklists"]
    assert setup_of(checklists).name_step == "name"
    assert checklist_name_lines(checklists) == NAME_ASKED
    page = page_text(client, lang)
    with app.test_request_context(), force_locale(lang):
        for line in NAME_ASKED:
            assert str(line) in page
        assert str(NAME_NOT_ASKED[0]) not in page
