"""The legal minimum hourly pay by age and date, and the programme definitions a council chooses from."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.config import ConfigError, load_config
from app.outcomes.definitions import ProgrammeError, council_programmes, programmes, read_programme, reported
from app.outcomes.pay import all_rates, minimum_hourly_pay


@pytest.mark.parametrize(
    "day,age,expected",
    [
        (date(2026, 4, 1), 21, "12.71"),  # the National Living Wage from April 2026
        (date(2026, 3, 31), 21, "12.21"),  # the day before, the 2025 rate
        (date(2026, 6, 1), 20, "10.85"),
        (date(2026, 6, 1), 18, "10.85"),
        (date(2026, 6, 1), 17, "8.00"),
        (date(2025, 6, 1), 16, "7.55"),
        (date(2024, 6, 1), 22, "11.44"),
        (date(2023, 6, 1), 22, "10.18"),  # before April 2024 the top rate began at 23
        (date(2023, 6, 1), 23, "10.42"),
        (date(2026, 6, 1), None, "12.71"),  # age not known: the adult rate
    ],
)
def test_the_minimum_for_an_age_on_a_day(day, age, expected):
    assert minimum_hourly_pay(day, age) == Decimal(expected)


def test_the_apprentice_rate_is_for_apprentices_under_19_or_in_their_first_year():
    day = date(2026, 6, 1)
    assert minimum_hourly_pay(day, 18, apprenticeship=True) == Decimal("8.00")
    assert minimum_hourly_pay(day, 25, apprenticeship=True, first_year=True) == Decimal("8.00")
    assert minimum_hourly_pay(day, 25, apprenticeship=True, first_year=False) == Decimal("12.71")


def test_there_is_no_minimum_before_the_first_rates_we_hold():
    assert minimum_hourly_pay(date(2020, 1, 1), 30) is None


def test_the_rates_file_runs_in_date_order_with_an_adult_band_from_21_or_lower_each_year():
    rates = all_rates()
    assert [r.starts for r in rates] == sorted(r.starts for r in rates)
    for year in rates:
        assert year.by_age[-1][0] == 0 and year.apprentice <= min(rate for _, rate in year.by_age)


def test_every_programme_file_reads():
    assert set(programmes()) == {"lse", "ips-primary-care"}


@pytest.mark.parametrize(
    "text,problem",
    [
        ("id: x\nname: X\nhours_at_least: 16\nweeks_needed: 13\n", "needs exactly"),
        ("id: other\nname: X\nhours_at_least: 16\nweeks_needed: 13\nwindow_weeks: 26\n", "not the file's name"),
        ("id: x\nname: X\nhours_at_least: sixteen\nweeks_needed: 13\nwindow_weeks: 26\n", "whole numbers"),
        ("id: x\nname: X\nhours_at_least: 16\nweeks_needed: 27\nwindow_weeks: 26\n", "must fit in the window"),
    ],
)
def test_a_programme_file_that_cannot_be_used_is_refused_with_what_is_wrong(tmp_path: Path, text, problem):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgrammeError, match=problem):
        read_programme(path)


def test_a_council_reports_the_programmes_it_names_in_that_order():
    assert [p.id for p in reported(["ips-primary-care", "lse"])] == ["ips-primary-care", "lse"]


def test_the_site_will_not_start_with_a_programme_we_hold_no_rule_for():
    with pytest.raises(ConfigError, match="OUTCOME_PROGRAMMES names connect-to-work"):
        load_config({"APP_ENV": "test", "OUTCOME_PROGRAMMES": "lse,connect-to-work"})
    assert load_config({"APP_ENV": "test", "OUTCOME_PROGRAMMES": "lse, ips-primary-care"})["OUTCOME_PROGRAMMES"] == (
        "lse",
        "ips-primary-care",
    )


def write_rule(folder: Path, programme_id: str, hours: int = 10) -> None:
    # The numbers are the test's, not any real programme's.
    (folder / f"{programme_id}.yaml").write_text(
        f"id: {programme_id}\nname: A council rule\nhours_at_least: {hours}\nweeks_needed: 12\nwindow_weeks: 20\n",
        encoding="utf-8",
    )


def test_a_council_adds_a_programme_from_its_own_folder_and_reports_it(tmp_path: Path):
    write_rule(tmp_path, "our-grant")
    settings = load_config(
        {"APP_ENV": "test", "OUTCOME_RULES_DIR": str(tmp_path), "OUTCOME_PROGRAMMES": "our-grant,lse"}
    )
    chosen = council_programmes(settings)
    assert [p.id for p in chosen] == ["our-grant", "lse"]
    assert (chosen[0].hours_at_least, chosen[0].weeks_needed, chosen[0].window_weeks) == (10, 12, 20)


def test_without_the_folder_a_council_programme_is_unknown(tmp_path: Path):
    write_rule(tmp_path, "our-grant")
    with pytest.raises(ConfigError, match="OUTCOME_PROGRAMMES names our-grant"):
        load_config({"APP_ENV": "test", "OUTCOME_PROGRAMMES": "our-grant"})


def test_a_council_file_may_not_change_a_programme_we_ship(tmp_path: Path):
    write_rule(tmp_path, "lse", hours=1)
    with pytest.raises(ConfigError, match="lse is a programme we ship"):
        load_config({"APP_ENV": "test", "OUTCOME_RULES_DIR": str(tmp_path), "OUTCOME_PROGRAMMES": "lse"})


def test_a_council_folder_that_is_missing_or_holds_a_wrong_file_stops_the_site(tmp_path: Path):
    with pytest.raises(ConfigError, match="is not a folder"):
        load_config({"APP_ENV": "test", "OUTCOME_RULES_DIR": str(tmp_path / "nowhere"), "OUTCOME_PROGRAMMES": "lse"})
    (tmp_path / "broken.yaml").write_text("id: broken\nname: X\nhours_at_least: 16\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.yaml: needs exactly"):
        load_config({"APP_ENV": "test", "OUTCOME_RULES_DIR": str(tmp_path), "OUTCOME_PROGRAMMES": "lse"})


def test_a_council_file_that_is_not_yaml_is_refused_with_its_name(tmp_path: Path):
    (tmp_path / "odd.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="odd.yaml: cannot be read as YAML"):
        load_config({"APP_ENV": "test", "OUTCOME_RULES_DIR": str(tmp_path), "OUTCOME_PROGRAMMES": "lse"})
