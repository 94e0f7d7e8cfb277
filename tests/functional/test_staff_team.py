"""How a team shares referrals: names in the inbox, search by name or reference, who is working on each,
"my referrals", and reopening a closed referral; all in the history and the audit trail."""

from sqlalchemy import select

from app.referrals.models import Referral, ReferralEvent
from app.staff.models import AuditEntry, StaffUser
from demo.staff import DEMO_ACCOUNTS, WORKS_ORG
from tests.site import sign_in_as


def session_of(app):
    return app.extensions["database"]["factory"]()


def a_referral(app, **where) -> Referral:
    with session_of(app) as session:
        query = select(Referral).where(*(getattr(Referral, k) == v for k, v in where.items())).order_by(Referral.id)
        return session.scalars(query).first()


def staff_id(app, role: str) -> int:
    with session_of(app) as session:
        return session.scalar(select(StaffUser.id).where(StaffUser.email == DEMO_ACCOUNTS[role]["email"]))


def test_the_inbox_shows_names_and_finds_a_referral_by_name_or_reference(app, client):
    sign_in_as(client, "council-admin")
    named = a_referral(app, status="new")
    assert named.person_name, "demo referrals have names"
    html = client.get("/staff/referrals").get_data(as_text=True)
    assert '<th scope="col">Name</th>' in html
    found = client.get("/staff/referrals", query_string={"q": named.person_name.split()[0].lower()})
    assert named.reference in found.get_data(as_text=True)
    by_reference = client.get("/staff/referrals", query_string={"q": named.reference.lower().replace("-", " ")})
    page = by_reference.get_data(as_text=True)
    assert named.reference in page and "Showing 1 referral" in page


def test_a_search_with_like_characters_finds_nothing_rather_than_everything(client):
    sign_in_as(client, "council-admin")
    html = client.get("/staff/referrals", query_string={"q": "%_%"}).get_data(as_text=True)
    assert "No referrals match" in html and 'value="%_%"' in html


def test_giving_a_referral_to_a_worker_and_my_referrals(app, client):
    sign_in_as(client, "provider")
    referral = a_referral(app, organization_id=WORKS_ORG, status="new")
    me = staff_id(app, "provider")
    response = client.post(f"/staff/referrals/{referral.reference}/assign", data={"worker": str(me)})
    assert response.status_code == 302
    page = client.get(f"/staff/referrals/{referral.reference}").get_data(as_text=True)
    assert f"{DEMO_ACCOUNTS['provider']['name']} is working on this referral." in page
    assert f"Given to {DEMO_ACCOUNTS['provider']['name']} to work on" in page  # in the history
    mine = client.get("/staff/referrals", query_string={"mine": "1"}).get_data(as_text=True)
    assert referral.reference in mine and "Showing 1 referral" in mine
    with session_of(app) as session:
        assert session.scalar(
            select(AuditEntry.id).where(
                AuditEntry.object_ref == referral.reference, AuditEntry.detail == f"assigned:{me}"
            )
        )
    client.post(f"/staff/referrals/{referral.reference}/assign", data={"worker": "nobody"})
    assert a_referral(app, reference=referral.reference).assigned_to_id is None


def test_a_referral_cannot_be_given_to_someone_who_cannot_see_it(app, client):
    sign_in_as(client, "provider")
    referral = a_referral(app, organization_id=WORKS_ORG)
    school = staff_id(app, "school")
    assert client.post(f"/staff/referrals/{referral.reference}/assign", data={"worker": str(school)}).status_code == 400
    assert client.post(f"/staff/referrals/{referral.reference}/assign", data={"worker": "x\x00"}).status_code == 400
    assert a_referral(app, reference=referral.reference).assigned_to_id is None


def test_reopening_a_closed_referral_puts_back_the_status_it_had(app, client):
    sign_in_as(client, "council-admin")
    referral = a_referral(app, status="contacted")
    client.post(f"/staff/referrals/{referral.reference}/status", data={"status": "closed", "reason": "no-thanks"})
    assert a_referral(app, reference=referral.reference).status == "closed"
    page = client.get(f"/staff/referrals/{referral.reference}").get_data(as_text=True)
    assert "Reopen this referral" in page
    response = client.post(f"/staff/referrals/{referral.reference}/reopen")
    assert response.status_code == 302
    reopened = a_referral(app, reference=referral.reference)
    assert reopened.status == "contacted" and reopened.closed_reason is None
    page = client.get(f"/staff/referrals/{referral.reference}").get_data(as_text=True)
    assert "Reopened. The status is Contacted again." in page
    assert "Reopened: status changed from Closed to" in page
    with session_of(app) as session:
        events = session.scalars(select(ReferralEvent.detail).where(ReferralEvent.referral_id == reopened.id)).all()
        assert "reopened" in events
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.detail == "reopened:contacted"))


def test_a_referral_that_is_not_closed_is_not_reopened(app, client):
    sign_in_as(client, "council-admin")
    referral = a_referral(app, status="new")
    client.post(f"/staff/referrals/{referral.reference}/reopen")
    assert a_referral(app, reference=referral.reference).status == "new"


def test_school_staff_and_commissioners_cannot_assign_or_reopen(app, client):
    referral = a_referral(app)
    for role in ("school", "commissioner"):
        sign_in_as(client, role)
        assert (
            client.post(f"/staff/referrals/{referral.reference}/assign", data={"worker": "nobody"}).status_code == 403
        )
        assert client.post(f"/staff/referrals/{referral.reference}/reopen").status_code == 403
