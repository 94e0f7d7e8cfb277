"""The claim pack: sustained outcomes met in a period under one programme, with their evidence, as a page
and a CSV; for council admins, and for provider staff of their own organisation's referrals."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.clock import today
from app.referrals.models import HoursCheckIn, JobStart, Referral
from demo.staff import WORKS_ORG
from tests.site import sign_in_as

MET = "MMMM-7777"  # 13 weeks of 16 hours: met under both programmes
SHORT = "NNNN-8888"  # 13 weeks of 8 hours: met under IPS in Primary Care only


def add_referral_with_weeks(
    app, reference: str, hours: int, first: date, evidence="payslip", organization_id=WORKS_ORG
) -> None:
    with app.extensions["database"]["factory"]() as session:
        referral = Referral(
            reference=reference,
            idempotency_key=f"test-{reference}",
            service_id="test-service",
            service_name="Test service",
            organization_id=organization_id,
            status="started",
            contact_due_on=date(2026, 1, 1),
            asker="self",
            consent_at=datetime.now(UTC),
            age_band="18-25",
        )
        session.add(referral)
        session.flush()
        job = JobStart(
            referral_id=referral.id,
            employer="Harbour Café",
            job_title="Kitchen porter",
            start_date=first,
            hours_per_week=Decimal(hours),
            hourly_pay=Decimal("13.00"),
            paid=True,
        )
        session.add(job)
        session.flush()
        session.add(
            HoursCheckIn(
                job_id=job.id,
                period_start=first,
                period_end=first + timedelta(weeks=13, days=-1),
                hours_per_week=Decimal(hours),
                evidence=evidence,
            )
        )
        session.commit()


FIRST = today() - timedelta(weeks=20)
MET_ON = FIRST + timedelta(weeks=13, days=-1)


@pytest.fixture
def admin_with_claims(app, client):
    app.config["OUTCOME_PROGRAMMES"] = ("lse", "ips-primary-care")
    add_referral_with_weeks(app, MET, 16, FIRST)
    add_referral_with_weeks(app, SHORT, 8, FIRST, evidence="employer")
    sign_in_as(client, "council-admin")
    return client


def period(first: date, last: date, programme: str) -> dict:
    return {"programme": programme, "from": first.isoformat(), "to": last.isoformat()}


def test_the_claim_page_lists_outcomes_met_in_the_period_with_their_evidence(admin_with_claims):
    page = admin_with_claims.get("/staff/outcomes/claims", query_string=period(MET_ON, MET_ON, "lse"))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert MET in html and SHORT not in html  # 8 hours a week is not a Local Supported Employment outcome
    assert "1 outcome met" in html and "I saw a payslip: 1" in html
    ips = admin_with_claims.get("/staff/outcomes/claims", query_string=period(MET_ON, MET_ON, "ips-primary-care"))
    html = ips.get_data(as_text=True)
    assert MET in html and SHORT in html and "2 outcomes met" in html and "The employer told us: 1" in html


def test_outcomes_met_outside_the_period_are_not_listed(admin_with_claims):
    after = MET_ON + timedelta(days=1)
    html = admin_with_claims.get("/staff/outcomes/claims", query_string=period(after, today(), "lse")).get_data(
        as_text=True
    )
    assert MET not in html and "No outcome was met in these dates." in html


def test_the_csv_has_a_row_for_each_claim_and_no_names(admin_with_claims):
    response = admin_with_claims.get(
        "/staff/outcomes/claims.csv", query_string=period(MET_ON, MET_ON, "ips-primary-care")
    )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert 'filename="claims-ips-primary-care-' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["Reference"] for row in rows] == [MET, SHORT]
    assert rows[0]["Outcome met on"] == MET_ON.isoformat() and rows[0]["Weeks counted"] == "13"
    assert rows[0]["Programme"] == "Individual Placement and Support in Primary Care"
    assert rows[0]["Evidence for the hours"] == "I saw a payslip: 1"
    assert "Name" not in rows[0] and "Phone" not in rows[0]


@pytest.mark.parametrize(
    "args,message",
    [
        ({"programme": "connect-to-work"}, "We did not know that programme"),
        ({"from": "yesterday"}, "Write the date like 2026-11-27"),
        ({"from": "2026-12-01", "to": "2026-01-01"}, "The &#39;to&#39; date is before the &#39;from&#39; date"),
        ({"to": "99999-01-01\x00"}, "Write the date like 2026-11-27"),
    ],
)
def test_choices_that_are_not_understood_are_left_out_with_a_message(admin_with_claims, args, message):
    response = admin_with_claims.get("/staff/outcomes/claims", query_string=args)
    assert response.status_code == 200 and message in response.get_data(as_text=True)


def test_provider_staff_see_their_own_organisations_claims_and_school_staff_none(app, client):
    add_referral_with_weeks(app, MET, 16, FIRST)
    add_referral_with_weeks(app, SHORT, 16, FIRST, organization_id="another-organisation")
    sign_in_as(client, "provider")
    html = client.get("/staff/outcomes/claims", query_string=period(MET_ON, MET_ON, "lse")).get_data(as_text=True)
    assert MET in html and SHORT not in html
    sign_in_as(client, "school")
    assert client.get("/staff/outcomes/claims").status_code == 403
    assert client.get("/staff/outcomes/claims.csv").status_code == 403


def test_the_staff_home_links_to_claims_for_council_admins(client):
    sign_in_as(client, "council-admin")
    assert "/staff/outcomes/claims" in client.get("/staff/").get_data(as_text=True)


def test_the_demo_claim_pack_lists_the_demo_outcome(client):
    from demo.staff.referrals import DEMO_OUTCOME_REFERENCE

    sign_in_as(client, "council-admin")
    html = client.get("/staff/outcomes/claims", query_string={"from": "2000-01-01"}).get_data(as_text=True)
    assert DEMO_OUTCOME_REFERENCE in html and "I saw a payslip" in html


def test_a_programme_from_the_councils_own_rule_file_gets_its_claim_pack(app, client, tmp_path):
    # A rule in the council's grant agreement, written by the council in the shipped shape: 10 hours a week
    # for 12 weeks within 20. The numbers are this test's, not any real programme's.
    (tmp_path / "our-grant.yaml").write_text(
        "id: our-grant\nname: Our council's grant\nhours_at_least: 10\nweeks_needed: 12\nwindow_weeks: 20\n",
        encoding="utf-8",
    )
    app.config["OUTCOME_RULES_DIR"] = str(tmp_path)
    app.config["OUTCOME_PROGRAMMES"] = ("lse", "our-grant")
    add_referral_with_weeks(app, MET, 16, FIRST)
    add_referral_with_weeks(app, SHORT, 8, FIRST)
    sign_in_as(client, "council-admin")
    met_on = FIRST + timedelta(weeks=12, days=-1)
    html = client.get("/staff/outcomes/claims", query_string=period(met_on, met_on, "our-grant")).get_data(as_text=True)
    assert "Our council&#39;s grant" in html or "Our council's grant" in html
    assert MET in html and SHORT not in html and "1 outcome met" in html  # 8 hours is under its 10
