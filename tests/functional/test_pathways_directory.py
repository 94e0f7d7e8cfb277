"""The directory: search by words, filters in a plain GET form, pages, no results, odd addresses, both languages."""

import re

import pytest

from tests.pathways_builders import demo_records, expected_names

RECORDS = demo_records()


def expected(**filters) -> set[str]:
    return expected_names(RECORDS, **filters)


def names_on(page: str) -> set[str]:
    return set(
        re.findall(r'<h2 class="card-title"><a href="/services/[^"]+"[^>]*>([^<]+)</a>', page.replace("&#39;", "'"))
    )


def all_names(client, query: str) -> tuple[set[str], int]:
    """Every service name over every page of a search, and the count the page states."""
    page = client.get(f"/services?{query}").get_data(as_text=True)
    total = int(re.search(r"We found (\d+) service", page).group(1))
    names, number = names_on(page), 1
    while "Next page</a>" in page:
        number += 1
        page = client.get(f"/services?{query}&page={number}").get_data(as_text=True)
        names |= names_on(page)
    return names, total


@pytest.mark.parametrize(
    "query, filters",
    [
        ("", {}),
        ("step=volunteering", {"step": ["volunteering"]}),
        ("step=volunteering&step=social-enterprise", {"step": ["volunteering", "social-enterprise"]}),
        ("kind=job-coaching", {"kind": ["job-coaching"]}),
        ("kind=supported-internship&need=autism", {"kind": ["supported-internship"], "need": ["autism"]}),
        ("need=mental-health", {"need": ["mental-health"]}),
        ("age=14-15", {"ages": (14, 15)}),
        ("age=30", {"ages": (30, 30)}),
        ("area=harbourside", {"area": ["harbourside"]}),
        ("pay=paid", {"pay": ["paid"]}),
        ("pay=unpaid", {"pay": ["unpaid"]}),
        ("pay=paid&pay=unpaid", {"pay": ["paid", "unpaid"]}),
        ("ask=yes", {"ask": True}),
        (
            "step=independent-employment&age=16-18&ask=yes&pay=paid",
            {"step": ["independent-employment"], "ages": (16, 18), "ask": True, "pay": ["paid"]},
        ),
        (
            "step=supported-employment&area=town-centre&need=learning-disability",
            {"step": ["supported-employment"], "area": ["town-centre"], "need": ["learning-disability"]},
        ),
    ],
)
def test_filters_find_exactly_the_services_that_match(client, query, filters):
    names, total = all_names(client, query)
    want = expected(**filters)
    assert names == want and total == len(want)


def test_results_come_10_a_page_by_name_and_the_pages_keep_the_filters(client):
    page = client.get("/services?need=autism&ask=yes").get_data(as_text=True)
    assert "We found 33 services" in page and "Page 1 of 4." in page
    assert 'href="/services?need=autism&amp;ask=yes&amp;page=2"' in page
    first = re.findall(r'<h2 class="card-title"><a [^>]*>([^<]+)</a>', page)
    assert len(first) == 10 and first == sorted(first, key=str.casefold)


def test_a_page_past_the_end_shows_the_last_page(client):
    page = client.get("/services?page=999999").get_data(as_text=True)
    assert "Page 5 of 5." in page and "Page before" in page and "Next page" not in page


def test_words_find_services_whatever_the_accents_and_case(client):
    for words in ("café", "CAFE", "cafe harbour"):
        assert "Harbour Café training jobs" in names_on(
            client.get("/services", query_string={"q": words}).get_data(as_text=True)
        )


def test_a_word_finds_longer_words_that_start_with_it(client):
    assert "Green Shoots garden nursery" in all_names(client, "q=garde")[0]


def test_welsh_words_find_services_too(client):
    assert "Harbour Café training jobs" in all_names(client, "q=caffi&lang=en")[0]


def test_every_word_must_match(client):
    assert all_names(client, "q=hospital+porter")[0] == {"Jobs at Sandbridge Hospital"}


def test_no_results_is_kind_and_offers_a_link_to_drop_each_choice(client):
    page = client.get("/services?q=helicopter&step=volunteering&pay=paid").get_data(as_text=True)
    assert "We found 0 services" in page and "Sorry, no services match all of your choices." in page
    links = dict(re.findall(r'<a class="row-link-target" href="([^"]+)"[^>]*>Take away: ([^<]+)</a>', page))
    assert set(links.values()) == {"helicopter", "Volunteering", "Paid"}
    assert links["/services?step=volunteering&amp;pay=paid"] == "helicopter"
    assert links["/services?q=helicopter&amp;pay=paid"] == "Volunteering"
    assert 'href="/services"' in page and "Take them all away" in page


def test_choices_are_kept_in_the_form(client):
    page = client.get("/services?step=volunteering&ask=yes&age=16-18&q=dogs").get_data(as_text=True)
    assert re.search(r'name="step" value="volunteering" checked', page)
    assert re.search(r'name="ask" value="yes" checked', page)
    assert re.search(r'name="age" value="16-18" checked', page)
    assert 'value="dogs"' in page
    assert re.search(r'<form class="directory-form" method="get" action="/services"', page)


def test_demo_services_are_marked_as_examples(client):
    assert "These services are examples for trying out the website. They are not real." in client.get(
        "/services"
    ).get_data(as_text=True)


def test_an_age_that_cannot_be_read_is_explained_in_easy_read(client):
    response = client.get("/services?age=very+old")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "We could not understand that age. Choose an age from the list." in page
    assert "<title>Error: " in page and "We found 44 services" in page


@pytest.mark.parametrize(
    "query",
    [
        "step=flying&kind=%3Cscript%3E&colour=red",
        "page=-1",
        "page=abc",
        "page=" + "9" * 5000,
        "age=-5",
        "age=" + "9" * 5000,
        "q=" + "%E2%9C%93" * 400,
        "q=%00%00",
        "q=%ff%fe",
        "step=volunteering&step=volunteering",
        "%zz=1",
        "q=%25%5F%5C",
        "area=" + "x" * 3000,
        "lang=cy&q=%F0%9F%90%95",
        "q=" + "a+" * 500,
    ],
)
def test_odd_addresses_never_break_the_directory(client, query):
    assert client.get("/services?" + query).status_code == 200


def test_the_directory_in_welsh_is_welsh(client):
    page = client.get("/services?lang=cy&step=social-enterprise").get_data(as_text=True)
    assert '<html lang="cy"' in page
    assert "Swyddi hyfforddi Caffi'r Harbwr" in page.replace("&#39;", "'")
    assert "Gweithiwch mewn caffi cymunedol ger yr harbwr." in page
