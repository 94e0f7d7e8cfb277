"""The referral inbox: filters, order, pages, the overdue flag, bad filter values, and the CSV export."""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.referrals.models import Referral
from demo.staff import WORKS_ORG
from tests.site import make_app, sign_in_as
from tests.staff_builders import audit_entries, count, make_referral, session_for

REFERENCE = re.compile(r'href="/staff/referrals/([A-Z0-9]{4}-[A-Z0-9]{4})"')


def references(response) -> list[str]:
    return REFERENCE.findall(response.get_data(as_text=True))


def works_references(app, *conditions) -> list[str]:
    with session_for(app) as session:
        return list(
            session.scalars(
                select(Referral.reference)
                .where(Referral.organization_id == WORKS_ORG, *conditions)
                .order_by(Referral.created_at.desc(), Referral.id.desc())
            )
        )


def test_the_inbox_lists_the_organisations_referrals_newest_first_with_the_count(app, provider):
    response = provider.get("/staff/referrals")
    assert response.status_code == 200
    expected = works_references(app)
    assert len(expected) >= 12
    assert references(response) == expected
    assert f"Showing 1 to {len(expected)} of {len(expected)} referrals" in response.get_data(as_text=True)


def test_overdue_referrals_are_flagged_in_words(app, provider):
    overdue = make_referral(app, contact_due_on=date.today() - timedelta(days=1))
    due_today = make_referral(app, contact_due_on=date.today())
    html = provider.get("/staff/referrals").get_data(as_text=True)
    row = lambda reference: html[html.index(reference) :].split("</tr>")[0]  # noqa: E731
    assert "Overdue" in row(overdue)
    assert "Overdue" not in row(due_today)
    assert "Due by" in row(due_today)


def test_an_age_outside_the_services_ages_is_flagged_in_words(app, provider):
    outside = make_referral(app, age=12, age_band="14-15", age_outside_range=True)
    inside = make_referral(app)
    html = provider.get("/staff/referrals").get_data(as_text=True)
    row = lambda reference: html[html.index(reference) :].split("</tr>")[0]  # noqa: E731
    assert "Age outside the service's ages" in row(outside)
    assert "Age outside" not in row(inside)
    page = provider.get(f"/staff/referrals/{outside}").get_data(as_text=True)
    assert "<dt>Age outside the service&#39;s ages</dt>" in page
    assert "Age outside" not in provider.get(f"/staff/referrals/{inside}").get_data(as_text=True)


def test_the_overdue_filter_is_the_same_rule_as_the_flag(app, provider):
    late = make_referral(app, contact_due_on=date.today() - timedelta(days=1))
    on_time = make_referral(app, contact_due_on=date.today())
    contacted = make_referral(app, status="contacted", contact_due_on=date.today() - timedelta(days=3))
    found = references(provider.get("/staff/referrals?overdue=1"))
    assert late in found
    assert on_time not in found and contacted not in found
    assert set(found) == set(works_references(app, Referral.status == "new", Referral.contact_due_on < date.today()))


@pytest.mark.parametrize(
    "args, condition",
    [
        ({"status": "closed"}, Referral.status == "closed"),
        ({"step": "volunteering"}, Referral.ladder_step == "volunteering"),
        ({"age": "16-18"}, Referral.age_band == "16-18"),
        (
            {"service": "c88a2f72-ed51-5898-9794-3597d7f28cca"},
            Referral.service_id == "c88a2f72-ed51-5898-9794-3597d7f28cca",
        ),
    ],
)
def test_each_filter_narrows_the_list(app, provider, args, condition):
    expected = works_references(app, condition)
    assert expected, "the demo data should have some of these"
    assert references(provider.get("/staff/referrals", query_string=args)) == expected


def test_dates_filter_by_the_day_the_referral_was_made(app, provider):
    old = make_referral(app, created_at=datetime(2026, 1, 10, 12, tzinfo=UTC))
    older = make_referral(app, created_at=datetime(2026, 1, 5, 12, tzinfo=UTC))
    found = references(provider.get("/staff/referrals?from=2026-01-10&to=2026-01-10"))
    assert found == [old]
    assert older in references(provider.get("/staff/referrals?to=2026-01-09"))


def test_the_service_choices_are_only_services_with_referrals_this_person_can_see(provider):
    html = provider.get("/staff/referrals").get_data(as_text=True)
    choices = html[html.index('id="filter-service"') :].split("</select>")[0]
    assert "Autism job support" in choices
    assert "Jobs at Sandbridge Hospital" not in choices


@pytest.mark.parametrize(
    "args, field",
    [
        ({"status": "lost"}, "status"),
        ({"step": "<script>"}, "step"),
        ({"age": "99"}, "age"),
        ({"service": "not-a-service"}, "service"),
        ({"service": "42fe1ea7-5128-5f7a-ac97-24b83f8d4d26"}, "service"),
        ({"from": "27/11/2026"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"overdue": "maybe"}, "overdue"),
    ],
)
def test_a_bad_filter_value_is_left_out_with_a_message(app, provider, args, field):
    response = provider.get("/staff/referrals", query_string=args)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Some filters were left out" in html
    assert f'href="#filter-{field}"' in html
    assert references(response) == works_references(app)
    assert "<script>" not in html


def test_a_typed_date_that_is_wrong_is_kept_in_the_box(provider):
    html = provider.get("/staff/referrals?from=27/11/2026").get_data(as_text=True)
    assert 'value="27/11/2026"' in html
    assert "Write the date like 2026-11-27" in html


def test_a_to_date_before_the_from_date_is_left_out(app, provider):
    response = provider.get("/staff/referrals?from=2026-11-20&to=2026-11-01")
    assert "before the" in response.get_data(as_text=True)
    assert references(response) == works_references(app, Referral.created_at >= datetime(2026, 11, 20, tzinfo=UTC))


def test_pages_keep_the_filters(tmp_path):
    app = make_app(tmp_path, INBOX_PAGE_SIZE=3)
    client = app.test_client()
    sign_in_as(client, "provider")
    expected = works_references(app, Referral.status == "new")
    assert len(expected) > 3
    first = client.get("/staff/referrals?status=new")
    html = first.get_data(as_text=True)
    assert references(first) == expected[:3]
    assert f"Showing 1 to 3 of {len(expected)} referrals" in html
    assert "/staff/referrals?page=2&amp;status=new" in html
    second = client.get("/staff/referrals?page=2&status=new")
    assert references(second) == expected[3:6]
    assert "Page before" in second.get_data(as_text=True)
    last_page = (len(expected) + 2) // 3
    assert references(client.get("/staff/referrals?page=999&status=new")) == expected[(last_page - 1) * 3 :]
    assert client.get("/staff/referrals?page=abc&status=new").status_code == 200


def test_viewing_the_inbox_is_in_the_audit_trail(app, provider):
    provider.get("/staff/referrals?status=new")
    entries = audit_entries(app, action="view", object_type="inbox")
    assert entries and "status=new" in entries[-1].detail
    assert entries[-1].staff_id is not None


def test_no_referrals_match_says_so(provider):
    html = provider.get("/staff/referrals?from=2001-01-01&to=2001-01-02").get_data(as_text=True)
    assert "No referrals match" in html


# The CSV export


def read_csv(response) -> list[list[str]]:
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_export_is_a_dated_attachment_with_every_referral(app, admin):
    response = admin.get("/staff/referrals/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="referrals-{date.today().isoformat()}.csv"'
    rows = read_csv(response)
    assert rows[0][:3] == ["Reference", "Created", "Service"]
    assert len(rows) - 1 == count(app, select(Referral))
    assert "Name" not in rows[0]


def test_the_export_uses_the_inbox_filters(app, admin):
    rows = read_csv(admin.get("/staff/referrals/export.csv?status=closed"))
    with session_for(app) as session:
        closed = set(session.scalars(select(Referral.reference).where(Referral.status == "closed")))
    assert {row[0] for row in rows[1:]} == closed


def test_the_export_says_where_a_signposted_referral_came_from(app, admin):
    from demo.staff.referrals import DEMO_SIGNPOSTED_REFERENCE

    rows = read_csv(admin.get("/staff/referrals/export.csv"))
    column = rows[0].index("Signposted from")
    assert [row[column] for row in rows[1:]].count(DEMO_SIGNPOSTED_REFERENCE) == 1


def test_the_export_never_holds_notes_and_holds_contact_details_only_when_asked(app, admin):
    from demo.staff.referrals import DEMO_STARTED_REFERENCE

    plain = admin.get("/staff/referrals/export.csv").get_data(as_text=True)
    with_contact = admin.get("/staff/referrals/export.csv?with_contact=1").get_data(as_text=True)
    for text in (plain, with_contact):
        assert "job centre" not in text.lower()  # words from the demo notes
    assert "Rhys Evans (demo)" not in plain and "@example.org" not in plain
    assert "Rhys Evans (demo)" in with_contact
    rows = read_csv(admin.get("/staff/referrals/export.csv?with_contact=1"))
    started = next(row for row in rows if row[0] == DEMO_STARTED_REFERENCE)
    assert started[rows[0].index("Name")] == "Rhys Evans (demo)"


def test_the_export_cannot_carry_a_formula(app, admin):
    reference = make_referral(
        app,
        service_name='=HYPERLINK("http://evil.example","Click")',
        area="=1+1",
        phone="+44 1632 960123",
        person_name="@Test (demo)",
    )
    rows = read_csv(admin.get("/staff/referrals/export.csv?with_contact=1"))
    row = next(row for row in rows if row[0] == reference)
    assert row[rows[0].index("Service")] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row[rows[0].index("Phone")] == "'+44 1632 960123"
    assert row[rows[0].index("Name")] == "'@Test (demo)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_exporting_is_in_the_audit_trail_with_the_row_count(app, admin):
    admin.get("/staff/referrals/export.csv?status=closed")
    admin.get("/staff/referrals/export.csv?with_contact=1")
    closed = count(app, select(Referral).where(Referral.status == "closed"))
    total = count(app, select(Referral))
    details = [entry.detail for entry in audit_entries(app, action="export")]
    assert details == [f"rows={closed}", f"rows={total} with-contact"]
