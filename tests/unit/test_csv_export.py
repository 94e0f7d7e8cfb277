"""The referrals CSV: safe to open in a spreadsheet, readable in Excel, and no notes or contact details unless asked."""

import csv
import io
from datetime import UTC, date, datetime

import pytest

from app.referrals.models import Referral
from app.staff.inbox.csv_export import COLUMNS, CONTACT_COLUMNS, ExportRow, referrals_csv, safe_cell

TODAY = date(2026, 11, 30)


def make_referral(**overrides) -> Referral:
    values = dict(
        reference="HJKM-4679",
        created_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        service_name="Bike repair workshop",
        organization_id="org-1",
        ladder_step="social-enterprise",
        age_band="16-18",
        status="new",
        contacted_at=None,
        contact_due_on=date(2026, 11, 27),
        asker="family",
        needs=["bsl", "easy-read"],
        routed_to_council=False,
        person_name="Gwenllïan Ŵyn (demo)",
        phone="01632 960001",
        email="gwen.demo@example.org",
        address="1 Stryd Fawr",
        contact_methods=["phone"],
        contact_times=["morning"],
        message="Private words",
        lang="en",
    )
    values.update(overrides)
    return Referral(**values)


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://example.org","x")', "+44 1632 960001", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_cells_that_a_spreadsheet_would_run_start_with_a_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value, expected",
    [("Bike repair", "Bike repair"), ("01632 960001", "01632 960001"), (None, ""), (3, "3"), ("a=b", "a=b")],
)
def test_other_cells_are_left_as_they_are(value, expected):
    assert safe_cell(value) == expected


def test_the_file_has_one_row_a_referral_and_no_personal_data_by_default():
    rows = read(referrals_csv([ExportRow(make_referral(), "AFHJ-7943")], TODAY))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == [
        "HJKM-4679",
        "2026-11-20",
        "Bike repair workshop",
        "org-1",
        "social-enterprise",
        "16-18",
        "new",
        "",
        "yes",
        "family",
        "bsl easy-read",
        "no",
        "AFHJ-7943",
        "en",
        "",
        "",
        "",
        "",
    ]
    text = "\n".join(",".join(row) for row in rows)
    for private in ("Gwenllïan", "01632", "gwen.demo", "Stryd", "Private words"):
        assert private not in text


def test_contact_details_are_added_only_when_asked_and_notes_never():
    referral = make_referral(phone="+44 1632 960001", area='=HYPERLINK("http://example.org")')
    rows = read(referrals_csv([ExportRow(referral, None)], TODAY, with_contact=True))
    assert rows[0] == list(COLUMNS + CONTACT_COLUMNS)
    assert rows[1][len(COLUMNS) :] == [
        "Gwenllïan Ŵyn (demo)",
        "'+44 1632 960001",
        "gwen.demo@example.org",
        "1 Stryd Fawr",
        "phone",
        "morning",
    ]
    assert "Private words" not in str(rows)


def test_a_service_name_cannot_become_a_formula():
    rows = read(
        referrals_csv([ExportRow(make_referral(service_name='=HYPERLINK("http://evil.example","Click")'), None)], TODAY)
    )
    assert rows[1][2] == '\'=HYPERLINK("http://evil.example","Click")'


def test_welsh_letters_survive_the_round_trip():
    rows = read(referrals_csv([ExportRow(make_referral(service_name="Caffi'r Harbwr: ŵ ŷ"), None)], TODAY))
    assert rows[1][2] == "Caffi'r Harbwr: ŵ ŷ"


def test_the_overdue_column_follows_the_overdue_rule():
    due_today = make_referral(contact_due_on=TODAY)
    contacted = make_referral(status="contacted", contacted_at=datetime(2026, 11, 21, tzinfo=UTC))
    rows = read(referrals_csv([ExportRow(due_today, None), ExportRow(contacted, None)], TODAY))
    assert [row[COLUMNS.index("Overdue")] for row in rows[1:]] == ["no", "no"]
    assert rows[2][COLUMNS.index("Contacted")] == "2026-11-21"


def test_each_row_has_the_language_close_reason_worker_first_job_and_each_programmes_outcome():
    from decimal import Decimal

    from app.referrals.models import JobStart
    from app.staff.inbox.csv_export import OUTCOME_COLUMN

    referral = make_referral(lang="cy", status="closed", closed_reason="job-ended")
    referral.jobs = [
        JobStart(
            employer="Caffi", job_title="Porter", start_date=date(2026, 5, 4), paid=True, hours_per_week=Decimal(20)
        ),
        JobStart(
            employer="Ysgol", job_title="Helper", start_date=date(2026, 3, 2), paid=False, hours_per_week=Decimal(5)
        ),
    ]
    row = ExportRow(referral, None, "Sam Price", (("Local Supported Employment", date(2026, 8, 2)), ("IPS", None)))
    rows = read(referrals_csv([row], TODAY))
    assert rows[0][-2:] == [
        OUTCOME_COLUMN.format(programme="Local Supported Employment"),
        OUTCOME_COLUMN.format(programme="IPS"),
    ]
    assert rows[1][13:] == ["cy", "job-ended", "Sam Price", "Caffi: Porter", "2026-05-04", "2026-08-02", ""]
