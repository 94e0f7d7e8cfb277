"""A plan with the person's first name and the voice of whoever filled it in: on the plan, the shared link, the
view for professionals and the readable download."""

import html
import re

import pytest
from flask import Response
from sqlalchemy import select

from app.checklists import private_audio as audio_routes
from app.easyread.models import AudioClip
from tests.site import PageCheckingClient, make_app


def answer(client, checklist, step, value, lang="en"):
    response = client.post(
        f"/my-work/{checklist}/{step}", data={"action": "continue", "answer": value}, query_string={"lang": lang}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return response


def fill_in(client, who, name=None, helper=None, lang="en"):
    """The questions before the checklists, then one answer in each kind of sentence."""
    answer(client, "before-you-start", "who", who, lang)
    if helper:
        answer(client, "before-you-start", "helper", helper, lang)
    if name:
        answer(client, "before-you-start", "name", name, lang)
    answer(client, "before-you-start", "age", "16-18", lang)
    answer(client, "my-work-dreams", "kinds-of-work", ["animals"], lang)
    answer(client, "my-work-dreams", "hours", "under-16", lang)
    answer(client, "my-work-dreams", "dream-job", "Zookeeper", lang)
    answer(client, "getting-ready", "travel", "not-yet", lang)


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def h1(page: str) -> str:
    return text_of(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).strip()


def shared_link(client) -> str:
    client.post("/my-work/share", data={"action": "share"})
    page = client.get("/my-work/share").get_data(as_text=True)
    return re.search(r'class="share-link"><a href="http://localhost(/my-work/shared/[^"]+)"', page).group(1)


def test_the_first_name_heads_the_plan_the_shared_link_and_the_ehcp_view(app, client):
    fill_in(client, "me", name="  Sam  ")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    assert h1(plan) == "Sam's work plan" and html.unescape(
        re.search(r"<title>(.*?)</title>", plan).group(1)
    ).startswith("Sam's work plan – ")
    assert h1(client.get("/my-work/plan/ehcp").get_data(as_text=True)) == "Sam's work plan for an EHCP"
    link = shared_link(client)
    viewer = app.test_client()
    viewer.__class__ = PageCheckingClient
    assert h1(viewer.get(link).get_data(as_text=True)) == "Sam's work plan"
    assert h1(viewer.get(link + "/ehcp").get_data(as_text=True)) == "Sam's work plan for an EHCP"


def test_a_plan_without_a_name_keeps_its_own_title(client):
    fill_in(client, "me")
    assert h1(client.get("/my-work/plan").get_data(as_text=True)) == "My work plan"
    assert h1(client.get("/my-work/plan/ehcp").get_data(as_text=True)) == "My work plan for an EHCP"


def test_two_plans_shared_with_a_school_can_be_told_apart(app):
    titles = []
    for name in ("Sam", "Alex"):
        person = app.test_client()
        fill_in(person, "me", name=name)
        titles.append(h1(app.test_client().get(shared_link(person)).get_data(as_text=True)))
    assert titles == ["Sam's work plan", "Alex's work plan"]


def said_at(page: str, text: str) -> str:
    """The audio address of the element that shows this text."""
    for match in re.finditer(r'data-say="([^"]+)"[^>]*>(.*?)</', page, re.S):
        if text_of(match.group(2)).strip() == text:
            return html.unescape(match.group(1))
    raise AssertionError(f"no audio for {text!r}")


def test_a_title_with_the_name_is_spoken_privately_and_never_stored(app, client):
    fill_in(client, "me", name="Zebedee")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    assert said_at(plan, "Zebedee's work plan") == "/my-work/audio/plan/words/0.mp3"
    ehcp = client.get("/my-work/plan/ehcp").get_data(as_text=True)
    assert said_at(ehcp, "Zebedee's work plan for an EHCP") == "/my-work/audio/ehcp/words/0.mp3"
    response = client.get("/my-work/audio/plan/words/0.mp3")
    assert response.mimetype == "audio/mpeg" and "no-store" in response.headers["Cache-Control"]
    link = shared_link(client)
    assert app.test_client().get(link + "/audio/ehcp/words/0.mp3").status_code == 200
    assert client.get("/my-work/audio/elsewhere/words/0.mp3").status_code == 404
    assert client.get("/my-work/audio/plan/words/99.mp3").status_code == 404
    with app.extensions["database"]["factory"]() as db:
        assert not any("Zebedee" in text for text in db.scalars(select(AudioClip.text)))


def test_without_a_name_only_the_words_the_person_typed_are_spoken_privately(client):
    fill_in(client, "me")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    assert said_at(plan, "My dream job: Zookeeper") == "/my-work/audio/my-work-dreams/dream-job.mp3"
    assert said_at(plan, "I would like to work with animals.").startswith("/audio/en/")
    assert client.get("/my-work/audio/plan/words/1.mp3").status_code == 404


def test_sentences_that_name_the_person_are_spoken_privately_and_never_stored(app, client):
    fill_in(client, "someone-else", name="Zebedee", helper="parent-or-carer")
    pages = {"plan": client.get("/my-work/plan").get_data(as_text=True)}
    pages["ehcp"] = client.get("/my-work/plan/ehcp").get_data(as_text=True)
    link = shared_link(client)
    viewer = app.test_client()
    pages["shared"] = viewer.get(link).get_data(as_text=True)
    for view, page in pages.items():
        named = [text_of(m.group(2)).strip() for m in re.finditer(r'data-say="([^"]+)"[^>]*>(.*?)</', page, re.S)]
        named = [text for text in named if "Zebedee" in text]
        assert len(named) >= 5, view
        for text in named:
            address = said_at(page, text)
            assert re.fullmatch(r"/my-work(/shared/[^/]+)?/audio/((plan|ehcp)/words/\d+|[a-z-]+/[a-z-]+)\.mp3", address)
            spoken = (viewer if view == "shared" else client).get(address)
            assert spoken.mimetype == "audio/mpeg" and "no-store" in spoken.headers["Cache-Control"], address
    assert "Zebedee would like to work with animals." in text_of(pages["plan"])
    with app.extensions["database"]["factory"]() as db:
        assert not any("Zebedee" in text for text in db.scalars(select(AudioClip.text)))


@pytest.mark.parametrize("who", ["me", "me-with-help"])
def test_the_person_filling_it_in_gets_a_plan_in_their_own_words(client, who):
    fill_in(client, who, name="Sam", helper="teacher" if who == "me-with-help" else None)
    page = text_of(client.get("/my-work/plan").get_data(as_text=True))
    for said in (
        "I would like to work with animals.",
        "I would like to work less than 16 hours a week.",
        "My dream job: Zookeeper",
        "Learn to travel on my own, with travel training.",
        "What I want from work",
        "My next steps",
    ):
        assert said in page
    assert "They would like" not in page


def test_someone_who_knows_the_person_gets_a_plan_about_them(client):
    fill_in(client, "someone-else", name="Sam", helper="parent-or-carer")
    page = text_of(client.get("/my-work/plan").get_data(as_text=True))
    for said in (
        "Sam's work plan",
        "What Sam wants from work",
        "Sam would like to work with animals.",
        "Sam would like to work less than 16 hours a week.",
        "Sam's dream job: Zookeeper",
        "Sam's next steps",
        "Learn to travel on their own, with travel training.",
        "Someone who knows Sam well filled in these checklists.",
        "This person is Sam's parent or carer.",
    ):
        assert said in page, said
    for mine in ("I would like", "My dream job", "What I want from work", "my checklists", "My parent"):
        assert mine not in page, mine
    ehcp = text_of(client.get("/my-work/plan/ehcp").get_data(as_text=True))
    for said in (
        "Sam's work plan for an EHCP",
        "Sam's aspirations",
        "The support Sam needs",
        "Sam would like to work with animals.",
    ):
        assert said in ehcp, said


def test_someone_who_knows_the_person_without_their_name_gets_a_plan_about_them(client):
    fill_in(client, "someone-else", helper="parent-or-carer")
    page = text_of(client.get("/my-work/plan").get_data(as_text=True))
    for said in (
        "The person's work plan",
        "What they want from work",
        "They would like to work with animals.",
        "Their dream job: Zookeeper",
        "Their next steps",
        "Someone who knows them well filled in these checklists.",
        "This person is their parent or carer.",
    ):
        assert said in page, said


def test_someone_else_without_a_name_gets_the_persons_plan(client):
    fill_in(client, "someone-else", helper="teacher")
    assert h1(client.get("/my-work/plan").get_data(as_text=True)) == "The person's work plan"
    assert h1(client.get("/my-work/plan/ehcp").get_data(as_text=True)) == "The person's work plan for an EHCP"


def test_the_welsh_plan_is_about_the_person_in_welsh(client):
    fill_in(client, "someone-else", name="Siân", helper="parent-or-carer", lang="cy")
    page = text_of(client.get("/my-work/plan", query_string={"lang": "cy"}).get_data(as_text=True))
    for said in (
        "Cynllun gwaith Siân",
        "Beth mae Siân eisiau o waith",
        "Byddai Siân yn hoffi gweithio gydag anifeiliaid.",
        "Swydd breuddwydion Siân: Zookeeper",
        "Mae'r person hwn yn rhiant neu'n ofalwr i Siân.",
    ):
        assert said in page, said
    assert "Hoffwn i" not in page and "would like" not in page
    ehcp = client.get("/my-work/plan/ehcp", query_string={"lang": "cy"}).get_data(as_text=True)
    assert h1(ehcp) == "Cynllun gwaith Siân ar gyfer EHCP" and "Dyheadau Siân" in ehcp


def test_an_idp_in_wales_carries_the_name_and_the_voice(tmp_path):
    app = make_app(tmp_path, NATION="wales")
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    fill_in(client, "someone-else", name="Sam", helper="teacher")
    page = client.get("/my-work/plan/ehcp").get_data(as_text=True)
    assert h1(page) == "Sam's work plan for an IDP"
    assert "What is important to Sam" in page and "How best to support Sam" in page


def test_the_name_question_speaks_to_whoever_fills_it_in(client):
    answer(client, "before-you-start", "who", "me")
    own = client.get("/my-work/before-you-start/name").get_data(as_text=True)
    assert h1(own) == "What is your first name?" and 'autocomplete="given-name"' in own
    answer(client, "before-you-start", "who", "someone-else")
    other = client.get("/my-work/before-you-start/name").get_data(as_text=True)
    assert h1(other) == "What is the person's first name?" and 'autocomplete="off"' in other
    assert h1(client.get("/my-work/before-you-start/age").get_data(as_text=True)) == "How old is the person?"
    check = text_of(client.get("/my-work/before-you-start/check").get_data(as_text=True))
    assert "What is the person's first name?" in check and "What is your first name?" not in check


def test_a_name_too_long_gets_an_easy_read_error_and_is_kept(client):
    answer(client, "before-you-start", "who", "me")
    typed = "Bartholomew-Maximilian-Alexander-Fitzgerald"
    response = client.post("/my-work/before-you-start/name", data={"action": "continue", "answer": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Error:" in page and f'value="{typed}"' in page
    assert h1(client.get("/my-work/plan").get_data(as_text=True)) == "My work plan"


def test_the_name_can_be_skipped(client):
    answer(client, "before-you-start", "who", "me")
    response = client.post("/my-work/before-you-start/name", data={"action": "skip"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/my-work/before-you-start/age")


def test_download_offers_a_document_to_read_and_the_data(client):
    assert "There are no answers open on this device." in client.get("/my-work/download").get_data(as_text=True)
    fill_in(client, "someone-else", name="Sam", helper="teacher")
    page = client.get("/my-work/download").get_data(as_text=True)
    assert (
        'href="/my-work/download/my-work-plan.html"' in page and 'href="/my-work/download/my-work-answers.json"' in page
    )
    assert client.get("/my-work/download/my-work-answers.json").get_json()["name"] == "Sam"


def test_the_readable_download_has_the_plan_and_every_answer_in_words_not_codes(client):
    fill_in(client, "someone-else", name="Sam", helper="teacher")
    answer(client, "my-work-dreams", "what-matters", ["quiet", "variety"])
    response = client.get("/my-work/download/my-work-plan.html")
    assert response.mimetype == "text/html" and "no-store" in response.headers["Cache-Control"]
    assert response.headers["Content-Disposition"] == 'attachment; filename="my-work-plan.html"'
    document = response.get_data(as_text=True)
    words = text_of(document)
    assert h1(document) == "Sam's work plan" and '<html lang="en">' in document
    for said in (
        "Sam would like to work with animals.",
        "Sam's dream job: Zookeeper",
        "Sam's next steps",
        "All the answers",
        "My work dreams",
        "How many hours a week would you like to work?",
        "Less than 16 hours a week",
        "A quiet place, Different jobs each day",
        "How old is the person?",
        "16 to 18",
        "Their first name",
        "Sam",
        "Who is filling in the checklists?",
        "Someone who knows me well",
        "To make a PDF, choose Print.",
    ):
        assert said in words, said
    for code in ("under-16", "16-18", "someone-else", "not-yet", "kinds-of-work", "variety"):
        assert re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", words) is None, code
    assert "<script" not in document and 'src="/' not in document and 'src="data:image/svg+xml;base64,' in document


def test_the_readable_download_is_in_welsh_for_a_welsh_reader(client):
    fill_in(client, "me", name="Siân", lang="cy")
    document = client.get("/my-work/download/my-work-plan.html", query_string={"lang": "cy"}).get_data(as_text=True)
    words = text_of(document)
    assert '<html lang="cy">' in document and h1(document) == "Cynllun gwaith Siân"
    assert "Hoffwn i weithio gydag anifeiliaid." in words and "Yr holl atebion" in words


def test_the_downloads_need_open_answers(client):
    assert client.get("/my-work/download/my-work-plan.html").status_code == 404
    assert client.get("/my-work/download/my-work-answers.json").status_code == 404


def test_without_javascript_the_whole_named_plan_is_read_privately_with_the_name_in_it(app, client):
    fill_in(client, "someone-else", name="Zebedee", helper="parent-or-carer")
    for view, page in (("plan", "/my-work/plan"), ("ehcp", "/my-work/plan/ehcp")):
        shown = client.get(page).get_data(as_text=True)
        address = re.search(r'<audio class="listen-audio"[^>]* src="([^"]+)"', shown).group(1)
        assert address == f"/my-work/audio/{view}/words/all.mp3"
        spoken = client.get(address)
        assert spoken.mimetype == "audio/mpeg" and "no-store" in spoken.headers["Cache-Control"]
        assert len(spoken.data) > 20_000  # the whole page: far longer than one sentence
    link = shared_link(client)
    shown = app.test_client().get(link).get_data(as_text=True)
    address = re.search(r'<audio class="listen-audio"[^>]* src="([^"]+)"', shown).group(1)
    assert address == f"{link}/audio/plan/words/all.mp3"
    assert app.test_client().get(address).mimetype == "audio/mpeg"
    assert client.get("/my-work/audio/elsewhere/words/all.mp3").status_code == 404
    with app.extensions["database"]["factory"]() as db:
        assert not any("Zebedee" in text for text in db.scalars(select(AudioClip.text)))


def test_the_whole_page_reading_has_every_line_of_the_page_with_the_name(client, monkeypatch):
    fill_in(client, "someone-else", name="Zebedee", helper="parent-or-carer")
    read = []
    monkeypatch.setattr(
        audio_routes, "private_speech", lambda text, lang: read.append(text) or Response(b"", mimetype="audio/mpeg")
    )
    client.get("/my-work/audio/plan/words/all.mp3")
    (whole,) = read
    for said in ("Zebedee's work plan.", "What Zebedee wants from work.", "Zebedee would like to work with animals."):
        assert said in whole, said
    assert whole.index("Zebedee's work plan") < whole.index("Zebedee would like to work with animals.")
