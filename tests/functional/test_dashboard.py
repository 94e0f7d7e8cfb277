"""The dashboard's figures equal counts taken straight from the database, for each role's referrals; small
numbers are hidden in the version to share and in every CSV."""

import csv
import io
import re
from collections import Counter

import pytest
from sqlalchemy import select

from app.clock import today, uk_time
from app.referrals.models import Referral
from app.reports.figures import Figure, Row, area_name, suppress
from app.reports.periods import financial_year_start
from demo.staff import WORKS_ORG
from tests.site import sign_in_as

EVERYTHING = {"from": "2000-01-01", "to": today().isoformat()}


def all_referrals(app, organization_id=None) -> list[Referral]:
    with app.extensions["database"]["factory"]() as session:
        query = select(Referral)
        if organization_id:
            query = query.where(Referral.organization_id == organization_id)
        return session.scalars(query).all()


def table(html: str, figure_id: str) -> dict[str, str]:
    """The data table of one chart, as label -> count."""
    import re

    section = html[html.index(f'id="chart-{figure_id}"') :]
    section = section[: section.index("</table>")]
    return dict(re.findall(r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td></tr>', section))


@pytest.mark.parametrize("role", ["council-admin", "commissioner"])
def test_the_figures_equal_counts_straight_from_the_database(app, client, role):
    sign_in_as(client, role)
    response = client.get("/staff/dashboard", query_string=EVERYTHING)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    referrals = all_referrals(app)
    assert referrals, "the demo data has referrals"
    status = Counter(r.status for r in referrals)
    shown = table(html, "status")
    assert shown["New"] == str(status["new"]) and shown["Closed"] == str(status["closed"])
    assert sum(int(v) for v in shown.values()) == len(referrals)
    asker = Counter(r.asker for r in referrals)
    assert table(html, "asker") == {
        "The person": str(asker["self"]),
        "A family member or carer": str(asker["family"]),
        "A professional": str(asker["professional"]),
    }
    age = Counter(r.age_band for r in referrals)
    assert table(html, "age")["16 to 18"] == str(age["16-18"])
    services = Counter(r.service_name for r in referrals)
    assert table(html, "service") == {name: str(count) for name, count in services.items()}
    assert f"<dt>Referrals made</dt><dd>{len(referrals)}</dd>" in html


def test_people_in_paid_work_by_hours_equal_the_jobs_in_the_database(app, client):
    """The adult social care return's bands: each person's paid jobs on the period's last day, hours added up."""
    from app.referrals.models import JobStart

    sign_in_as(client, "council-admin")
    html = client.get("/staff/dashboard", query_string=EVERYTHING).get_data(as_text=True)
    day = today()
    with app.extensions["database"]["factory"]() as session:
        hours = Counter()
        for job in session.scalars(select(JobStart).where(JobStart.paid.is_(True))):
            if job.start_date <= day and (job.end_date is None or job.end_date >= day):
                hours[job.referral_id] += job.hours_per_week
    assert hours, "the demo data has someone in paid work today"
    expected = Counter(
        "Less than 16 hours" if h < 16 else "16 to 29 hours" if h < 30 else "30 hours or more" for h in hours.values()
    )
    shown = table(html, "hours")
    assert shown == {band: str(expected[band]) for band in ("Less than 16 hours", "16 to 29 hours", "30 hours or more")}
    assert f"People in paid work on {day.day} {day:%B %Y}, by hours a week" in html


@pytest.mark.parametrize(
    "hours, band",
    [("0", "under-16"), ("15.99", "under-16"), ("16", "16-to-29"), ("29.5", "16-to-29"), ("30", "30-plus")],
)
def test_hours_bands_are_the_adult_social_care_returns(hours, band):
    from decimal import Decimal

    from app.reports.figures import hours_band

    assert hours_band(Decimal(hours)) == band


def test_paid_hours_on_a_day_add_up_the_paid_jobs_that_day_only():
    from datetime import date
    from decimal import Decimal
    from types import SimpleNamespace as Job

    from app.reports.figures import paid_hours_on

    day = date(2026, 6, 1)
    jobs = [
        Job(paid=True, start_date=date(2026, 1, 1), end_date=None, hours_per_week=Decimal("10")),
        Job(paid=True, start_date=date(2026, 5, 1), end_date=date(2026, 6, 1), hours_per_week=Decimal("8")),
        Job(paid=True, start_date=date(2026, 1, 1), end_date=date(2026, 5, 31), hours_per_week=Decimal("20")),
        Job(paid=False, start_date=date(2026, 1, 1), end_date=None, hours_per_week=Decimal("30")),
        Job(paid=True, start_date=date(2026, 6, 2), end_date=None, hours_per_week=Decimal("30")),
    ]
    assert paid_hours_on(jobs, day) == Decimal("18")
    assert paid_hours_on(jobs[3:4], day) is None


def test_provider_staff_see_their_own_organisations_figures_only(app, client):
    sign_in_as(client, "provider")
    html = client.get("/staff/dashboard", query_string=EVERYTHING).get_data(as_text=True)
    own = all_referrals(app, WORKS_ORG)
    assert f"<dt>Referrals made</dt><dd>{len(own)}</dd>" in html
    assert len(own) < len(all_referrals(app))
    assert "your organisation&#39;s services only" in html


def test_the_version_to_share_and_the_csvs_hide_small_numbers(app, client):
    sign_in_as(client, "council-admin")
    html = client.get("/staff/dashboard", query_string={**EVERYTHING, "share": "1"}).get_data(as_text=True)
    counts = [value for value in table(html, "service").values()]
    assert "fewer than 5" in counts
    assert all(value == "fewer than 5" or value == "0" or int(value) >= 5 for value in counts)
    response = client.get("/staff/dashboard/service.csv", query_string=EVERYTHING)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Referrals by service", "Number of referrals"]
    assert all(row[1] == "fewer than 5" or int(row[1]) == 0 or int(row[1]) >= 5 for row in rows[1:])


def test_a_figure_that_does_not_exist_is_not_found(client):
    sign_in_as(client, "council-admin")
    assert client.get("/staff/dashboard/nothing-here.csv").status_code == 404


def test_the_period_starts_with_the_financial_year_and_bad_dates_are_left_out(client):
    sign_in_as(client, "commissioner")
    html = client.get("/staff/dashboard", query_string={"from": "last year", "to": "2026-13-01"}).get_data(as_text=True)
    assert "Write the date like 2026-11-27" in html
    assert 'value="last year"' in html and 'value="2026-13-01"' in html  # what was typed, kept to correct
    start = financial_year_start(today())
    assert f"{start.day} {start:%B %Y} to" in html  # the figures are for this financial year


def test_commissioners_see_figures_but_never_a_referral(client):
    sign_in_as(client, "commissioner")
    assert client.get("/staff/dashboard").status_code == 200
    assert client.get("/staff/referrals").status_code == 403
    assert client.get("/staff/referrals/export.csv").status_code == 403
    assert client.get("/staff/outcomes/claims").status_code == 403


def test_school_staff_see_no_figures(client):
    sign_in_as(client, "school")
    assert client.get("/staff/dashboard").status_code == 403


def test_suppression_hides_small_counts_and_one_more_when_only_one_is_hidden():
    figure = Figure("x", "X by y", "people", (Row("a", "A", 3), Row("b", "B", 7), Row("c", "C", 12), Row("d", "D", 0)))
    hidden = suppress(figure)
    assert [row.count for row in hidden.rows] == [None, None, 12, 0]
    assert hidden.total is None
    two_small = Figure("x", "X", "people", (Row("a", "A", 1), Row("b", "B", 2), Row("c", "C", 9)))
    assert [row.count for row in suppress(two_small).rows] == [None, None, 9]


def test_postcodes_count_by_their_district():
    assert area_name("sb1 4tt") == "SB1" and area_name("SB14TT") == "SB1"
    assert area_name("  north   sandbridge ") == "North Sandbridge" and area_name("") is None


def all_feedback(app, organization_id=None):
    from app.feedback.models import FeedbackAnswer, FeedbackRequest

    with app.extensions["database"]["factory"]() as session:
        answers = select(FeedbackAnswer).join(Referral, Referral.id == FeedbackAnswer.referral_id)
        requests = select(FeedbackRequest).join(Referral, Referral.id == FeedbackRequest.referral_id)
        if organization_id:
            answers = answers.where(Referral.organization_id == organization_id)
            requests = requests.where(Referral.organization_id == organization_id)
        return session.scalars(answers).all(), session.scalars(requests).all()


@pytest.mark.parametrize("role", ["council-admin", "commissioner", "provider"])
def test_the_feedback_figures_equal_counts_straight_from_the_database(app, client, role):
    sign_in_as(client, role)
    html = client.get("/staff/dashboard", query_string=EVERYTHING).get_data(as_text=True)
    answers, requests = all_feedback(app, WORKS_ORG if role == "provider" else None)
    assert answers and requests, "the demo data has feedback"
    assert f"<dt>Feedback links sent</dt><dd>{len(requests)}</dd>" in html
    assert f"<dt>Feedback answers</dt><dd>{len(answers)}</dd>" in html
    people = Counter(a.point for a in answers if a.kind == "person")
    assert table(html, "feedback-point") == {
        "After first contact": str(people["contacted"]),
        "After a job start": str(people["job-start"]),
        "After a sustained job outcome": str(people["outcome"]),
        "From employers, after a job start": str(sum(a.kind == "employer" for a in answers)),
    }
    ratings = Counter(a.rating for a in answers)
    assert table(html, "feedback-rating") == {
        "Went well": str(ratings["good"]),
        "OK": str(ratings["okay"]),
        "Did not go well": str(ratings["not-good"]),
    }
    months = table(html, "feedback-month")
    assert sum(int(v) for v in months.values()) == len(answers)
    month = uk_time(max(a.answered_at for a in answers)).strftime("%B %Y")
    assert int(months[month]) == sum(uk_time(a.answered_at).strftime("%B %Y") == month for a in answers)
    good = table(html, "feedback-good-month")
    assert sum(int(v) for v in good.values()) == ratings["good"]
    again = Counter(a.again for a in answers if a.kind == "employer")
    assert table(html, "feedback-again") == {"Yes": str(again["yes"]), "Maybe": str(again["maybe"]), "No": "0"}
    for figure in ("feedback-point", "feedback-rating", "feedback-month", "feedback-good-month", "feedback-again"):
        assert f'<title id="chart-{figure}-svg-title">' in html, f"{figure} has a chart"


def test_feedback_quotes_are_only_words_people_agreed_to_share(app, client):
    sign_in_as(client, "council-admin")
    html = client.get("/staff/dashboard", query_string=EVERYTHING).get_data(as_text=True)
    answers, _ = all_feedback(app)
    shared = {w for a in answers if a.quote_ok for w in (a.helped, a.not_helped, a.anything_else) if w}
    private = {w for a in answers if not a.quote_ok for w in (a.helped, a.not_helped, a.anything_else) if w}
    quotes = set(re.findall(r"<blockquote><p>([^<]*)</p></blockquote>", html))
    assert quotes and quotes <= {w.replace("'", "&#39;") for w in shared}
    assert not quotes & {w.replace("'", "&#39;") for w in private - shared}


def test_the_feedback_csv_hides_small_numbers(client):
    sign_in_as(client, "commissioner")
    response = client.get("/staff/dashboard/feedback-rating.csv", query_string=EVERYTHING)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["Feedback answers by how it went", "Number of answers"]
    assert "fewer than 5" in [row[1] for row in rows[1:]]
    assert all(row[1] == "fewer than 5" or int(row[1]) == 0 or int(row[1]) >= 5 for row in rows[1:])
