"""A council in Wales: the plan's view for professionals follows the Individual Development Plan (IDP)
under the ALN (Wales) Act 2018, and the word list explains IDP and ALN; in England, EHCP and Preparing for
Adulthood as before. Both languages in both nations."""

import re

import pytest

from app.config import ConfigError, load_config
from tests.site import make_app, open_demo_plan, sign_in_as


@pytest.fixture
def wales(tmp_path):
    return make_app(tmp_path, NATION="wales")


def text_of(client, path: str) -> str:
    """The page's HTML, with the links the word list adds taken out so sentences read whole."""
    response = client.get(path)
    assert response.status_code == 200, path
    return re.sub(r'<a href="/glossary#[a-z-]+">([^<]*)</a>', r"\1", response.get_data(as_text=True))


def test_in_wales_the_plan_has_the_idp_headings_in_english_and_welsh(wales):
    client = wales.test_client()
    open_demo_plan(client)
    english = text_of(client, "/my-work/plan/ehcp")
    assert "My work plan for an IDP" in english
    for heading in ("What is important to me", "What people like and admire about me", "How best to support me"):
        assert heading in english
    assert "EHCP" not in english and "Preparing for Adulthood" not in english
    welsh = text_of(client, "/my-work/plan/ehcp?lang=cy")
    assert "Fy nghynllun gwaith ar gyfer CDU" in welsh and "Y ffordd orau o fy nghefnogi i" in welsh
    plan = text_of(client, "/my-work/plan?lang=en")
    assert "See my plan with the IDP headings" in plan and "IDP review" in plan


def test_in_england_the_plan_has_the_ehcp_headings(client):
    open_demo_plan(client)
    english = text_of(client, "/my-work/plan/ehcp")
    assert "My work plan for an EHCP" in english and "My aspirations" in english
    assert "IDP" not in english


def test_the_word_list_explains_the_words_of_the_nation(wales, client):
    wales_glossary = text_of(wales.test_client(), "/glossary")
    assert 'id="idp"' in wales_glossary and 'id="aln"' in wales_glossary
    assert 'id="ehcp"' not in wales_glossary and 'id="preparing-for-adulthood"' not in wales_glossary
    assert "16 to 25 with additional learning needs" in wales_glossary
    welsh = text_of(wales.test_client(), "/glossary?lang=cy")
    assert "Ystyr CDU yw Cynllun Datblygu Unigol." in welsh and "Ystyr ADY yw anghenion dysgu ychwanegol." in welsh
    england = text_of(client, "/glossary")
    assert 'id="ehcp"' in england and 'id="idp"' not in england


def test_the_ladder_says_idp_in_wales(wales):
    page = text_of(wales.test_client(), "/find-work/supported-employment")
    assert "Some services are for young people with an" in page and "IDP" in page and "EHCP" not in page


def test_school_staff_in_wales_see_the_idp_view(wales):
    from demo.staff.pupils import DEMO_PUPIL_ID

    client = wales.test_client()
    sign_in_as(client, "school")
    page = text_of(client, f"/staff/pupils/{DEMO_PUPIL_ID}/ehcp")
    assert "Work plan for an IDP" in page and "What is important to me" in page


def test_the_site_will_not_start_in_a_nation_it_does_not_know():
    with pytest.raises(ConfigError, match="NATION must be one of england, wales"):
        load_config({"APP_ENV": "test", "NATION": "scotland"})
