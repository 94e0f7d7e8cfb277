"""School mode: a pupil's checklists started in a review meeting, with consent, and seen later by their school."""

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.checklists.models import ChecklistSession
from app.staff.models import AuditEntry, Pupil, School
from demo.staff import DEMO_SCHOOL
from demo.staff.pupils import DEMO_PUPIL_CODE, DEMO_PUPIL_ID
from tests.site import sign_in_as

NEW_PUPIL = {"pupil_name": "Alys Test", "year_group": "year-11", "consent_by": "pupil-and-parent", "agreed": "y"}


def db(app):
    return app.extensions["database"]["factory"]()


def words(html: str) -> str:
    """The page's text without tags: glossary links inside sentences do not split them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" .", ".").replace(" ,", ",")


def add_pupil(app, school: str, name: str = "Other Pupil") -> int:
    """A pupil at a new school of this name: another school, even when the name is the same as one's own."""
    with db(app) as session:
        pupil = Pupil(
            school=School(name=school),
            pupil_name=name,
            year_group="year-12",
            consent_by="pupil",
            consent_at=datetime.now(UTC),
        )
        session.add(pupil)
        session.commit()
        return pupil.id


def audit(app, **where) -> list[AuditEntry]:
    with db(app) as session:
        query = select(AuditEntry)
        for name, value in where.items():
            query = query.where(getattr(AuditEntry, name) == value)
        return session.scalars(query.order_by(AuditEntry.id)).all()


def test_a_pupils_journey_from_consent_to_the_plan_and_the_ehcp_view(app, client):
    sign_in_as(client, "school")
    response = client.post("/staff/pupils/new", data=NEW_PUPIL)
    assert response.status_code == 302 and response.headers["Location"].endswith("/my-work/before-you-start/who")
    with db(app) as session:
        pupil = session.scalar(select(Pupil).where(Pupil.pupil_name == "Alys Test"))
        assert (pupil.school.name, pupil.year_group, pupil.consent_by) == (DEMO_SCHOOL, "year-11", "pupil-and-parent")
        assert pupil.consent_at is not None and pupil.checklist_session_id is not None
    assert [(e.action, e.detail) for e in audit(app, object_type="pupil", object_ref=str(pupil.id))] == [
        ("change", "created")
    ]

    # The staff member and the pupil answer together, in this browser.
    assert client.post("/my-work/before-you-start/who", data={"answer": "me-with-help"}).status_code == 302
    assert client.post("/my-work/my-work-dreams/kinds-of-work", data={"answer": ["animals"]}).status_code == 302
    with db(app) as session:
        assert len(session.get(ChecklistSession, pupil.checklist_session_id).answers) == 2

    page = client.get(f"/staff/pupils/{pupil.id}").get_data(as_text=True)
    code = re.search(r'<p class="resume-code" lang="en">([a-z]+-[a-z]+-[a-z]+-\d{4})</p>', page).group(1)
    assert "Alys Test" in page and "Year 11" in page and "The pupil and a parent or carer" in page
    assert "0 of 3 checklists finished. 1 question answered." in words(page)
    assert code not in client.get(f"/staff/pupils/{pupil.id}").get_data(as_text=True)  # shown once

    plan = words(client.get(f"/staff/pupils/{pupil.id}/plan").get_data(as_text=True))
    assert "I would like to work with animals." in plan and "I filled in my checklists with help." in plan
    ehcp = words(client.get(f"/staff/pupils/{pupil.id}/ehcp").get_data(as_text=True))
    assert "My aspirations" in ehcp and "I would like to work with animals." in ehcp
    details = [e.detail for e in audit(app, object_type="pupil", object_ref=str(pupil.id), action="view")]
    assert details == ["page", "page", "plan", "ehcp"]

    # The pupil carries on at home with the code.
    home = app.test_client()
    assert home.post("/my-work/resume", data={"code": code}).status_code == 302
    assert "I would like to work with animals." in words(home.get("/my-work/plan").get_data(as_text=True))


def test_the_pupil_list_shows_the_schools_pupils_newest_first_with_progress(app, client):
    add_pupil(app, "Another School", "Pupil Elsewhere")
    sign_in_as(client, "school")
    page = client.get("/staff/pupils").get_data(as_text=True)
    names = re.findall(r'<h2 class="pupil-name"><a href="/staff/pupils/\d+">([^<]+)</a>', page)
    assert names == ["Ffion Lewis (demo)", "Rhys Davies (demo)", "Maya Hughes (demo)"]
    assert "3 of 3 checklists finished." in words(page) and "The checklists were deleted or have expired." in words(
        page
    )


def test_council_admins_see_every_schools_pupils(app, client):
    other = add_pupil(app, "Another School", "Pupil Elsewhere")
    sign_in_as(client, "council-admin")
    assert "Pupil Elsewhere" in client.get("/staff/pupils").get_data(as_text=True)
    assert client.get(f"/staff/pupils/{other}").status_code == 200


def test_missing_consent_is_refused_with_an_easy_message_and_what_was_typed_is_kept(app, client):
    sign_in_as(client, "school")
    response = client.post("/staff/pupils/new", data={**NEW_PUPIL, "agreed": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<title>Error:" in page
    assert "Tick the box to confirm the pupil agreed. Without this, the checklists cannot start." in page
    assert (
        'value="Alys Test"' in page
        and re.search(r'value="year-11" checked', page)
        and re.search(r'value="pupil-and-parent" checked', page)
    )
    with db(app) as session:
        assert session.scalar(select(Pupil.id).where(Pupil.pupil_name == "Alys Test")) is None


def test_a_pupil_under_16_needs_a_parent_or_carer_to_agree_too(app, client):
    sign_in_as(client, "school")
    page = client.post(
        "/staff/pupils/new", data={**NEW_PUPIL, "year_group": "year-10", "consent_by": "pupil"}
    ).get_data(as_text=True)
    assert "Pupils in Year 9 and Year 10 are under 16. A parent or carer must agree too." in page


def test_every_question_must_be_answered(client):
    sign_in_as(client, "school")
    page = client.post("/staff/pupils/new", data={"year_group": "year-99", "consent_by": "someone"}).get_data(
        as_text=True
    )
    for message in (
        "Write the pupil&#39;s name.",
        "Choose the pupil&#39;s year group.",
        "Choose who agreed.",
        "Tick the box",
    ):
        assert message in page


@pytest.mark.parametrize("name", ["Another School", DEMO_SCHOOL])
def test_another_schools_pupil_is_not_found_and_the_try_is_audited(app, client, name):
    """Schools are told apart by their id: a school with the same name as one's own is still another school."""
    other = add_pupil(app, name)
    sign_in_as(client, "school")
    for path in (f"/staff/pupils/{other}", f"/staff/pupils/{other}/plan", f"/staff/pupils/{other}/ehcp"):
        response = client.get(path)
        assert response.status_code == 404 and "Other Pupil" not in response.get_data(as_text=True)
    assert client.post(f"/staff/pupils/{other}/carry-on", data={}).status_code == 404
    assert [e.action for e in audit(app, object_type="pupil", object_ref=str(other))] == ["denied"] * 4
    assert client.get("/staff/pupils/99999").status_code == 404
    assert [e.action for e in audit(app, object_type="pupil", object_ref="99999")] == ["not-found"]


def test_provider_staff_cannot_open_school_mode(app, client):
    sign_in_as(client, "provider")
    for path in (
        "/staff/pupils",
        "/staff/pupils/new",
        f"/staff/pupils/{DEMO_PUPIL_ID}",
        f"/staff/pupils/{DEMO_PUPIL_ID}/plan",
    ):
        assert client.get(path).status_code == 403
    assert client.post("/staff/pupils/new", data=NEW_PUPIL).status_code == 403
    assert audit(app, action="denied", object_type="route")


def test_carrying_on_with_the_pupils_code_opens_their_checklists_here(app, client):
    sign_in_as(client, "school")
    response = client.post(
        f"/staff/pupils/{DEMO_PUPIL_ID}/carry-on", data={"code": DEMO_PUPIL_CODE.replace("-", " ").upper()}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/my-work/")
    assert "Working at an animal rescue centre" in client.get("/my-work/plan").get_data(as_text=True)
    page = client.get(f"/staff/pupils/{DEMO_PUPIL_ID}").get_data(as_text=True)
    assert 'class="resume-code"' not in page  # the pupil's own code still works: nothing new to show
    assert app.test_client().post("/my-work/resume", data={"code": DEMO_PUPIL_CODE}).status_code == 302


def test_carrying_on_without_the_code_gives_a_new_code_and_the_old_one_stops(app, client):
    sign_in_as(client, "school")
    assert client.post(f"/staff/pupils/{DEMO_PUPIL_ID}/carry-on", data={"code": ""}).status_code == 302
    assert "Working at an animal rescue centre" in client.get("/my-work/plan").get_data(as_text=True)
    page = client.get(f"/staff/pupils/{DEMO_PUPIL_ID}").get_data(as_text=True)
    new_code = re.search(r'<p class="resume-code" lang="en">([a-z0-9-]+)</p>', page).group(1)
    assert new_code != DEMO_PUPIL_CODE
    assert app.test_client().post("/my-work/resume", data={"code": DEMO_PUPIL_CODE}).status_code != 302
    assert app.test_client().post("/my-work/resume", data={"code": new_code}).status_code == 302
    assert [e.detail for e in audit(app, object_type="pupil", action="change")] == ["new-code"]


def test_a_wrong_code_is_explained_and_opens_nothing(app, client):
    sign_in_as(client, "school")
    for typed in ("not a code", "panda-tulip-river-2026"):
        response = client.post(f"/staff/pupils/{DEMO_PUPIL_ID}/carry-on", data={"code": typed})
        page = response.get_data(as_text=True)
        assert (
            response.status_code == 400 and "This is not the pupil&#39;s code." in page and f'value="{typed}"' in page
        )
    assert "Working at an animal rescue centre" not in client.get("/my-work/plan").get_data(as_text=True)


def test_a_pupil_whose_checklists_were_deleted_starts_again_with_a_new_code(app, client):
    sign_in_as(client, "school")
    with db(app) as session:
        deleted = session.scalar(select(Pupil).where(Pupil.checklist_session_id.is_(None)))
    assert "The checklists were deleted or have expired." in words(
        client.get(f"/staff/pupils/{deleted.id}").get_data(as_text=True)
    )
    assert client.post(f"/staff/pupils/{deleted.id}/carry-on", data={"code": ""}).status_code == 302
    with db(app) as session:
        assert session.get(Pupil, deleted.id).checklist_session_id is not None
    assert re.search(r'class="resume-code"', client.get(f"/staff/pupils/{deleted.id}").get_data(as_text=True))


def test_the_demo_pupil_has_answers_in_the_plan_and_the_ehcp_view(client):
    sign_in_as(client, "school")
    plan = client.get(f"/staff/pupils/{DEMO_PUPIL_ID}/plan").get_data(as_text=True)
    assert "Maya Hughes (demo)" in plan and "Working at an animal rescue centre" in plan
    assert "Looking after our school garden" in client.get(f"/staff/pupils/{DEMO_PUPIL_ID}/ehcp").get_data(as_text=True)


def test_council_admins_without_a_school_are_told_pupils_are_added_by_schools(app, client):
    sign_in_as(client, "council-admin")
    page = client.post("/staff/pupils/new", data=NEW_PUPIL).get_data(as_text=True)
    assert "Pupils are added by school staff, for their own school." in words(page)
    with db(app) as session:
        assert session.scalar(select(Pupil.id).where(Pupil.pupil_name == "Alys Test")) is None


def test_signing_out_closes_a_pupils_checklists_on_this_computer(app, client):
    from app.checklists.current import SESSION_ID

    sign_in_as(client, "school")
    with client.session_transaction() as session:
        session[SESSION_ID] = 1
    client.post("/staff/sign-out")
    with client.session_transaction() as session:
        assert SESSION_ID not in session
