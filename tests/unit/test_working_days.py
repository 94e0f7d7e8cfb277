from datetime import date

from app.referrals.working_days import add_working_days, is_working_day, working_days_between


def test_a_friday_referral_is_due_five_working_days_later_on_the_next_friday():
    assert add_working_days(date(2026, 11, 20), 5) == date(2026, 11, 27)


def test_weekends_and_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 11, 21))
    assert not is_working_day(date(2026, 12, 25), ["2026-12-25"])
    assert add_working_days(date(2026, 12, 23), 2, ["2026-12-25", "2026-12-28"]) == date(2026, 12, 29)


def test_a_saturday_start_counts_from_monday():
    assert add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)


def test_working_days_between_counts_only_working_days():
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 27)) == 5
    assert working_days_between(date(2026, 11, 27), date(2026, 11, 20)) == 0
