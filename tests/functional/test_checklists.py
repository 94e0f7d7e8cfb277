"""Walking every checklist to the plan, in English and Welsh, with skipping, Back, and changes from the check page."""

import re
from datetime import UTC

import pytest

from app.journeys.model import SELF
from demo.checklists import DEMO_CODE, DEMO_SHARE_TOKEN

SETUP = [("who", "me-with-help"), ("helper", "teacher"), ("age", "16-18")]


def answer(client, checklist, step, value=None, action="continue", then=None, lang="en"):
    data = {"action": action}
    if value is not None:
        data["answer"] = value
    query = {"lang": lang, **({"then": then} if then else {})}
    return client.post(f"/my-work/{checklist}/{step}", data=data, query_string=query)


def walk(client, app, checklist_id, lang="en", skip_every=False):
    """Answer every question on the person's path: the first answer each time, or skip them all."""
    checklist = app.extensions["checklists"][checklist_id]
    step_id, seen = checklist.first, 0
    while True:
        step = checklist.steps[step_id]
        if skip_every:
            response = answer(client, checklist_id, step_id, action="skip", lang=lang)
        elif step.type == "text":
            response = answer(client, checklist_id, step_id, "Something I typed", lang=lang)
        elif step.type == "several":
            response = answer(client, checklist_id, step_id, [step.options[0].id, step.options[-1].id], lang=lang)
        else:
            response = answer(client, checklist_id, step_id, step.options[0].id, lang=lang)
        assert response.status_code == 302, (step_id, response.get_data(as_text=True)[:300])
        seen += 1
        location = response.headers["Location"]
        if location.endswith("/check") or "/check?" in location:
            return seen
        step_id = re.search(rf"/my-work/{checklist_id}/([a-z0-9-]+)", location).group(1)


def start(client, lang="en"):
    for step, value in SETUP:
        assert answer(client, "before-you-start", step, value, then="my-work-dreams", lang=lang).status_code == 302


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("checklist_id", ["my-work-dreams", "all-about-me", "getting-ready"])
def test_each_checklist_walks_to_the_plan(app, client, lang, checklist_id):
    start(client, lang)
    count = walk(client, app, checklist_id, lang)
    assert 8 <= count <= 14
    check = client.get(f"/my-work/{checklist_id}/check", query_string={"lang": lang}).get_data(as_text=True)
    assert check.count('class="summary-change"') == count
    plan = client.get("/my-work/plan", query_string={"lang": lang}).get_data(as_text=True)
    assert f'<html lang="{lang}"' in plan
    assert "Something I typed" in plan or checklist_id == "getting-ready"
    if lang == "cy":
        assert "What I want from work" not in plan and "My next steps" not in plan


def test_skipping_every_question_still_reaches_the_check_page_and_saves_skips(app, client):
    count = walk(client, app, "all-about-me", skip_every=True)
    page = client.get("/my-work/all-about-me/check").get_data(as_text=True)
    assert page.count("Skipped") == count
    assert "There are no answers yet." in client.get("/my-work/plan").get_data(as_text=True)


def test_branching_shows_a_follow_up_only_when_it_applies(app, client):
    answer(client, "all-about-me", "good-at", ["cooking"])
    assert (
        answer(client, "all-about-me", "done-before", "not-yet")
        .headers["Location"]
        .endswith("/my-work/all-about-me/find-hard")
    )
    assert (
        answer(client, "all-about-me", "done-before", "yes")
        .headers["Location"]
        .endswith("/my-work/all-about-me/done-what")
    )


def test_back_link_follows_the_persons_own_path(client):
    answer(client, "all-about-me", "good-at", ["cooking"])
    answer(client, "all-about-me", "done-before", "not-yet")
    page = client.get("/my-work/all-about-me/find-hard").get_data(as_text=True)
    assert 'class="back-link" href="/my-work/all-about-me/done-before' in page
    assert "Question 3 of 9" in page


def test_changing_an_answer_from_the_check_page_returns_there(app, client):
    walk(client, app, "getting-ready")
    page = client.get("/my-work/getting-ready/check").get_data(as_text=True)
    assert 'href="/my-work/getting-ready/cv?from=check"' in page
    response = answer(client, "getting-ready", "cv", "yes", lang="en")
    response = client.post("/my-work/getting-ready/cv?from=check", data={"answer": "not-yet"})
    assert response.headers["Location"].endswith("/my-work/getting-ready/check")
    assert "Make a CV with someone who can help." in client.get("/my-work/plan").get_data(as_text=True)


def test_saved_answer_is_shown_when_going_back(client):
    answer(client, "my-work-dreams", "hours", "16-plus")
    page = client.get("/my-work/my-work-dreams/hours").get_data(as_text=True)
    assert re.search(r'value="16-plus" checked', page)


def test_every_not_yet_becomes_a_next_step(app, client):
    checklist = app.extensions["checklists"]["getting-ready"]
    for step in checklist.steps.values():
        answer(client, "getting-ready", step.id, "not-yet")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    next_steps = plan.split("My next steps")[1].split("About this plan")[0]
    for step in checklist.steps.values():
        assert re.sub(r"<[^>]+>", "", SELF.pick(step.next_step)).split(",")[0] in re.sub(r"<[^>]+>", "", next_steps), (
            step.id
        )


@pytest.mark.parametrize("value", ["not-an-option", "", "animals\x00", "<script>"])
def test_tampered_or_missing_choices_get_an_easy_read_error_and_save_nothing(client, value):
    response = answer(client, "my-work-dreams", "money", value)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<title>Error: " in page and "There is a problem" in page
    assert "Choose" in page
    assert "checklists" not in (response.headers.get("Set-Cookie") or "")


def test_two_answers_to_a_one_answer_question_are_refused(client):
    response = client.post("/my-work/my-work-dreams/money", data={"answer": ["a-lot", "a-bit"]})
    assert "Choose from the answers on this page." in response.get_data(as_text=True)


def test_over_long_text_is_refused_and_kept_in_the_box(client):
    typed = "a" * 2001
    response = answer(client, "my-work-dreams", "dream-job", typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Write 2000 letters or fewer." in page
    assert typed in page


def test_typed_text_is_shown_escaped(client):
    answer(client, "my-work-dreams", "dream-job", "<script>alert(1)</script>")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in plan and "&lt;script&gt;alert(1)&lt;/script&gt;" in plan


@pytest.mark.parametrize(
    "url",
    [
        "/my-work/no-such-list",
        "/my-work/my-work-dreams/no-such-step",
        "/my-work/NOT_KEBAB/x",
        "/my-work/shared/" + "x" * 20,
    ],
)
def test_nonsense_addresses_get_the_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "We cannot find this page" in response.get_data(as_text=True)


def test_bad_input_never_loses_saved_answers(client):
    answer(client, "my-work-dreams", "money", "a-lot")
    answer(client, "my-work-dreams", "money", "tampered")
    answer(client, "my-work-dreams", "dream-job", "x" * 3000)
    assert "Earning money matters a lot to me." in client.get("/my-work/plan").get_data(as_text=True)


def test_save_and_come_back_later_keeps_the_answer_and_shows_the_code(client):
    response = answer(client, "my-work-dreams", "money", "a-bit", action="save")
    assert response.headers["Location"].endswith("/my-work/save")
    page = client.get("/my-work/save").get_data(as_text=True)
    code = re.search(r'class="resume-code"[^>]*>([^<]+)<', page).group(1)
    assert re.fullmatch(r"[a-z]+-[a-z]+-[a-z]+-\d{4}", code)
    assert "<svg" in page and "qr-code" in page
    assert "180 days" in page


def test_resume_code_restores_answers_on_another_device(app, client):
    answer(client, "my-work-dreams", "money", "a-bit")
    code = re.search(r'class="resume-code"[^>]*>([^<]+)<', client.get("/my-work/save").get_data(as_text=True)).group(1)
    other = app.test_client()
    assert "Earning money matters a bit to me." not in other.get("/my-work/plan").get_data(as_text=True)
    typed = "  " + code.upper().replace("-", " ") + " "
    assert other.post("/my-work/resume", data={"code": typed}).status_code == 302
    assert "Earning money matters a bit to me." in other.get("/my-work/plan").get_data(as_text=True)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Write your code."),
        ("hello", "This is not a code from this website."),
        ("acid acorn acre 0000", "We cannot find checklists with this code."),
    ],
)
def test_wrong_codes_get_easy_read_messages_and_keep_what_was_typed(client, typed, message):
    response = client.post("/my-work/resume", data={"code": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "<title>Error: " in page
    assert f'value="{typed}"' in page


def test_an_expired_code_does_not_open_a_plan(app, client):
    from datetime import datetime, timedelta

    from app.checklists.models import ChecklistSession

    answer(client, "my-work-dreams", "money", "a-lot")
    code = re.search(r'class="resume-code"[^>]*>([^<]+)<', client.get("/my-work/save").get_data(as_text=True)).group(1)
    with app.extensions["database"]["factory"]() as db:
        for record in db.query(ChecklistSession).all():
            record.expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.commit()
    assert "Earning money matters a lot to me." not in client.get("/my-work/plan").get_data(as_text=True)
    response = app.test_client().post("/my-work/resume", data={"code": code})
    assert response.status_code == 200 and "We cannot find checklists with this code." in response.get_data(
        as_text=True
    )


def test_sharing_gives_a_read_only_link_that_can_be_stopped(app, client):
    answer(client, "my-work-dreams", "money", "a-lot")
    client.post("/my-work/share", data={"action": "share"})
    page = client.get("/my-work/share").get_data(as_text=True)
    link = re.search(r'class="share-link"><a href="http://localhost(/my-work/shared/[^"]+)"', page).group(1)
    viewer = app.test_client()
    shared = viewer.get(link).get_data(as_text=True)
    assert "Earning money matters a lot to me." in shared and "Delete my answers" not in shared
    assert viewer.get(link + "/ehcp").status_code == 200
    client.post("/my-work/share", data={"action": "stop"})
    assert viewer.get(link).status_code == 404


def test_delete_means_gone_from_the_database(app, client):
    from sqlalchemy import func, select

    from app.checklists.models import ChecklistAnswer, ChecklistSession

    answer(client, "my-work-dreams", "money", "a-lot")
    code = re.search(r'class="resume-code"[^>]*>([^<]+)<', client.get("/my-work/save").get_data(as_text=True)).group(1)
    factory = app.extensions["database"]["factory"]
    with factory() as db:
        before = db.scalar(select(func.count()).select_from(ChecklistSession))
    assert "You cannot get your answers back." in client.get("/my-work/delete").get_data(as_text=True)
    response = client.post("/my-work/delete")
    assert response.headers["Location"].endswith("/my-work/deleted")
    with factory() as db:
        assert db.scalar(select(func.count()).select_from(ChecklistSession)) == before - 1
        assert (
            db.scalar(
                select(func.count())
                .select_from(ChecklistAnswer)
                .where(
                    ChecklistAnswer.text.is_not(None), ChecklistAnswer.session_id.not_in(select(ChecklistSession.id))
                )
            )
            == 0
        )
    assert "We cannot find checklists" in app.test_client().post("/my-work/resume", data={"code": code}).get_data(
        as_text=True
    )


def test_download_gives_every_answer_as_json(client):
    answer(client, "my-work-dreams", "money", "a-lot")
    response = client.get("/my-work/download/my-work-answers.json")
    assert response.mimetype == "application/json" and "attachment" in response.headers["Content-Disposition"]
    body = response.get_json()
    assert {
        "checklist": "my-work-dreams",
        "step": "money",
        "choices": ["a-lot"],
        "text": None,
        "skipped": False,
    } in body["checklists"]


def test_ehcp_view_uses_the_preparing_for_adulthood_headings_with_date_and_who(client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    page = client.get("/my-work/plan/ehcp").get_data(as_text=True)
    for heading in ("My aspirations", "My strengths", "The support I need", "Next steps"):
        assert heading in page
    assert "A teacher or school worker helped." in page and "Last changed on" in page


def test_private_words_are_spoken_but_never_stored(app, client):
    from sqlalchemy import select

    from app.easyread.models import AudioClip

    answer(client, "my-work-dreams", "dream-job", "Zookeeper at Sandbridge")
    plan = client.get("/my-work/plan").get_data(as_text=True)
    assert 'data-say="/my-work/audio/my-work-dreams/dream-job.mp3"' in plan
    response = client.get("/my-work/audio/my-work-dreams/dream-job.mp3")
    assert response.mimetype == "audio/mpeg" and "no-store" in response.headers["Cache-Control"]
    code_audio = client.get("/my-work/audio/code.mp3")
    assert code_audio.status_code == 200 and "no-store" in code_audio.headers["Cache-Control"]
    with app.extensions["database"]["factory"]() as db:
        texts = db.scalars(select(AudioClip.text)).all()
    assert not any("Zookeeper" in text for text in texts)
    assert app.test_client().get("/my-work/audio/my-work-dreams/dream-job.mp3").status_code == 404


def test_shared_demo_plan_is_readable_without_a_code(client):
    assert "Working at an animal rescue centre" in client.get(f"/my-work/shared/{DEMO_SHARE_TOKEN}").get_data(
        as_text=True
    )


def test_closing_on_a_shared_device_forgets_the_checklists_here(client):
    client.post("/my-work/resume", data={"code": DEMO_CODE})
    client.post("/my-work/forget")
    assert "There are no answers yet." in client.get("/my-work/plan").get_data(as_text=True)


def test_matching_profile_comes_from_the_answers(app, client):
    from app.checklists.profile import current_profile

    client.post("/my-work/resume", data={"code": DEMO_CODE})
    with client.application.test_request_context():
        from flask import session

        with client.session_transaction() as stored:
            session.update(stored)
        profile = current_profile()
    assert profile.interests == {"animals", "gardening"}
    assert profile.try_first == {"work-experience", "supported-internship"}
    assert profile.helps >= {"job-coaching", "travel-training", "benefits-advice"}
    assert (
        profile.support_needs == {"learning-disability"} and profile.hours == "16-plus" and profile.age_band == "16-18"
    )


def test_a_checklist_step_whose_condition_does_not_hold_shows_the_page_its_definition_names(app, client, monkeypatch):
    from dataclasses import replace

    checklists = dict(app.extensions["checklists"])
    dreams = checklists["my-work-dreams"]
    second = dreams.steps[dreams.order[1]]
    steps = {
        **dreams.steps,
        second.id: replace(second, when={"fact": "never-known"}, otherwise="referrals/no_plan.html"),
    }
    checklists["my-work-dreams"] = replace(dreams, steps=steps)
    monkeypatch.setitem(app.extensions, "checklists", checklists)
    page = client.get(f"/my-work/my-work-dreams/{second.id}").get_data(as_text=True)
    assert "There is no plan open in this browser." in page
    assert f'href="/my-work/my-work-dreams/{dreams.order[2]}' in page
    assert f'href="/my-work/my-work-dreams/{dreams.order[0]}' in page
