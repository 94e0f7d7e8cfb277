"""A person's data on their request (/staff/personal-data): council admins find it by reference, email, phone,
or name and date of birth, read and download everything held (a subject access export), and erase it. The
erasure reaches the linked referrals, notes, outbox messages, checklists and school pupil, leaves other people's
data alone, and its audit entry holds counts only."""

import json
import re
from datetime import UTC, date, datetime

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from app.checklists import for_staff
from app.checklists import service as checklist_service
from app.checklists.answers import Answer
from app.checklists.models import ChecklistAnswer, ChecklistSession, ShareLink
from app.outbox.models import OutboxMessage, enqueue
from app.referrals.fields import FIELDS, exported_fields
from app.referrals.models import Referral, ReferralNote
from app.staff.models import AuditEntry, Pupil, School
from app.staff.privacy.service import COUNTED
from app.staff.privacy.views import COUNT_NAMES
from tests.functional.test_referral_fields import VALUES
from tests.site import PageCheckingClient, make_app, sign_in_as
from tests.staff_builders import audit_entries, make_referral, referral, session_for

NOTE = "Rang Morwenna about her back pain."
OTHER_NOTE = "Called Rhodri on Tuesday."
OTHER = {
    "person_name": "Rhodri Other (demo)",
    "phone": "01632 960555",
    "email": "rhodri.demo@example.org",
    "date_of_birth": date(1990, 5, 6),
    "message": "Mornings are best for me.",
}


def person(app, **overrides) -> str:
    """A referral holding a distinct value in every registry field."""
    values = {name: value for name, (value, _) in VALUES.items()}
    return make_referral(app, **{**values, **overrides})


def add_note(app, reference: str, text: str) -> None:
    with session_for(app) as session:
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        session.add(ReferralNote(referral_id=found.id, text=text))
        session.commit()


def add_message(app, reference: str) -> None:
    with session_for(app) as session:
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        enqueue(session, "new-referral", "works@example.org", f"New request for help: {reference}", "Body", found.id)
        session.commit()


def link_checklists(app, reference: str) -> int:
    """Checklists with 3 answers (one is the first name) and a share link, and a school pupil, linked to this referral's plan."""
    with app.app_context(), session_for(app) as session:
        record, _code = for_staff.start(session, app.config["SECRET_KEY"], 30)
        checklist_service.save_answer(session, record, "my-work-dreams", "kinds-of-work", Answer(("animals",)), 30)
        checklist_service.save_answer(session, record, "all-about-me", "good-at", Answer(text="Painting murals"), 30)
        checklist_service.save_answer(session, record, "before-you-start", "name", Answer(text="Morwenna"), 30)
        checklist_service.share(session, record, app.config["SECRET_KEY"], 30)
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        found.checklist_session_id = record.id
        session.add(
            Pupil(
                school=School(name="Sandbridge High School"),
                pupil_name="Morwenna Fields (demo)",
                year_group="year-11",
                consent_by="pupil",
                consent_at=datetime.now(UTC),
                checklist_session_id=record.id,
            )
        )
        session.commit()
        return record.id


def signposted_copy(app, reference: str) -> str:
    origin = referral(app, reference)
    values = {field.name: getattr(origin, field.name) for field in FIELDS}
    return make_referral(app, **values, signposted_from_id=origin.id)


def search(client, **data):
    return client.post("/staff/personal-data", data=data)


def found_references(html: str) -> set[str]:
    return set(re.findall(r'href="/staff/personal-data/([A-Z0-9]{4}-[A-Z0-9]{4})"', html))


@pytest.fixture
def people(app):
    """Morwenna (every field filled in) and Rhodri, someone else."""
    return person(app), make_referral(app, **OTHER)


@pytest.mark.parametrize(
    "data",
    [
        {"email": "  MORWENNA.demo@Example.org "},
        {"phone": "+44 (1632) 960-777"},
        {"phone": "01632960777"},
        {"person_name": "morwenna   FIELDS (demo)", "born_day": "14", "born_month": "2", "born_year": "1989"},
    ],
    ids=["email", "phone-international", "phone-bare", "name-and-birth"],
)
def test_a_council_admin_finds_a_person_by_each_key_and_nobody_else(admin, people, data):
    morwenna, rhodri = people
    response = search(admin, **data)
    assert response.status_code == 200 and response.cache_control.no_store and response.cache_control.private
    assert found_references(response.get_data(as_text=True)) == {morwenna}


def test_a_reference_as_read_out_on_the_phone_finds_the_referral(admin, people):
    morwenna, _ = people
    html = search(admin, reference=morwenna.lower().replace("-", " ")).get_data(as_text=True)
    assert found_references(html) == {morwenna}
    assert "Found by" in html and "reference" in html


def test_a_name_with_the_wrong_date_of_birth_finds_nobody(admin, people):
    html = search(
        admin, person_name="Morwenna Fields (demo)", born_day="15", born_month="2", born_year="1989"
    ).get_data(as_text=True)
    assert found_references(html) == set()
    assert "was found. Check what you typed" in html


@pytest.mark.parametrize(
    "data, message, kept",
    [
        ({}, "Write a reference, an email address, a phone number, or a name and a date of birth.", None),
        ({"person_name": "Morwenna Fields"}, "Write their date of birth too.", "Morwenna Fields"),
        ({"email": "morwenna at example"}, "Write an email address with an @ in it", "morwenna at example"),
        ({"phone": "12"}, "Write a phone number of 6 to 15 digits", 'value="12"'),
        ({"reference": "not-a-ref"}, "Write the reference as it was given", "not-a-ref"),
        (
            {"person_name": "Morwenna", "born_day": "31", "born_month": "2", "born_year": "1989"},
            "The date of birth must be a real date",
            'value="31"',
        ),
        ({"born_day": "1", "born_month": "2", "born_year": "1989"}, "Write their name too", 'value="1989"'),
    ],
)
def test_the_search_form_explains_each_problem_and_keeps_what_was_typed(admin, people, data, message, kept):
    response = search(admin, **data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html and html.count(message) == 2, "in the summary and beside the field"
    if kept:
        assert kept in html
    assert not found_references(html)


def test_the_search_form_needs_its_csrf_token(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    sign_in_as(client, "council-admin")
    assert search(client, email="someone@example.org").status_code == 400
    page = client.get("/staff/personal-data").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert search(client, csrf_token=token, email="someone@example.org").status_code == 200


def test_searches_are_audited_by_kind_of_key_never_by_what_was_typed(app, admin, people):
    search(admin, email="morwenna.demo@example.org", phone="01632 960777")
    entry = audit_entries(app, action="search")[-1]
    assert (entry.object_type, entry.object_ref, entry.detail) == (
        "personal-data",
        None,
        "by=email,phone found=1 drafts=0",
    )


def test_the_readable_export_holds_every_exported_field_its_notes_and_the_plan(app, admin, people):
    morwenna, rhodri = people
    add_note(app, morwenna, NOTE)
    response = admin.get(f"/staff/personal-data/{morwenna}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.cache_control.no_store and response.cache_control.private
    for field in exported_fields():
        assert f"<dt>{escape(field.label)}</dt>" in html or field.kind == "plan", field.name
    for shown in (
        "Morwenna Fields (demo)",
        "14 February 1989",
        "Llanfield",
        "01632 960777",
        "morwenna.demo@example.org",
        "4 Field Lane\nSandbridge",
        "Tigrinya",
        "Dana Example (demo)",
        "Careers adviser",
        "Sandbridge Careers (demo)",
        "dana.demo@example.org",
        "Fridays suit best.",
        "Gwyn Fields (demo)",
        "I can paint murals.",
        "British Sign Language (BSL)",
        "Letter",
        "Evening",
        "Welsh",
        "2 March 2026 at 09:30",
        NOTE,
    ):
        assert shown in html, shown
    assert "Rhodri" not in html
    assert audit_entries(app, action="export", object_ref=morwenna)[-1].detail == "document"


def test_the_json_export_holds_every_exported_field_and_everything_linked(app, admin, people):
    morwenna, _ = people
    add_note(app, morwenna, NOTE)
    add_message(app, morwenna)
    link_checklists(app, morwenna)
    copy = signposted_copy(app, morwenna)
    assert "First name on the plan: Morwenna." in admin.get(f"/staff/personal-data/{morwenna}").get_data(as_text=True)
    response = admin.get(f"/staff/personal-data/{morwenna}/export.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    assert f'filename="personal-data-{morwenna}.json"' in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert [found["reference"] for found in data["referrals"]] == [morwenna, copy]
    first = data["referrals"][0]
    assert set(first["fields"]) == {field.name for field in exported_fields()}
    for field in exported_fields():
        value = VALUES[field.name][0]
        expected = value.isoformat() if isinstance(value, (date, datetime)) else value
        assert first["fields"][field.name]["value"] == expected, field.name
        assert first["fields"][field.name]["label"] == field.label
    assert [note["text"] for note in first["notes"]] == [NOTE]
    assert [message["subject"] for message in data["messages"]] == [f"New request for help: {morwenna}"]
    (checklists,) = data["checklists"]
    assert {answer["step"] for answer in checklists["answers"]} == {"kinds-of-work", "good-at", "name"}
    assert checklists["first_name"] == "Morwenna"
    assert checklists["share_links"] == 1
    assert all(isinstance(text, str) for texts in checklists["plan"].values() for text in texts)
    assert any(checklists["plan"].values())
    assert [pupil["name"] for pupil in data["pupils"]] == ["Morwenna Fields (demo)"]
    assert audit_entries(app, action="export", object_ref=morwenna)[-1].detail == "json"


def _count(app, model, *where) -> int:
    with session_for(app) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_erasing_removes_everything_held_about_the_person_and_nothing_of_anyone_else(app, admin, people):
    morwenna, rhodri = people
    add_note(app, morwenna, NOTE)
    add_message(app, morwenna)
    checklists_id = link_checklists(app, morwenna)
    copy = signposted_copy(app, morwenna)
    add_note(app, copy, "Sent on to the café.")
    add_note(app, rhodri, OTHER_NOTE)
    add_message(app, rhodri)
    rhodri_before = referral(app, rhodri)
    page = admin.get(f"/staff/personal-data/{morwenna}/erase").get_data(as_text=True)
    assert "2 referrals" in page and "2 notes" in page and "3 checklist answers" in page

    refused = admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": rhodri})
    assert refused.status_code == 400 and f"Type the reference {morwenna} to confirm" in refused.get_data(as_text=True)
    assert referral(app, morwenna).person_name == "Morwenna Fields (demo)", "nothing is erased without the confirmation"

    done = admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna.lower()})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/staff/personal-data/{morwenna}")
    shown = admin.get(f"/staff/personal-data/{morwenna}").get_data(as_text=True)
    assert "Erased: 2 referrals, 2 notes, 1 message in the outbox" in shown

    for reference in (morwenna, copy):
        found = referral(app, reference)
        assert found.personal_data_removed_at is not None
        for field in FIELDS:
            if field.removed:
                assert getattr(found, field.name) in (None, []), (reference, field.name)
        assert _count(app, ReferralNote, ReferralNote.referral_id == found.id) == 0
        assert _count(app, OutboxMessage, OutboxMessage.referral_id == found.id) == 0
    assert _count(app, ChecklistSession, ChecklistSession.id == checklists_id) == 0
    assert _count(app, ChecklistAnswer, ChecklistAnswer.session_id == checklists_id) == 0
    assert _count(app, ShareLink, ShareLink.session_id == checklists_id) == 0
    assert _count(app, Pupil, Pupil.pupil_name == "Morwenna Fields (demo)") == 0

    rhodri_after = referral(app, rhodri)
    for field in FIELDS:
        assert getattr(rhodri_after, field.name) == getattr(rhodri_before, field.name), field.name
    assert _count(app, ReferralNote, ReferralNote.referral_id == rhodri_after.id) == 1
    assert _count(app, OutboxMessage, OutboxMessage.referral_id == rhodri_after.id) == 1
    assert _count(app, Pupil) >= 1, "the demo school's other pupils are kept"

    (entry,) = audit_entries(app, action="erase")
    assert (entry.object_type, entry.object_ref) == ("referral", morwenna)
    assert entry.detail == "referrals=2 notes=2 messages=1 checklists=1 answers=3 share-links=1 pupils=1 drafts=0"


def test_no_audit_entry_of_the_whole_journey_holds_personal_data(app, admin, people):
    morwenna, _ = people
    add_note(app, morwenna, NOTE)
    search(admin, person_name="Morwenna Fields (demo)", born_day="14", born_month="2", born_year="1989")
    admin.get(f"/staff/personal-data/{morwenna}")
    admin.get(f"/staff/personal-data/{morwenna}/export.json")
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    with session_for(app) as session:
        texts = [f"{e.object_ref} {e.detail}" for e in session.scalars(select(AuditEntry))]
    personal = [str(value) for value, _ in VALUES.values() if isinstance(value, str) and len(value) > 3] + [NOTE]
    for text in texts:
        for value in personal:
            assert value.lower() not in text.lower(), (value, text)
    assert len(audit_entries(app, object_type="personal-data")) == 3


def test_a_second_erasure_has_nothing_to_do(app, admin, people):
    morwenna, _ = people
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    page = admin.get(f"/staff/personal-data/{morwenna}/erase").get_data(as_text=True)
    assert "Nothing is left to erase" in page and 'name="confirm"' not in page
    assert admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna}).status_code == 200
    assert len(audit_entries(app, action="erase")) == 1


def test_other_referrals_that_may_be_the_same_person_are_listed_and_left_alone(app, admin, people):
    morwenna, _ = people
    sibling = make_referral(app, person_name="Tomos Fields (demo)", phone="01632 960777", email=None)
    html = admin.get(f"/staff/personal-data/{morwenna}").get_data(as_text=True)
    assert "Referrals that may be the same person" in html and f"/staff/personal-data/{sibling}" in html
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    assert referral(app, sibling).person_name == "Tomos Fields (demo)"


def test_an_unknown_reference_is_not_found(admin):
    assert admin.get("/staff/personal-data/KKKK-KKKK").status_code == 404
    assert admin.get("/staff/personal-data/KKKK-KKKK/export.json").status_code == 404


@pytest.mark.parametrize("role", ["provider", "school"])
def test_only_council_admins_may_find_export_or_erase(app, client, people, role):
    morwenna, _ = people
    sign_in_as(client, role)
    for method, path, data in (
        ("get", "/staff/personal-data", None),
        ("post", "/staff/personal-data", {"email": "morwenna.demo@example.org"}),
        ("get", f"/staff/personal-data/{morwenna}", None),
        ("get", f"/staff/personal-data/{morwenna}/export.json", None),
        ("get", f"/staff/personal-data/{morwenna}/erase", None),
        ("post", f"/staff/personal-data/{morwenna}/erase", {"confirm": morwenna}),
    ):
        response = getattr(client, method)(path, data=data)
        assert response.status_code == 403, (role, method, path)
        assert "Morwenna" not in response.get_data(as_text=True)
    assert referral(app, morwenna).person_name == "Morwenna Fields (demo)"
    home = client.get("/staff/").get_data(as_text=True)
    assert "/staff/personal-data" not in home


def test_the_staff_bar_and_home_page_link_council_admins_to_it(admin):
    assert 'href="/staff/personal-data"' in admin.get("/staff/").get_data(as_text=True)


def test_every_count_of_an_erasure_has_words():
    assert set(COUNT_NAMES) == set(COUNTED)


def test_a_signed_out_visitor_is_sent_to_sign_in(client, people):
    morwenna, _ = people
    response = client.get(f"/staff/personal-data/{morwenna}")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_the_erased_referral_keeps_its_record_for_the_figures(app, admin, people):
    morwenna, _ = people
    before = referral(app, morwenna)
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    after = referral(app, morwenna)
    assert (after.status, after.service_id, after.age_band, after.needs) == (
        before.status,
        before.service_id,
        before.age_band,
        before.needs,
    )


def test_the_referral_page_says_the_data_was_erased_on_request(app, admin, people):
    morwenna, _ = people
    admin.post(f"/staff/personal-data/{morwenna}/erase", data={"confirm": morwenna})
    page = admin.get(f"/staff/referrals/{morwenna}").get_data(as_text=True)
    assert "because the person asked for it to be erased" in page
    assert "when its time to be kept was up" not in page
