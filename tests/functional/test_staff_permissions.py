"""Who may see and change which referrals. A provider who changes the reference in the address gets
404, and the try is in the audit trail; other roles are refused; council admins see everything."""

import re

import pytest
from sqlalchemy import select

from app.referrals.models import Referral
from demo.staff import WORKS_ORG
from demo.staff.referrals import DEMO_REFERENCE
from tests.site import sign_in_as
from tests.staff_builders import (
    HOSPITAL_JOBS,
    HOSPITAL_ORG,
    add_staff,
    audit_entries,
    events,
    make_referral,
    referral,
    session_for,
)

HOSPITAL_EMAIL = "hospital.staff@example.org"
REFERENCE = re.compile(r'href="/staff/referrals/([A-Z0-9]{4}-[A-Z0-9]{4})"')


def all_inbox_references(client) -> set[str]:
    found, page = set(), 1
    while True:
        html = client.get(f"/staff/referrals?page={page}").get_data(as_text=True)
        found |= set(REFERENCE.findall(html))
        if "Next page" not in html:
            return found
        page += 1


def references_of(app, organization_id: str | None = None) -> set[str]:
    query = select(Referral.reference)
    if organization_id:
        query = query.where(Referral.organization_id == organization_id)
    with session_for(app) as session:
        return set(session.scalars(query))


@pytest.fixture
def hospital_referral(app) -> str:
    return make_referral(
        app, service_id=HOSPITAL_JOBS, service_name="Jobs at Sandbridge Hospital", organization_id=HOSPITAL_ORG
    )


def test_a_provider_sees_only_their_organisations_referrals(app, client, hospital_referral):
    sign_in_as(client, "provider")
    seen = all_inbox_references(client)
    assert seen == references_of(app, WORKS_ORG)
    assert hospital_referral not in seen


def test_another_provider_sees_only_theirs(app, client, hospital_referral):
    add_staff(app, HOSPITAL_EMAIL)
    sign_in_as(client, email=HOSPITAL_EMAIL)
    seen = all_inbox_references(client)
    assert hospital_referral in seen
    assert seen == references_of(app, HOSPITAL_ORG)
    assert DEMO_REFERENCE not in seen
    assert client.get(f"/staff/referrals/{hospital_referral}").status_code == 200


def test_a_council_admin_sees_every_referral(app, client, hospital_referral):
    sign_in_as(client, "council-admin")
    assert all_inbox_references(client) == references_of(app)
    assert client.get(f"/staff/referrals/{hospital_referral}").status_code == 200
    assert client.get(f"/staff/referrals/{DEMO_REFERENCE}").status_code == 200


def test_providers_export_their_own_organisations_referrals_only(app, client, hospital_referral):
    sign_in_as(client, "provider")
    response = client.get("/staff/referrals/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    exported = set(re.findall(r"^\ufeff?([A-Z0-9]{4}-[A-Z0-9]{4}),", response.get_data(as_text=True), re.M))
    assert exported == references_of(app, WORKS_ORG) and hospital_referral not in exported
    assert [e.detail for e in audit_entries(app, action="export")] == [f"rows={len(exported)}"]


def test_the_audit_trail_is_refused_to_providers(app, client):
    sign_in_as(client, "provider")
    response = client.get("/staff/audit")
    assert response.status_code == 403 and response.mimetype == "text/html"
    assert [e.object_ref for e in audit_entries(app, action="denied")] == ["staff.audit"]


@pytest.mark.parametrize(
    "path",
    [
        "/staff/referrals",
        f"/staff/referrals/{DEMO_REFERENCE}",
        "/staff/referrals/export.csv",
        f"/staff/referrals/{DEMO_REFERENCE}/signpost",
        "/staff/audit",
    ],
)
def test_school_staff_cannot_open_referral_pages(app, client, path):
    sign_in_as(client, "school")
    assert client.get(path).status_code == 403
    assert audit_entries(app, action="denied")


@pytest.mark.parametrize(
    "path, data",
    [
        (f"/staff/referrals/{DEMO_REFERENCE}/status", {"status": "contacted"}),
        (f"/staff/referrals/{DEMO_REFERENCE}/notes", {"note": "Hello"}),
    ],
)
def test_school_staff_cannot_change_referrals(app, client, path, data):
    sign_in_as(client, "school")
    assert client.post(path, data=data).status_code == 403
    assert referral(app, DEMO_REFERENCE).status == "new"


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(f"/staff/referrals/{DEMO_REFERENCE}")
    assert response.status_code == 302
    assert "/staff/sign-in" in response.headers["Location"]
    assert client.get("/staff/referrals/export.csv").status_code == 302


def test_provider_staff_cannot_read_the_audit_trail(client):
    sign_in_as(client, "provider")
    assert client.get("/staff/audit").status_code == 403


@pytest.mark.parametrize(
    "method, suffix, data",
    [
        ("get", "", None),
        ("get", "/signpost", None),
        ("post", "/status", {"status": "contacted"}),
        ("post", "/notes", {"note": "Tried to write on someone else's referral"}),
        ("post", "/signpost", {"service": "5ec69b07-4433-591e-a591-34f8423d4d5d", "reason": "better-fit"}),
    ],
)
def test_a_provider_who_changes_the_reference_gets_404_and_an_audit_entry(
    app, client, hospital_referral, method, suffix, data
):
    sign_in_as(client, "provider")
    response = getattr(client, method)(f"/staff/referrals/{hospital_referral}{suffix}", data=data)
    assert response.status_code == 404
    denied = audit_entries(app, action="denied", object_ref=hospital_referral)
    assert len(denied) == 1
    assert denied[0].object_type == "referral" and denied[0].staff_id is not None
    assert referral(app, hospital_referral).status == "new"
    assert len(events(app, hospital_referral)) == 1
    assert not audit_entries(app, action="change")


def test_a_reference_that_does_not_exist_is_404_and_noted_as_not_found(app, client):
    sign_in_as(client, "provider")
    assert client.get("/staff/referrals/AAAA-AAAA").status_code == 404
    assert [e.action for e in audit_entries(app, object_ref="AAAA-AAAA")] == ["not-found"]


def test_a_reference_that_is_not_a_reference_is_404(client):
    sign_in_as(client, "provider")
    assert client.get("/staff/referrals/0000-0000").status_code == 404
    assert client.get("/staff/referrals/kmrw-3467").status_code == 404
