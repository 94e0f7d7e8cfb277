"""Resume codes in the person's language, opened from either list, and codes made before still working."""

import re
from datetime import timedelta

from flask import Response

from app.checklists import codes
from app.checklists.models import ChecklistSession
from app.clock import now
from app.extensions import db


def code_on_save_page(client, lang):
    client.post(
        "/my-work/my-work-dreams/money", data={"action": "save", "answer": "a-bit"}, query_string={"lang": lang}
    )
    page = client.get("/my-work/save", query_string={"lang": lang}).get_data(as_text=True)
    found = re.search(r'class="resume-code"[^>]*lang="([a-z]+)">([^<]+)<', page)
    return found.group(1), found.group(2)


def test_a_welsh_user_gets_a_code_in_welsh_words_marked_as_welsh(client):
    lang, code = code_on_save_page(client, "cy")
    *letters, digits = code.split("-")
    assert lang == "cy" and all(word in codes.words("cy") for word in letters) and len(digits) == 4


def test_an_english_user_gets_a_code_in_english_words(client):
    lang, code = code_on_save_page(client, "en")
    assert lang == "en" and all(word in codes.words("en") for word in code.split("-")[:3])


def test_a_welsh_code_opens_the_checklists_typed_with_capitals_and_spaces_on_an_english_page(app, client):
    _, code = code_on_save_page(client, "cy")
    typed = " " + code.upper().replace("-", "  ") + " "
    other = app.test_client()
    assert other.post("/my-work/resume", data={"code": typed}, query_string={"lang": "en"}).status_code == 302
    assert "Earning money matters a bit to me." in other.get("/my-work/plan").get_data(as_text=True)


def test_a_code_from_the_earlier_word_list_still_opens_its_checklists(app):
    with app.app_context():
        db.session.add(
            ChecklistSession(
                code_hash=codes.code_hash("stand-crept-flirt-6533", app.config["SECRET_KEY"]),
                created_at=now(),
                updated_at=now(),
                expires_at=now() + timedelta(days=30),
            )
        )
        db.session.commit()
    client = app.test_client()
    assert client.post("/my-work/resume", data={"code": "Stand Crept-Flirt 6533"}).status_code == 302
    assert client.post("/my-work/resume", data={"code": "stand crept frill 6533"}).status_code == 200


def test_the_welsh_resume_page_no_longer_says_the_words_are_english(client):
    page = client.get("/my-work/resume", query_string={"lang": "cy"}).get_data(as_text=True)
    assert "Saesneg a 4" not in page and "Mae gan eich cod 3 gair a 4 rhif." in page
    assert "Gall y geiriau fod yn Gymraeg neu yn Saesneg." in page


def test_the_code_is_read_out_in_its_own_language(client, monkeypatch):
    spoken = []
    monkeypatch.setattr(
        "app.checklists.private_audio.private_speech",
        lambda text, lang: spoken.append(lang) or Response(b"", mimetype="audio/mpeg"),
    )
    code_on_save_page(client, "cy")
    client.get("/my-work/audio/code.mp3")
    assert spoken == ["cy"]
