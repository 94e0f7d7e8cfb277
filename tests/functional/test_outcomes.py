"""Recording job starts and hours check-ins on a started referral, and the progress shown on its page."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.clock import today
from app.referrals.models import HoursCheckIn, JobStart, Referral, ReferralEvent
from app.staff.models import AuditEntry
from demo.staff import WORKS_ORG
from demo.staff.referrals import DEMO_REFERENCE, DEMO_STARTED_REFERENCE
from tests.site import sign_in_as

REFERENCE = "KKKK-4444"


def db(app):
    return app.extensions["database"]["factory"]()


def add_referral(app, reference=REFERENCE, status="started", organization_id=WORKS_ORG) -> None:
    with db(app) as session:
        session.add(
            Referral(
                reference=reference,
                idempotency_key=f"test-{reference}",
                service_id="test-service",
                service_name="Test service",
                organization_id=organization_id,
                status=status,
                contact_due_on=date(2026, 1, 1),
                asker="self",
                consent_at=datetime.now(UTC),
            )
        )
        session.commit()


def parts(prefix: str, day: date) -> dict:
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


def job_form(start: date, **overrides) -> dict:
    return {
        "employer": "Harbour Café",
        "job_title": "Kitchen porter",
        **parts("start", start),
        "hours": "18",
        "paid": "paid",
        "pay": "13.00",
        "apprenticeship": "no",
        **overrides,
    }


def jobs(app, reference=REFERENCE) -> list[JobStart]:
    with db(app) as session:
        referral = session.scalar(select(Referral).where(Referral.reference == reference))
        return list(session.scalars(select(JobStart).where(JobStart.referral_id == referral.id).order_by(JobStart.id)))


def outcome_section(html: str) -> str:
    return html[html.index('id="outcome"') :]


def words(html: str) -> str:
    """The page's text without tags: glossary links inside sentences do not split them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" .", ".").replace(" ,", ",")


@pytest.fixture
def provider(app, client):
    add_referral(app)
    sign_in_as(client, "provider")
    return client


def test_recording_a_job_start_saves_it_with_a_history_line_and_an_audit_entry(app, provider):
    start = today() - timedelta(days=20)
    response = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/referrals/{REFERENCE}#outcome")
    [job] = jobs(app)
    assert (job.employer, job.job_title, job.start_date, job.end_date) == (
        "Harbour Café",
        "Kitchen porter",
        start,
        None,
    )
    assert (job.hours_per_week, job.hourly_pay, job.paid) == (Decimal("18.00"), Decimal("13.00"), True)
    with db(app) as session:
        assert session.scalar(
            select(ReferralEvent.kind).where(
                ReferralEvent.kind == "job-start", ReferralEvent.referral_id == job.referral_id
            )
        )
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.object_ref == REFERENCE, AuditEntry.action == "change")
        ).all()
        assert [entry.detail for entry in audit] == ["job-start"]
    page = provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True)
    section = outcome_section(page)
    assert "Harbour Café" in section and "Kitchen porter" in section and "£13.00 an hour" in section


def test_an_unpaid_job_needs_no_pay_and_keeps_none(app, provider):
    response = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), paid="unpaid", pay="9"))
    assert response.status_code == 302
    [job] = jobs(app)
    assert job.paid is False and job.hourly_pay is None


def test_a_job_change_ends_the_earlier_job(app, provider):
    first = today() - timedelta(days=30)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(first))
    [earlier] = jobs(app)
    form = provider.get(f"/staff/referrals/{REFERENCE}/job").get_data(as_text=True)
    assert "Harbour Café: Kitchen porter" in form and "No job ended" in form
    change = job_form(
        first + timedelta(days=10),
        employer="Sandbridge Bay Hotel",
        ended_job=str(earlier.id),
        **parts("end", first + timedelta(days=9)),
    )
    assert provider.post(f"/staff/referrals/{REFERENCE}/job", data=change).status_code == 302
    earlier, later = jobs(app)
    assert (
        earlier.end_date == first + timedelta(days=9)
        and later.employer == "Sandbridge Bay Hotel"
        and later.end_date is None
    )


def test_weekly_and_monthly_check_ins_show_progress_in_words_and_13_boxes(app, provider):
    start = today() - timedelta(days=70)  # 10 weeks that are over
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start))
    [job] = jobs(app)
    weekly = {"evidence": "payslip", "job": str(job.id), "period": "week", **parts("from", start), "hours": "18"}
    monthly = {
        "evidence": "payslip",
        "job": str(job.id),
        "period": "month",
        **parts("from", start + timedelta(days=7)),
        "hours": "20",
    }
    assert provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=weekly).status_code == 302
    assert provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=monthly).status_code == 302
    with db(app) as session:
        week, month = session.scalars(
            select(HoursCheckIn).where(HoursCheckIn.job_id == job.id).order_by(HoursCheckIn.id)
        ).all()
        assert (week.period_start, week.period_end) == (start, start + timedelta(days=6))
        assert (
            month.period_start == start + timedelta(days=7) and 27 <= (month.period_end - month.period_start).days <= 30
        )
        assert session.scalar(
            select(AuditEntry.id).where(AuditEntry.detail == "check-in", AuditEntry.action == "change")
        )
    section = outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True))
    assert "5 of 13 weeks done. 8 more weeks of 16 hours or more are needed by" in words(section)  # weeks 1-5
    boxes = re.search(r'<div class="outcome-boxes" role="img" aria-label="([^"]+)">(.*?)</div>', section, re.S)
    assert boxes.group(1) == "5 of 13 weeks done"
    assert boxes.group(2).count('class="outcome-box') == 13 and boxes.group(2).count("&#10003;") == 5
    assert "Record hours worked" in words(section) and "Record a job start or a job change" in words(section)


def test_the_demo_started_referral_shows_a_job_change_and_its_progress(client):
    sign_in_as(client, "provider")
    section = outcome_section(client.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}").get_data(as_text=True))
    assert "Harbour Café (demo)" in section and "Sandbridge Bay Hotel (demo)" in section
    assert re.search(r"\d+ of 13 weeks done\.", words(section))
    assert "&#10003;" in section


def test_validation_errors_are_in_easy_read_and_keep_what_was_typed(app, provider):
    data = job_form(today(), start_day="31", start_month="2", start_year="2026", hours="lots", pay="-3", employer="  ")
    response = provider.post(f"/staff/referrals/{REFERENCE}/job", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<title>Error:" in page
    for message in (
        "Write the name of the employer.",
        "The start date must be a real date, for example 6 4 2026.",
        "Hours a week must be a number from 0 to 80",
        "Pay for each hour must be a number of pounds from 0 to 500",
    ):
        assert message in page
    assert 'value="31"' in page and 'value="lots"' in page and 'value="-3"' in page and 'value="Kitchen porter"' in page
    assert jobs(app) == []


def test_a_paid_job_needs_its_pay_and_a_choice_of_paid_or_unpaid(app, provider):
    page = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), pay="")).get_data(as_text=True)
    assert "Write the pay for each hour in pounds" in page
    page = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), paid="maybe")).get_data(
        as_text=True
    )
    assert "Choose paid or unpaid." in page
    assert jobs(app) == []


@pytest.mark.parametrize(
    "field,value",
    [
        ("start_day", "99999999999999999999"),
        ("start_year", "-1"),
        ("start_month", "13"),
        ("start_year", "26"),
        ("hours", "NaN"),
        ("hours", "1e400"),
        ("hours", "Infinity"),
        ("hours", "16.555"),
        ("hours", "80.01"),
        ("pay", "£1e9"),
    ],
)
def test_strange_dates_and_numbers_get_a_message_not_an_error_page(app, provider, field, value):
    response = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), **{field: value}))
    assert response.status_code == 200 and "There is a problem" in response.get_data(as_text=True)
    assert jobs(app) == []


def test_check_in_errors_are_explained_and_typed_values_kept(app, provider):
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start))
    [job] = jobs(app)
    cases = [
        ({"evidence": "payslip", "period": "week", **parts("from", start), "hours": "16"}, "Choose the job."),
        ({"job": str(job.id), **parts("from", start), "hours": "16"}, "Choose how long the check-in is for."),
        (
            {
                "evidence": "payslip",
                "job": str(job.id),
                "period": "dates",
                **parts("from", start),
                **parts("to", start - timedelta(days=1)),
                "hours": "16",
            },
            "The last day must be the same as or after the first day.",
        ),
        (
            {
                "evidence": "payslip",
                "job": str(job.id),
                "period": "week",
                **parts("from", today() + timedelta(days=1)),
                "hours": "16",
            },
            "The first day must be today or before.",
        ),
        (
            {
                "evidence": "payslip",
                "job": str(job.id),
                "period": "week",
                **parts("from", start - timedelta(days=30)),
                "hours": "16",
            },
            "These dates are not while the job was going.",
        ),
        (
            {"evidence": "payslip", "job": str(job.id), "period": "week", **parts("from", start), "hours": "81"},
            "Hours a week must be a number from 0 to 80",
        ),
        (
            {"evidence": "payslip", "job": "999", "period": "week", **parts("from", start), "hours": "16"},
            "Choose the job.",
        ),
    ]
    for data, message in cases:
        response = provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page, message
        assert f'value="{data["hours"]}"' in page
    with db(app) as session:
        assert session.scalars(select(HoursCheckIn).where(HoursCheckIn.job_id == job.id)).all() == []


def test_a_check_in_from_one_date_to_another_is_saved_with_those_dates(app, provider):
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start))
    [job] = jobs(app)
    data = {
        "evidence": "payslip",
        "job": str(job.id),
        "period": "dates",
        **parts("from", start),
        **parts("to", start + timedelta(days=9)),
        "hours": "15.5",
    }
    assert provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=data).status_code == 302
    with db(app) as session:
        saved = session.scalar(select(HoursCheckIn).where(HoursCheckIn.job_id == job.id))
        assert (saved.period_start, saved.period_end, saved.hours_per_week) == (
            start,
            start + timedelta(days=9),
            Decimal("15.50"),
        )


def test_the_check_in_page_asks_for_a_job_first_when_there_is_none(provider):
    page = provider.get(f"/staff/referrals/{REFERENCE}/check-in").get_data(as_text=True)
    assert "There is no job yet. Record a job start first." in words(page)


def test_a_referral_that_has_not_started_is_refused_with_an_easy_message(app, client):
    sign_in_as(client, "provider")
    page = client.get(f"/staff/referrals/{DEMO_REFERENCE}/job")
    assert page.status_code == 200 and "This referral is not at Started. Nothing was saved." in words(
        page.get_data(as_text=True)
    )
    response = client.post(f"/staff/referrals/{DEMO_REFERENCE}/job", data=job_form(today()))
    assert response.status_code == 409
    assert client.post(f"/staff/referrals/{DEMO_REFERENCE}/check-in", data={}).status_code == 409
    assert jobs(app, DEMO_REFERENCE) == []
    assert f"/staff/referrals/{DEMO_REFERENCE}/job" not in client.get(f"/staff/referrals/{DEMO_REFERENCE}").get_data(
        as_text=True
    )


def test_a_provider_cannot_record_on_another_organisations_referral(app, client):
    add_referral(app, "MMMM-7777", organization_id="another-organisation")
    sign_in_as(client, "provider")
    assert client.get("/staff/referrals/MMMM-7777/job").status_code == 404
    assert client.post("/staff/referrals/MMMM-7777/job", data=job_form(today())).status_code == 404
    assert client.post("/staff/referrals/MMMM-7777/check-in", data={}).status_code == 404
    assert jobs(app, "MMMM-7777") == []
    with db(app) as session:
        denied = session.scalars(select(AuditEntry.action).where(AuditEntry.object_ref == "MMMM-7777")).all()
    assert denied == ["denied", "denied", "denied"]


def test_school_staff_cannot_record_jobs(app, client):
    add_referral(app)
    sign_in_as(client, "school")
    assert client.get(f"/staff/referrals/{REFERENCE}/job").status_code == 403
    assert client.post(f"/staff/referrals/{REFERENCE}/check-in", data={}).status_code == 403


def test_signed_out_staff_are_sent_to_sign_in(client):
    response = client.get(f"/staff/referrals/{DEMO_STARTED_REFERENCE}/job")
    assert response.status_code == 302 and "/staff/sign-in" in response.headers["Location"]


def test_a_job_needs_a_choice_of_apprenticeship_and_a_check_in_its_evidence(app, provider):
    page = provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(today(), apprenticeship="")).get_data(
        as_text=True
    )
    assert "Choose yes or no: is the job an apprenticeship?" in page and jobs(app) == []
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start, apprenticeship="yes"))
    [job] = jobs(app)
    assert job.apprenticeship is True
    data = {"job": str(job.id), "period": "week", **parts("from", start), "hours": "16", "evidence": "rumour"}
    page = provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=data).get_data(as_text=True)
    assert "Choose how you know these hours." in page and 'value="16"' in page
    data["evidence"] = "employer"
    assert provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=data).status_code == 302
    with db(app) as session:
        assert session.scalar(select(HoursCheckIn.evidence).where(HoursCheckIn.job_id == job.id)) == "employer"
    section = words(outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True)))
    assert "16 hours a week at Harbour Café (The employer told us)" in section


def _with_birthday(app, born: date) -> None:
    with db(app) as session:
        referral = session.scalar(select(Referral).where(Referral.reference == REFERENCE))
        referral.date_of_birth = born
        session.commit()


def test_pay_below_the_minimum_for_the_age_is_flagged_and_counts_only_once_a_worker_confirms_it(app, provider):
    _with_birthday(app, today().replace(year=today().year - 30))  # an adult: the National Living Wage
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start, pay="5.00"))
    [job] = jobs(app)
    week = {"evidence": "person", "job": str(job.id), "period": "week", **parts("from", start), "hours": "20"}
    provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=week)
    section = outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True))
    assert "This pay is below the legal minimum for the person&#39;s age." in section
    assert "Harbour Café: £5.00 an hour" in words(section)
    assert "0 of 13 weeks done" in words(section) and "(pay to check)" in section

    response = provider.post(f"/staff/referrals/{REFERENCE}/jobs/{job.id}/confirm-pay")
    assert response.status_code == 302
    section = outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True))
    assert "This pay is below the legal minimum" not in section and "(checked by a worker)" in section
    assert "Pay below the legal minimum checked and confirmed" in section  # in the referral's history
    assert "1 of 13 weeks done" in words(section)
    with db(app) as session:
        assert session.scalar(select(JobStart.pay_confirmed_by_id).where(JobStart.id == job.id)) is not None
        kinds = session.scalars(select(ReferralEvent.kind).order_by(ReferralEvent.id)).all()
        assert "pay-confirmed" in kinds


def test_the_apprentice_rate_is_the_minimum_for_an_apprentice_in_their_first_year(app, provider):
    _with_birthday(app, today().replace(year=today().year - 30))
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start, pay="8.00", apprenticeship="yes"))
    section = outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True))
    assert "This pay is below the legal minimum" not in section


def test_confirming_pay_needs_a_job_of_this_referral(app, provider):
    assert provider.post(f"/staff/referrals/{REFERENCE}/jobs/999/confirm-pay").status_code == 404


def test_each_programme_the_council_reports_shows_its_own_progress(app, provider):
    app.config["OUTCOME_PROGRAMMES"] = ("lse", "ips-primary-care")
    start = today() - timedelta(days=14)
    provider.post(f"/staff/referrals/{REFERENCE}/job", data=job_form(start, hours="10"))
    [job] = jobs(app)
    week = {"evidence": "payslip", "job": str(job.id), "period": "week", **parts("from", start), "hours": "10"}
    provider.post(f"/staff/referrals/{REFERENCE}/check-in", data=week)
    section = words(outcome_section(provider.get(f"/staff/referrals/{REFERENCE}").get_data(as_text=True)))
    assert "Local Supported Employment 0 of 13 weeks done." in section
    assert "Individual Placement and Support in Primary Care 1 of 13 weeks done." in section
    assert "The goal: 7 paid hours or more in a week, for 13 weeks within 16 weeks in a row." in section
