"""The status rules, the overdue rule, and the words for history lines."""

from datetime import date

import pytest

from app.staff.overdue import contact_due_on, is_overdue
from app.staff.referral.workflow import CLOSE_REASONS, check_change, check_signpost, close_reasons, status_choices
from app.staff.words import event_words, long_date

HOLIDAYS = ("2026-12-25", "2026-12-28", "2027-01-01")


@pytest.mark.parametrize("current, new", [("new", "contacted"), ("contacted", "accepted"), ("accepted", "started")])
def test_each_status_can_move_on_to_the_next(current, new):
    assert check_change(current, new, None) is None


@pytest.mark.parametrize(
    "current, new",
    [
        ("new", "accepted"),
        ("new", "started"),
        ("contacted", "started"),
        ("accepted", "contacted"),
        ("started", "accepted"),
        ("contacted", "new"),
    ],
)
def test_a_status_cannot_skip_ahead_or_go_back(current, new):
    refusal = check_change(current, new, None)
    assert refusal is not None and refusal.field == "status"


@pytest.mark.parametrize("status", ["new", "contacted", "accepted"])
def test_open_referrals_can_close_with_any_listed_reason(status):
    for reason in CLOSE_REASONS:
        assert check_change(status, "closed", reason) is None


def test_closing_needs_a_reason_from_the_list():
    assert check_change("new", "closed", None).field == "reason"
    assert check_change("new", "closed", "bored").field == "reason"
    assert check_change("started", "closed", "not-eligible").field == "reason"


def test_a_started_referral_closes_because_the_job_ended_or_another_reason():
    assert set(close_reasons("started")) == {"job-ended", "other"}
    assert check_change("started", "closed", "job-ended") is None
    assert check_change("new", "closed", "job-ended").field == "reason"


def test_a_reason_is_only_for_closing():
    assert check_change("new", "contacted", "other").field == "reason"


@pytest.mark.parametrize("status", ["signposted", "closed"])
def test_finished_referrals_cannot_change(status):
    assert status_choices(status) == ()
    assert "finished" in check_change(status, "contacted", None).message
    assert check_signpost(status, "better-fit") is not None


def test_signposting_has_its_own_form_and_needs_a_reason():
    assert "signposted" not in status_choices("new")
    assert check_change("new", "signposted", None) is not None
    for status in ("new", "contacted", "accepted"):
        assert check_signpost(status, "better-fit") is None
    assert check_signpost("started", "better-fit").field == "service"
    assert check_signpost("new", None).field == "reason"
    assert check_signpost("new", "whim").field == "reason"


def test_choosing_nothing_gets_a_message():
    assert check_change("new", None, None).message == "Choose what happened."


def test_contact_is_due_five_working_days_after_the_referral_is_made():
    assert contact_due_on(date(2026, 11, 23), 5) == date(2026, 11, 30)  # Monday to Monday


def test_a_weekend_in_between_does_not_count():
    assert contact_due_on(date(2026, 11, 26), 5) == date(2026, 12, 3)  # Thursday to the next Thursday
    assert contact_due_on(date(2026, 11, 28), 1) == date(2026, 11, 30)  # made on a Saturday: due Monday


def test_holidays_do_not_count():
    # Monday 21 December: 22, 23, 24, (25 and 28 are holidays), 29, 30.
    assert contact_due_on(date(2026, 12, 21), 5, HOLIDAYS) == date(2026, 12, 30)
    assert contact_due_on(date(2026, 12, 21), 5) == date(2026, 12, 28)


def test_a_referral_due_today_is_not_overdue_yet():
    due = date(2026, 11, 27)
    assert not is_overdue("new", due, date(2026, 11, 26))
    assert not is_overdue("new", due, due)
    assert is_overdue("new", due, date(2026, 11, 28))


def test_a_contacted_referral_is_never_overdue():
    due = date(2026, 11, 27)
    for status in ("contacted", "accepted", "started", "signposted", "closed"):
        assert not is_overdue(status, due, date(2027, 1, 30))


def test_history_lines_are_in_words():
    assert event_words("created", None, "new", None) == "Referral made"
    assert event_words("created", None, "new", "signposted") == "Referral sent here from another service"
    assert event_words("status", "new", "contacted", None) == "Status changed from New to Contacted"
    assert (
        event_words("status", "new", "closed", "moved-away")
        == "Status changed from New to Closed. Reason: The person moved away"
    )
    assert (
        event_words("signposted", "new", "signposted", "service-full")
        == "Sent to another service. Reason: This service is full"
    )
    assert event_words("note", None, None, None) == "Note added"
    assert event_words("something-new", None, None, None) == "Something new"


def test_dates_are_written_in_british_english():
    assert long_date(date(2026, 11, 27)) == "27 November 2026"
    assert long_date(None) == "Not given"
