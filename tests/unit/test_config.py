"""Settings come from the environment; production refuses to start without its own values, and working days
leave out the England and Wales bank holidays and the council's own closure days."""

import json
from datetime import date

import pytest

from app import create_app
from app.config import BANK_HOLIDAYS_FILE, ConfigError, bank_holidays, load_config
from tests.site import PRODUCTION_SETTINGS as PRODUCTION


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"SECRET_KEY": None})


def test_production_with_every_setting_starts():
    app = create_app(PRODUCTION)
    assert app.config["ENV_NAME"] == "production"
    assert app.config["COUNCIL_TEAM_NAME"] == "Supported employment team"


def test_production_without_its_settings_names_each_one_in_one_error():
    unset = dict.fromkeys(
        [
            "SECRET_KEY",
            "COUNCIL_ORGANIZATION_ID",
            "COUNCIL_TEAM_NAME",
            "COUNCIL_TEAM_EMAIL",
            "CONTACT_EMAIL",
            "PUBLIC_URL",
            "MAIL_BACKEND",
            "MAIL_FROM",
            "SMTP_HOST",
        ]
    )
    with pytest.raises(ConfigError) as error:
        load_config({**PRODUCTION, **unset})
    for name in unset:
        if name != "SMTP_HOST":  # asked for once the mail backend is known
            assert f"- {name} is not set" in str(error.value), name


@pytest.mark.parametrize(
    "name",
    [
        "COUNCIL_ORGANIZATION_ID",
        "COUNCIL_TEAM_NAME",
        "COUNCIL_TEAM_EMAIL",
        "CONTACT_EMAIL",
        "PUBLIC_URL",
        "MAIL_FROM",
        "SMTP_HOST",
    ],
)
def test_production_refuses_to_start_without_each_setting(name):
    with pytest.raises(ConfigError, match=f"- {name} is not set"):
        create_app({**PRODUCTION, name: ""})


def test_production_has_no_demo_values_of_its_own():
    from app.config import ProductionConfig

    for name in (
        "COUNCIL_ORGANIZATION_ID",
        "COUNCIL_TEAM_NAME",
        "COUNCIL_TEAM_EMAIL",
        "CONTACT_EMAIL",
        "PUBLIC_URL",
        "MAIL_BACKEND",
        "MAIL_FROM",
        "SMTP_HOST",
    ):
        assert getattr(ProductionConfig, name) in (None, ""), name


def test_production_with_notify_needs_its_key_and_template():
    with pytest.raises(ConfigError) as error:
        load_config({**PRODUCTION, "MAIL_BACKEND": "notify", "SMTP_HOST": None})
    message = str(error.value)
    assert "- NOTIFY_API_KEY is not set" in message and "- NOTIFY_TEMPLATE_ID is not set" in message
    assert "SMTP_HOST" not in message
    settings = load_config(
        {**PRODUCTION, "MAIL_BACKEND": "notify", "NOTIFY_API_KEY": "key", "NOTIFY_TEMPLATE_ID": "id"}
    )
    assert settings["MAIL_BACKEND"] == "notify"


def test_an_unknown_mail_backend_is_refused_in_production():
    with pytest.raises(ConfigError, match="MAIL_BACKEND must be one of smtp, notify, not 'pigeon'"):
        load_config({**PRODUCTION, "MAIL_BACKEND": "pigeon"})


@pytest.mark.parametrize("env_name", ["development", "test"])
def test_development_and_tests_keep_the_demo_council(env_name, tmp_path):
    settings = load_config({"APP_ENV": env_name, "SECRET_KEY_FILE": str(tmp_path / "secret_key")})
    assert settings["COUNCIL_ORGANIZATION_ID"] == "b8971a6b-17ea-52e8-9a2f-4cb7a097b01e"
    assert settings["COUNCIL_TEAM_NAME"].endswith("(demo)")
    assert settings["PUBLIC_URL"] and settings["MAIL_FROM"] and settings["SMTP_HOST"] and settings["CONTACT_EMAIL"]


def test_the_bank_holiday_list_has_england_and_wales_2025_to_2028():
    days = [date.fromisoformat(day) for day in bank_holidays()]
    assert sorted({day.year for day in days}) == [2025, 2026, 2027, 2028]
    assert all(sum(day.year == year for day in days) == 8 for year in range(2025, 2029))
    assert all(day.weekday() < 5 for day in days), "substitute days are listed, not the weekend days"
    assert {"2026-04-03", "2026-12-28", "2027-03-29", "2027-12-27", "2027-12-28", "2028-01-03"} <= set(bank_holidays())
    assert json.loads(BANK_HOLIDAYS_FILE.read_text(encoding="utf-8"))["division"] == "england-and-wales"


def test_holidays_adds_council_closure_days_to_the_bank_holidays():
    settings = load_config({"APP_ENV": "test", "HOLIDAYS": "2026-12-29, 2026-12-30,2026-12-31"})
    assert set(settings["HOLIDAYS"]) == set(bank_holidays()) | {"2026-12-29", "2026-12-30", "2026-12-31"}
    assert set(load_config({**PRODUCTION})["HOLIDAYS"]) == set(bank_holidays())


def test_a_holiday_that_is_not_a_date_is_refused():
    with pytest.raises(ConfigError, match="HOLIDAYS has '2027-13-01', which is not a date"):
        load_config({"APP_ENV": "development", "HOLIDAYS": "2027-12-24,2027-13-01"})


def test_production_stops_in_a_year_the_bank_holiday_list_does_not_reach(monkeypatch):
    from app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2029, 3, 1))
    with pytest.raises(ConfigError, match="HOLIDAYS has no days in 2029"):
        load_config(PRODUCTION)
    assert load_config({**PRODUCTION, "HOLIDAYS": "2029-01-01,2029-03-30"})["HOLIDAYS"][-1] == "2029-03-30"


def test_unknown_app_env_is_refused():
    with pytest.raises(ConfigError, match="APP_ENV must be one of"):
        create_app({"APP_ENV": "staging"})


def test_sqlite_has_foreign_keys_and_wal(tmp_path):
    from sqlalchemy import text

    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    with app.extensions["database"]["engine"].connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
