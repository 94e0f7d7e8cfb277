"""The symbol contact sheet: every concept with its picture, what it shows, its set and its sentences."""

import html
import json
from pathlib import Path

import pytest

from tests.site import sign_in_as

INDEX = json.loads((Path(__file__).resolve().parents[2] / "easyread_assets" / "symbols.json").read_text("utf-8"))


def row(page: str, concept: str) -> str:
    start = page.index(f'<tr id="symbol-{concept}">')
    return page[start : page.index("</tr>", start)]


def test_every_concept_is_listed_with_its_picture_what_it_shows_and_its_set(admin):
    response = admin.get("/staff/symbols")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    for cid, concept in INDEX["concepts"].items():
        cell = row(page, cid)
        assert f'src="/symbols/{concept["file"]}"' in cell, cid
        assert concept["shows"] in cell, cid
        assert ("Mulberry Symbols" if concept["set"] == "mulberry" else "OpenMoji") in cell, cid
    assert page.count('<tr id="symbol-') == len(INDEX["concepts"])


def test_each_symbol_shows_the_sentences_that_use_it_in_english_and_welsh(admin):
    page = html.unescape(admin.get("/staff/symbols").get_data(as_text=True))
    with_help = row(page, "with-help")
    assert "Me, with help" in with_help and "before-you-start.yaml" in with_help
    assert "With help" in with_help and "types.py" in with_help
    assert '<span class="symbol-use-welsh" lang="cy">Fi, gyda help</span>' in with_help
    assert "It is free." in row(page, "free") and "Mae am ddim." in row(page, "free")
    assert "You do not get paid for this." in row(page, "unpaid")
    assert "Less than 16 hours a week" in row(page, "part-time")
    assert "We ask if you agree to share your answers." in row(page, "consent")
    assert "14 or 15" in row(page, "age-14")


def test_the_directory_services_are_listed_under_their_symbols(app, admin):
    from sqlalchemy import select

    from app.pathways.models import Service

    with app.app_context(), app.extensions["database"]["factory"]() as session:
        name, symbol = session.execute(select(Service.name, Service.symbol).where(Service.symbol == "cafe")).first()
    page = html.unescape(admin.get("/staff/symbols").get_data(as_text=True))
    assert name in row(page, symbol) and "directory" in row(page, symbol)


def test_a_directory_editor_may_see_it(client):
    sign_in_as(client, "directory-editor")
    assert client.get("/staff/symbols").status_code == 200


@pytest.mark.parametrize("role", ["provider", "school", "commissioner"])
def test_other_roles_are_refused(client, role):
    sign_in_as(client, role)
    assert client.get("/staff/symbols").status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get("/staff/symbols")
    assert response.status_code == 302 and "/staff/sign-in" in response.location


def test_the_staff_home_links_to_it(admin):
    assert 'href="/staff/symbols"' in admin.get("/staff/").get_data(as_text=True)
