"""Every page opens in English and Welsh, and the language choice behaves."""

import pytest

from tests.site import all_pages


@pytest.fixture(params=["en", "cy"])
def lang(request):
    return request.param


def test_every_public_page_opens_in_both_languages(app, client, lang):
    for path in all_pages(app, client):
        response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
        assert response.status_code == 200, path
        assert f'<html lang="{lang}"' in response.get_data(as_text=True), path


def test_home_page_says_what_the_site_is_for(client):
    page = client.get("/").get_data(as_text=True)
    assert "Find your way into paid work" in page
    assert (
        'href="/glossary#learning-disability">learning disability</a> or <a href="/glossary#autism">autism</a>' in page
    )
    for journey in ("My work checklists", "Find my way to work", "Ask for help"):
        assert journey in page


def test_home_page_in_welsh_is_welsh(client):
    page = client.get("/?lang=cy").get_data(as_text=True)
    assert "Find your way into paid work" not in page
    assert '<h1 id="say-1" data-say=' in page
    assert "Dod o hyd i'ch ffordd i waith am dâl</h1>" in page
    assert "<title>Dod o hyd i&#39;ch ffordd i waith am dâl – Fy Ffordd i Waith</title>" in page


def test_lang_query_sets_a_cookie_that_later_pages_follow(client):
    response = client.get("/?lang=cy")
    assert "lang=cy" in response.headers.get("Set-Cookie", "")
    assert '<html lang="cy"' in client.get("/privacy").get_data(as_text=True)


def test_browser_language_is_used_when_nothing_was_chosen(client):
    page = client.get("/", headers={"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="cy"' in page


@pytest.mark.parametrize("value", ["fr", "", "cy'><script>", "x" * 5000, "EN", "../../etc"])
def test_unknown_lang_values_are_ignored(client, value):
    response = client.get("/", query_string={"lang": value})
    assert response.status_code == 200
    assert '<html lang="en"' in response.get_data(as_text=True)
    assert "lang=" not in response.headers.get("Set-Cookie", "")


def test_a_bad_lang_cookie_is_ignored(client):
    client.set_cookie("lang", "de")
    assert '<html lang="en"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "query", ["a=1&a=2", "next=%00", "q=%ff%fe", "lang=cy&lang=en", "%zz=1", "x=" + "%E2%9C%93" * 300]
)
def test_odd_query_strings_never_break_a_page(client, query):
    assert client.get("/?" + query).status_code == 200


def test_language_switch_keeps_the_person_on_the_same_page(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert 'href="/privacy?lang=cy"' in page
    page = client.get("/privacy?lang=cy").get_data(as_text=True)
    assert 'href="/privacy?lang=en"' in page


def test_language_switch_keeps_other_query_arguments(client):
    page = client.get("/reading-settings?next=/privacy").get_data(as_text=True)
    assert "next=/privacy" in page.split('hreflang="cy"')[0].rsplit("<a ", 1)[1]
