"""Deleting the checklists does not delete a request for help: the delete page and its confirmation say what a
request still holds and how to ask for it to be erased, in easy read with symbols and audio, in English and
Welsh. What they list is worked out from the referral field registry."""

import re

import pytest
from flask_babel import force_locale

from app.checklists.still_held import WORDS, still_held
from app.referrals.fields import FIELDS, told_groups
from tests.site import open_demo_plan


def test_every_field_an_erasure_removes_tells_the_person_in_words():
    for field in FIELDS:
        if field.removed and field.kind != "id":
            assert field.told in WORDS, f"{field.name} needs a `told` kind with words in app/checklists/still_held.py"
    assert set(WORDS) == set(told_groups()), "every kind of data has words, and every sentence is about a field"


def sentences(app, lang: str) -> list[str]:
    with app.test_request_context(), force_locale(lang):
        return [str(text) for _, text in still_held()]


def said(html: str, text: str) -> bool:
    """The sentence is on the page with its own audio clip (the row's Listen)."""
    return re.search(r'data-say="[^"]+">' + re.escape(text.replace("'", "&#39;")) + "<", html) is not None


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_delete_page_says_what_a_request_for_help_still_holds_and_how_to_erase_it(app, client, lang):
    open_demo_plan(client)
    html = client.get(f"/my-work/delete?lang={lang}").get_data(as_text=True)
    heading = "Did you ask a service for help?" if lang == "en" else "Wnaethoch chi ofyn i wasanaeth am help?"
    assert heading in html
    found = sentences(app, lang)
    assert len(found) == len(WORDS)
    for text in found:
        assert said(html, text), text
    assert f'href="mailto:{app.config["CONTACT_EMAIL"]}"' in html
    reference = "Tell us your reference." if lang == "en" else "Dywedwch wrthon ni beth yw eich cyfeirnod."
    assert reference in html
    if lang == "cy":
        assert "Your name." not in html and "Eich enw." in html


def test_the_confirmation_after_deleting_says_it_too(app, client):
    open_demo_plan(client)
    response = client.post("/my-work/delete")
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your answers are deleted" in html
    assert said(html, "We still keep your request for help.")
    for text in sentences(app, "en"):
        assert said(html, text), text
    assert f'href="mailto:{app.config["CONTACT_EMAIL"]}"' in html
