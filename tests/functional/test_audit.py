"""The audit trail: what leaves an entry, the page council admins read, and that entries cannot change."""

import pytest
from sqlalchemy import select

from app.staff.models import AuditEntry, AuditTrailIsAppendOnly, StaffUser
from demo.staff import DEMO_ACCOUNTS
from demo.staff.referrals import DEMO_REFERENCE
from tests.site import sign_in_as
from tests.staff_builders import HOSPITAL_JOBS, HOSPITAL_ORG, audit_entries, make_referral, session_for


def staff_id(app, role: str) -> int:
    with session_for(app) as session:
        return session.scalar(select(StaffUser.id).where(StaffUser.email == DEMO_ACCOUNTS[role]["email"]))


def test_looking_changing_exporting_and_a_refusal_all_leave_entries(app, client):
    other = make_referral(
        app, service_id=HOSPITAL_JOBS, service_name="Jobs at Sandbridge Hospital", organization_id=HOSPITAL_ORG
    )
    sign_in_as(client, "provider")
    client.get(f"/staff/referrals/{DEMO_REFERENCE}")
    client.post(f"/staff/referrals/{DEMO_REFERENCE}/status", data={"status": "contacted"})
    client.get(f"/staff/referrals/{other}")
    client.get("/staff/audit")
    admin = app.test_client()
    sign_in_as(admin, "council-admin")
    admin.get("/staff/referrals/export.csv")
    provider, council = staff_id(app, "provider"), staff_id(app, "council-admin")
    found = [(e.staff_id, e.action, e.object_type, e.object_ref) for e in audit_entries(app)]
    assert (provider, "view", "referral", DEMO_REFERENCE) in found
    assert (provider, "change", "referral", DEMO_REFERENCE) in found
    assert (provider, "denied", "referral", other) in found
    assert (provider, "denied", "route", "staff.audit") in found
    assert (council, "export", "referrals", None) in found


def test_an_entry_cannot_be_changed_or_removed(app):
    with session_for(app) as session:
        session.add(AuditEntry(action="view", object_type="referral", object_ref=DEMO_REFERENCE))
        session.commit()
        entry = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()))
        entry.action = "nothing"
        with pytest.raises(AuditTrailIsAppendOnly):
            session.commit()
        session.rollback()
        session.delete(session.get(AuditEntry, entry.id))
        with pytest.raises(AuditTrailIsAppendOnly):
            session.commit()
        session.rollback()
        assert session.get(AuditEntry, entry.id).action == "view"


def test_no_route_changes_or_removes_audit_entries(app):
    for rule in app.url_map.iter_rules():
        if "audit" in rule.rule:
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule.rule


def test_the_audit_page_shows_who_did_what_newest_first(app, client):
    sign_in_as(client, "provider")
    client.get(f"/staff/referrals/{DEMO_REFERENCE}")
    client.post(f"/staff/referrals/{DEMO_REFERENCE}/notes", data={"note": "Called, no answer."})
    sign_in_as(client, "council-admin")
    html = client.get("/staff/audit").get_data(as_text=True)
    assert "Audit trail" in html
    table = html[html.index("<tbody>") :]
    assert "Sam Price (demo)" in table and "works.staff@example.org" in table
    assert table.index("Changed: referral") < table.index("Viewed: referral")
    assert "Called, no answer." not in html


def test_the_audit_page_filters_by_staff_action_and_reference(app, client):
    sign_in_as(client, "provider")
    client.get(f"/staff/referrals/{DEMO_REFERENCE}")
    sign_in_as(client, "council-admin")
    provider_id = staff_id(app, "provider")
    client.get("/staff/referrals")
    by_provider = client.get(f"/staff/audit?staff={provider_id}").get_data(as_text=True)
    rows = by_provider[by_provider.index("<tbody>") : by_provider.index("</tbody>")]
    assert "Sam Price (demo)" in rows and "Alex Morgan (demo)" not in rows
    by_reference = client.get(f"/staff/audit?object={DEMO_REFERENCE.lower()}&action=view").get_data(as_text=True)
    assert "Showing 1 record" in by_reference
    by_action = client.get("/staff/audit?action=view").get_data(as_text=True)
    assert "Viewed: inbox" in by_action and "Refused" not in by_action[by_action.index("<tbody>") :]


@pytest.mark.parametrize(
    "args, message",
    [
        ("staff=999999", "We did not know that member of staff"),
        ("staff=abc", "We did not know that member of staff"),
        ("action=explode", "We did not know that action"),
    ],
)
def test_a_bad_audit_filter_is_left_out_with_a_message(client, args, message):
    sign_in_as(client, "council-admin")
    response = client.get(f"/staff/audit?{args}")
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_the_audit_page_is_paginated(app, client):
    with session_for(app) as session:
        session.add_all(
            AuditEntry(action="view", object_type="referral", object_ref=f"R{number}") for number in range(120)
        )
        session.commit()
    sign_in_as(client, "council-admin")
    first = client.get("/staff/audit?action=view").get_data(as_text=True)
    assert "Showing 1 to 50 of" in first and "Next page" in first
    assert "action=view" in first[first.index("Next page") - 300 : first.index("Next page")]
    third = client.get("/staff/audit?action=view&page=3").get_data(as_text=True)
    assert "Page before" in third and "Showing 101 to" in third
