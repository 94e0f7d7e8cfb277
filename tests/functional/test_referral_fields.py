"""The field registry: every personal column of a referral is in it once, and every use of the person's
data (staff page, signposting, purge, erasure, subject access export) is worked out from it."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect, select

from app.checklists.plan import Plan, Sentence
from app.purge import purge
from app.referrals.fields import FIELDS, KINDS, RECORD_COLUMNS, SECTIONS, copied_fields, exported_fields, removed_values
from app.referrals.models import Referral, ReferralEvent, ReferralNote
from app.referrals.service import erase_personal_data, personal_data
from app.referrals.sharing import copied_at_once, copied_on_consent
from app.referrals.snapshot import write_snapshot
from app.staff import words
from app.staff.referral.views import COMBINED_ROWS, FACT_SECTIONS
from tests.site import sign_in_as
from tests.staff_builders import HOSPITAL_JOBS, make_referral, referral, session_for

CONSENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
# For each field: a value no other field has, and what the staff page shows for it.
VALUES = {
    "needs": (["interpreter", "bsl"], "British Sign Language (BSL)"),
    "contact_language": ("cy", "Language to contact them in: Welsh"),
    "interpreter_language": ("Tigrinya", "An interpreter: Tigrinya"),
    "age_outside_range": (True, "<dt>Age outside the service&#39;s ages</dt>"),
    "age_band": ("26-plus", "26 or older"),
    "person_name": ("Morwenna Fields (demo)", "Morwenna Fields (demo)"),
    "age": (37, "<dd>37 (born"),
    "date_of_birth": (date(1989, 2, 14), "(born 14 February 1989)"),
    "area": ("Llanfield", "Llanfield"),
    "contact_methods": (["letter"], "<dd>Letter</dd>"),
    "phone": ("01632 960777", 'href="tel:01632960777"'),
    "email": ("morwenna.demo@example.org", 'href="mailto:morwenna.demo@example.org"'),
    "address": ("4 Field Lane\nSandbridge", "4 Field Lane\nSandbridge"),
    "contact_times": (["evening"], "<dd>Evening</dd>"),
    "asker": ("professional", "A professional"),
    "asker_name": ("Dana Example (demo)", "Dana Example (demo), "),
    "asker_role": ("Careers adviser", ", Careers adviser"),
    "asker_organisation": ("Sandbridge Careers (demo)", ", Sandbridge Careers (demo)"),
    "professional_kind": ("college", "(College)"),
    "asker_relationship": ("Aunt (demo)", ", Aunt (demo)"),
    "asker_phone": ("01632 960888", 'href="tel:01632960888"'),
    "asker_email": ("dana.demo@example.org", 'href="mailto:dana.demo@example.org"'),
    "person_knows": ("no", "<dd>No, not yet</dd>"),
    "lang": ("cy", "<dd>Welsh</dd>"),
    "message": ("Fridays suit best.", "Fridays suit best."),
    "consent_at": (CONSENT, "<dd>2 March 2026 at 09:30</dd>"),
    "parent_consent_name": ("Gwyn Fields (demo)", "Gwyn Fields (demo), "),
    "parent_consent_at": (CONSENT + timedelta(minutes=1), "2 March 2026 at 09:31"),
    "plan": (write_snapshot(Plan(strengths=[Sentence("art", "I can paint murals.")])), "I can paint murals."),
    "checklist_session_id": (None, None),  # not shown; a real checklist would need its own rows
}


def every_field(app) -> str:
    return make_referral(app, **{name: value for name, (value, _) in VALUES.items()})


def test_every_column_of_a_referral_is_either_a_registry_field_or_part_of_the_record():
    columns = {column.key for column in inspect(Referral).columns}
    names = [field.name for field in FIELDS]
    assert len(names) == len(set(names)), "a field is in the registry twice"
    assert not set(names) & RECORD_COLUMNS
    assert columns - RECORD_COLUMNS == set(names), (
        "a personal column is missing from the registry (app/referrals/fields.py)"
    )
    assert RECORD_COLUMNS <= columns


def test_every_field_says_what_it_is_and_where_staff_see_it():
    for field in FIELDS:
        assert field.kind in KINDS and field.section in (*SECTIONS, None), field.name
        if field.kind in ("code", "codes"):
            assert isinstance(getattr(words, field.words), dict), field.name
    shared = {}
    for field in FIELDS:
        if field.section in FACT_SECTIONS:
            shared.setdefault(field.staff_row, []).append(field.name)
    assert {row for row, names in shared.items() if len(names) > 1} <= set(COMBINED_ROWS)


def test_the_test_values_cover_every_field():
    assert set(VALUES) == {field.name for field in FIELDS}


def test_the_staff_page_shows_every_field_it_should(app, client):
    reference = every_field(app)
    sign_in_as(client, "provider")
    html = client.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    for field in FIELDS:
        shown = VALUES[field.name][1]
        assert (shown is not None) == (field.section is not None), field.name
        if shown:
            assert shown in html, field.name


def test_signposting_copies_every_field_it_should(app, client):
    reference = every_field(app)
    sign_in_as(client, "provider")
    assert (
        client.post(
            f"/staff/referrals/{reference}/signpost", data={"service": HOSPITAL_JOBS, "reason": "better-fit"}
        ).status_code
        == 302
    )
    old = referral(app, reference)
    with session_for(app) as session:
        new = session.scalar(select(Referral).where(Referral.signposted_from_id == old.id))
    assert set(copied_fields()) == {field.name for field in FIELDS if field.copied}
    assert set(copied_at_once()) | set(copied_on_consent()) == set(copied_fields())
    for name in copied_at_once():  # before the person agrees: the codes and dates kept for the figures
        assert getattr(new, name) == getattr(old, name), name
    for name in copied_on_consent():
        assert getattr(new, name) in (None, []), name
    sign_in_as(client, "council-admin")
    assert client.post(f"/staff/referrals/{new.reference}/share-consent", data={"answer": "yes"}).status_code == 302
    agreed = referral(app, new.reference)
    assert agreed.share_consent == "agreed"
    for name in copied_fields():
        assert getattr(agreed, name) == getattr(old, name), name


def assert_removed(found: Referral, before: Referral) -> None:
    removed = removed_values()
    for field in FIELDS:
        if field.removed:
            assert getattr(found, field.name) == ([] if field.kind == "codes" else None), field.name
        else:
            assert getattr(found, field.name) == getattr(before, field.name), field.name
    assert set(removed) == {field.name for field in FIELDS if field.removed}


def test_the_purge_removes_every_field_it_should_and_keeps_the_rest(app):
    reference = every_field(app)
    before = referral(app, reference)
    with session_for(app) as session:
        session.add(ReferralNote(referral_id=before.id, text="Called Morwenna."))
        session.commit()
    purge(app, now=datetime.now(UTC) + timedelta(days=app.config["REFERRAL_KEEP_DAYS"] + 1))
    found = referral(app, reference)
    assert found.personal_data_removed_at is not None
    assert_removed(found, before)


def test_an_erasure_removes_every_field_it_should_and_the_notes_now_and_keeps_the_record(app):
    reference = every_field(app)
    before = referral(app, reference)
    with app.app_context(), session_for(app) as session:
        session.add(ReferralNote(referral_id=before.id, text="Called Morwenna."))
        session.commit()
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        assert erase_personal_data(session, found, now=CONSENT + timedelta(days=30))
        assert not erase_personal_data(session, found), "a second erasure has nothing to do"
    found = referral(app, reference)
    assert found.personal_data_removed_at is not None
    assert (found.reference, found.status, found.service_id) == (before.reference, before.status, before.service_id)
    assert_removed(found, before)
    with session_for(app) as session:
        assert session.scalar(select(ReferralNote.id).where(ReferralNote.referral_id == found.id)) is None
        kinds = list(session.scalars(select(ReferralEvent.kind).where(ReferralEvent.referral_id == found.id)))
    assert kinds.count("erased") == 1
    assert words.event_words("erased", None, None, None) == "Personal data removed on request"


def test_the_erased_referral_page_says_its_personal_data_was_removed(app, client):
    reference = every_field(app)
    with app.app_context(), session_for(app) as session:
        erase_personal_data(session, session.scalar(select(Referral).where(Referral.reference == reference)))
    sign_in_as(client, "provider")
    html = client.get(f"/staff/referrals/{reference}").get_data(as_text=True)
    assert "The personal data in this referral was removed" in html and "Personal data removed on request" in html
    for name in ("person_name", "phone", "message", "plan"):
        assert VALUES[name][1] not in html, name


def test_a_subject_access_export_holds_every_exported_field_and_the_notes(app):
    reference = every_field(app)
    with session_for(app) as session:
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        session.add(ReferralNote(referral_id=found.id, text="Called Morwenna."))
        session.commit()
        data = personal_data(found)
    assert data["reference"] == reference
    assert set(data["fields"]) == {field.name for field in exported_fields()} == {f.name for f in FIELDS if f.exported}
    assert data["fields"]["person_name"] == {"label": "Name", "value": "Morwenna Fields (demo)"}
    assert data["fields"]["date_of_birth"]["value"] == "1989-02-14"
    assert data["fields"]["plan"]["value"]["sections"][0]["sentences"][0]["text"] == "I can paint murals."
    assert [note["text"] for note in data["notes"]] == ["Called Morwenna."]
    json.dumps(data)  # ready to be sent as it is


@pytest.mark.parametrize("name", [field.name for field in FIELDS if field.exported])
def test_each_exported_field_has_its_value_in_the_export(app, name):
    reference = every_field(app)
    with session_for(app) as session:
        data = personal_data(session.scalar(select(Referral).where(Referral.reference == reference)))
    value = VALUES[name][0]
    expected = value.isoformat() if isinstance(value, (date, datetime)) else value
    assert data["fields"][name]["value"] == expected


def test_the_staff_page_links_only_a_well_formed_email_and_never_adds_to_it(app, client):
    """A value saved before the strict check, with a query, is shown as words and never becomes a link."""
    forged = make_referral(app, email="person@example.org?cc=x%40evil.example")
    plain = make_referral(app, email="o'neil+work@example.org")
    sign_in_as(client, "provider")
    html = client.get(f"/staff/referrals/{forged}").get_data(as_text=True)
    assert "mailto:" not in html and "person@example.org?cc=x%40evil.example" in html
    html = client.get(f"/staff/referrals/{plain}").get_data(as_text=True)
    assert 'href="mailto:o%27neil%2Bwork@example.org"' in html
