"""Each programme's sustained outcome rule, week by week: Local Supported Employment's 16 hours for 13 of 26
weeks, Individual Placement and Support in Primary Care's 7 hours for 13 of 16, and pay below the minimum."""

from datetime import date, timedelta
from decimal import Decimal

from app.journeys.ages import age_on
from app.outcomes.definitions import programmes
from app.outcomes.rules import CheckIn, JobRecord, pay_below_minimum, sustained_outcome

START = date(2026, 1, 5)  # a Monday; week n runs from START + 7(n-1) for 7 days


def week(number: int) -> date:
    return START + timedelta(weeks=number - 1)


def weekly(numbers, hours=16) -> list[CheckIn]:
    """One check-in per week for the given week numbers."""
    return [CheckIn(week(n), week(n) + timedelta(days=6), hours) for n in numbers]


def job(check_ins, start=START, end=None, paid=True) -> JobRecord:
    return JobRecord(start_date=start, end_date=end, paid=paid, check_ins=check_ins)


def end_of_week(number: int) -> date:
    return week(number) + timedelta(days=6)


LATER = date(2028, 1, 1)


def test_no_jobs_means_nothing_to_count():
    progress = sustained_outcome([], LATER)
    assert not progress.met and progress.weeks_counted == 0 and progress.weeks == []
    assert progress.summary == "No paid job is recorded yet."


def test_thirteen_weeks_in_a_row_meet_the_outcome_at_the_end_of_week_13():
    progress = sustained_outcome([job(weekly(range(1, 14)))], LATER)
    assert progress.met
    assert progress.met_on == end_of_week(13) == date(2026, 4, 5)
    assert progress.qualifying_weeks == 13 and progress.best_window_start == START
    assert progress.summary == "Done: 13 of 13 weeks. The outcome was met on 5 April 2026."


def test_twelve_weeks_in_a_row_are_not_enough():
    progress = sustained_outcome([job(weekly(range(1, 13)))], end_of_week(13))
    assert not progress.met and progress.qualifying_weeks == 12
    assert progress.weeks_still_needed == 1 and progress.needed_by == end_of_week(26)
    assert progress.summary == "12 of 13 weeks done. 1 more week of 16 hours or more is needed by 5 July 2026."


def test_thirteen_weeks_with_gaps_inside_26_weeks_meet_the_outcome():
    numbers = [1, 2, 4, 6, 7, 9, 12, 15, 16, 18, 20, 22, 25]
    progress = sustained_outcome([job(weekly(numbers))], LATER)
    assert progress.met and progress.met_on == end_of_week(25)
    assert [w.number for w in progress.weeks if w.qualifies] == numbers


def test_the_13th_week_can_fall_in_a_later_sliding_window():
    # 12 qualifying weeks in weeks 1-26 (weeks 3-14), then weeks 27 and 28 qualify.
    # Weeks 3-28 hold 14; the 13th inside one window is reached in week 27 (window weeks 2-27).
    numbers = list(range(3, 15)) + [27, 28]
    progress = sustained_outcome([job(weekly(numbers))], LATER)
    assert progress.met and progress.met_on == end_of_week(27)
    assert progress.best_window_start == week(2)


def test_weeks_that_can_no_longer_make_13_in_a_window_are_not_shown_as_progress():
    # Weeks 1-12 qualify, then nothing until week 30. Weeks 5-30 hold 9, but that window is over.
    # Only week 30 can still be part of a window with 13: weeks 30-55, which ends at the end of week 55.
    numbers = list(range(1, 13)) + [30]
    progress = sustained_outcome([job(weekly(numbers))], end_of_week(30))
    assert not progress.met
    assert progress.qualifying_weeks == 1 and progress.best_window_start == week(30)
    assert progress.weeks_still_needed == 12 and progress.needed_by == end_of_week(55)


def test_while_a_window_is_open_its_weeks_are_the_progress():
    numbers = list(range(1, 11)) + [20]
    progress = sustained_outcome([job(weekly(numbers))], end_of_week(20))
    assert not progress.met and progress.qualifying_weeks == 11
    assert progress.weeks_still_needed == 2 and progress.needed_by == end_of_week(26)


def test_weeks_spread_so_that_no_26_week_window_holds_13_do_not_meet_it():
    numbers = list(range(1, 40, 3)) + list(range(40, 80, 3))  # one week in three: at most 9 in any 26
    progress = sustained_outcome([job(weekly(numbers))], end_of_week(80))
    assert not progress.met and progress.met_on is None
    assert progress.qualifying_weeks <= 9


def test_a_week_of_15_and_a_half_hours_does_not_count():
    progress = sustained_outcome([job(weekly(range(1, 14), Decimal("15.5")))], LATER)
    assert not progress.met
    assert not any(w.qualifies for w in progress.weeks)
    assert progress.weeks[0].hours == Decimal("15.50")


def test_a_week_of_exactly_16_hours_counts():
    progress = sustained_outcome([job(weekly([1], Decimal("16.00")))], end_of_week(1))
    assert progress.weeks[0].qualifies and progress.weeks[0].hours == Decimal("16.00")


def test_a_job_change_in_the_middle_of_a_week_adds_the_hours_of_both_jobs():
    change = week(5) + timedelta(days=3)  # job A's last day is the 4th day of week 5
    job_a = job(weekly(range(1, 6), 20), end=change)
    job_b = job(weekly(range(5, 14), 20), start=change + timedelta(days=1))
    progress = sustained_outcome([job_a, job_b], LATER)
    week_5 = progress.weeks[4]
    assert week_5.hours == Decimal("20.00") and week_5.qualifies  # 4 days of A and 3 of B
    assert progress.met and progress.met_on == end_of_week(13)


def test_a_week_split_between_jobs_that_add_to_less_than_16_does_not_count():
    change = week(2) + timedelta(days=2)
    job_a = job(weekly([1, 2], 20), end=change)
    job_b = job(weekly([2], 10), start=change + timedelta(days=1))
    progress = sustained_outcome([job_a, job_b], end_of_week(2))
    # 3 days of 20 a week and 4 days of 10 a week: 60/7 + 40/7 = 14.29
    assert progress.weeks[1].hours == Decimal("14.29") and not progress.weeks[1].qualifies


def test_two_part_time_jobs_at_once_add_up():
    progress = sustained_outcome([job(weekly([1], 8)), job(weekly([1], 8))], end_of_week(1))
    assert progress.weeks[0].hours == Decimal("16.00") and progress.weeks[0].qualifies


def test_hours_in_an_unpaid_job_never_count():
    unpaid = job(weekly(range(1, 14), 30), paid=False)
    progress = sustained_outcome([unpaid], LATER)
    assert not progress.met and progress.weeks == []
    assert progress.summary == "No paid job is recorded yet."
    with_paid = sustained_outcome([unpaid, job(weekly(range(1, 14), 8))], LATER)
    assert not with_paid.met and not any(w.qualifies for w in with_paid.weeks)


def test_weeks_are_counted_from_the_first_paid_job_not_an_unpaid_one_before_it():
    unpaid = job(weekly([1, 2]), start=START, paid=False)
    paid = job(
        [CheckIn(week(3) + timedelta(days=2), week(4) + timedelta(days=1), 20)], start=week(3) + timedelta(days=2)
    )
    progress = sustained_outcome([unpaid, paid], LATER)
    assert progress.weeks[0].start == week(3) + timedelta(days=2)
    assert progress.weeks[0].hours == Decimal("20.00")


def test_a_monthly_check_in_gives_its_hours_to_every_week_it_fully_covers():
    march = CheckIn(date(2026, 3, 1), date(2026, 3, 31), 18)
    progress = sustained_outcome([job([march], start=date(2026, 3, 2))], date(2026, 4, 30))
    # Weeks from 2 March: 2-8, 9-15, 16-22, 23-29 are fully covered; 30 March - 5 April has 2 days.
    assert [w.hours for w in progress.weeks[:5]] == [Decimal("18.00")] * 4 + [Decimal("5.14")]
    assert [w.qualifies for w in progress.weeks[:5]] == [True, True, True, True, False]


def test_monthly_check_ins_side_by_side_give_a_week_across_the_month_end_its_full_hours():
    march = CheckIn(date(2026, 3, 2), date(2026, 3, 31), 18)
    april = CheckIn(date(2026, 4, 1), date(2026, 4, 30), 18)
    progress = sustained_outcome([job([march, april], start=date(2026, 3, 2))], date(2026, 5, 3))
    assert progress.weeks[4].start == date(2026, 3, 30)
    assert progress.weeks[4].hours == Decimal("18.00") and progress.weeks[4].qualifies


def test_a_check_in_covering_part_of_a_week_counts_pro_rata_by_days():
    part = CheckIn(week(1), week(1) + timedelta(days=2), 35)  # 3 days of a 35-hour week
    progress = sustained_outcome([job([part])], end_of_week(1))
    assert progress.weeks[0].hours == Decimal("15.00") and not progress.weeks[0].qualifies


def test_overlapping_check_ins_of_one_job_the_later_recorded_wins():
    month = CheckIn(week(1), end_of_week(4), 20)
    correction = CheckIn(week(2), end_of_week(2), 10)
    progress = sustained_outcome([job([month, correction])], end_of_week(4))
    assert [w.hours for w in progress.weeks] == [Decimal("20.00"), Decimal("10.00"), Decimal("20.00"), Decimal("20.00")]
    reversed_order = sustained_outcome([job([correction, month])], end_of_week(4))
    assert [w.hours for w in reversed_order.weeks] == [Decimal("20.00")] * 4


def test_check_in_days_before_the_job_starts_or_after_it_ends_are_ignored():
    start, end = week(1) + timedelta(days=3), week(2) + timedelta(days=3)
    wide = CheckIn(week(1) - timedelta(days=10), end_of_week(3), 28)
    progress = sustained_outcome([job([wide], start=start, end=end)], end_of_week(4))
    # Week 1 runs from the job's start: 7 days inside the job, then 1 day in week 2, then nothing.
    assert [w.hours for w in progress.weeks[:3]] == [Decimal("28.00"), Decimal("4.00"), Decimal("0.00")]


def test_weeks_with_no_check_in_count_as_gaps():
    progress = sustained_outcome([job(weekly([1, 3]))], end_of_week(3))
    assert [w.qualifies for w in progress.weeks] == [True, False, True]
    assert progress.weeks[1].hours == Decimal("0.00")


def test_weeks_that_are_not_over_yet_are_not_counted():
    check_ins = weekly(range(1, 14))
    on_the_last_day = sustained_outcome([job(check_ins)], end_of_week(13))
    day_before = sustained_outcome([job(check_ins)], end_of_week(13) - timedelta(days=1))
    assert on_the_last_day.met and on_the_last_day.weeks_counted == 13
    assert not day_before.met and day_before.weeks_counted == 12 and day_before.qualifying_weeks == 12


def test_a_job_that_starts_in_the_future_counts_no_weeks():
    progress = sustained_outcome([job(weekly([1]))], START - timedelta(days=3))
    assert progress.weeks_counted == 0 and not progress.met
    assert progress.summary == "0 of 13 weeks done. 13 more weeks of 16 hours or more are needed by 5 July 2026."


def test_once_met_it_stays_met_on_the_first_date():
    numbers = list(range(1, 14))
    progress = sustained_outcome([job(weekly(numbers) + weekly(range(14, 60), 0))], LATER)
    assert progress.met and progress.met_on == end_of_week(13)


def test_progress_is_told_in_words_with_the_date_still_needed_by():
    progress = sustained_outcome([job(weekly(range(1, 10)))], end_of_week(9))
    assert progress.summary == "9 of 13 weeks done. 4 more weeks of 16 hours or more are needed by 5 July 2026."
    assert progress.best_window_start == START and progress.best_window_end == date(2026, 7, 5)


# Each programme's own numbers, by the same rule.

IPS = programmes()["ips-primary-care"]


def test_the_programmes_hold_their_published_numbers():
    lse = programmes()["lse"]
    assert (lse.hours_at_least, lse.weeks_needed, lse.window_weeks) == (16, 13, 26)
    assert (IPS.hours_at_least, IPS.weeks_needed, IPS.window_weeks) == (7, 13, 16)


def test_ips_primary_care_counts_weeks_of_7_hours_that_local_supported_employment_does_not():
    jobs = [job(weekly(range(1, 14), 7))]
    assert sustained_outcome(jobs, LATER, IPS).met
    assert not sustained_outcome(jobs, LATER).met


def test_ips_primary_care_needs_its_13_weeks_within_16():
    # 13 weeks of 7 hours spread over 17 weeks: weeks 1-17 without weeks 5, 9, 13, 16.
    numbers = [n for n in range(1, 18) if n not in (5, 9, 13, 16)]
    spread = sustained_outcome([job(weekly(numbers, 7))], LATER, IPS)
    assert not spread.met and spread.met_on is None
    # The same 13 weeks inside 16 (weeks 1-16 without weeks 5, 9, 13) meet it at the end of week 16.
    inside = sustained_outcome([job(weekly([n for n in range(1, 17) if n not in (5, 9, 13)], 7))], LATER, IPS)
    assert inside.met and inside.met_on == end_of_week(16)
    assert inside.summary == "Done: 13 of 13 weeks. The outcome was met on 26 April 2026."


def test_the_summary_names_the_programmes_own_hours():
    progress = sustained_outcome([job(weekly([1], 7))], end_of_week(2), IPS)
    assert progress.summary == "1 of 13 weeks done. 12 more weeks of 7 hours or more are needed by 26 April 2026."


# Pay below the legal minimum for the person's age leaves a job's hours out until a worker confirms it.

ADULT = 30


def test_pay_below_the_minimum_leaves_the_hours_out_and_says_so():
    low = job(weekly(range(1, 14)), start=START)
    low = JobRecord(low.start_date, None, True, low.check_ins, Decimal("10.00"))
    progress = sustained_outcome([low], LATER, age_on=lambda day: ADULT)
    assert not progress.met and progress.weeks[0].hours == 0 and progress.weeks[0].pay_too_low
    confirmed = JobRecord(low.start_date, None, True, low.check_ins, Decimal("10.00"), pay_confirmed=True)
    assert sustained_outcome([confirmed], LATER, age_on=lambda day: ADULT).met


def test_the_minimum_follows_the_persons_age_on_each_week():
    # 2026 rates: 18 to 20 get 10.85, 21 and over 12.71. Someone paid 11.00 who turns 21 in week 7.
    birthday = week(7)
    born = birthday.replace(year=birthday.year - 21)
    record = JobRecord(START, None, True, weekly(range(1, 14)), Decimal("11.00"))
    progress = sustained_outcome([record], LATER, age_on=lambda day: age_on(born, day))
    assert [w.qualifies for w in progress.weeks[:8]] == [True] * 6 + [False] * 2


def test_an_unknown_age_is_held_to_the_adult_minimum():
    record = JobRecord(START, None, True, weekly([1]), Decimal("12.00"))
    assert not sustained_outcome([record], end_of_week(1)).weeks[0].qualifies


def test_a_job_with_no_pay_recorded_still_counts():
    assert sustained_outcome([job(weekly([1]))], end_of_week(1), age_on=lambda day: ADULT).weeks[0].qualifies


def test_pay_below_minimum_is_flagged_on_the_first_day_or_today():
    record = JobRecord(START, None, True, [], Decimal("12.50"))  # above 12.21 (2025), below 12.71 (April 2026)
    assert pay_below_minimum(record, date(2026, 6, 1), lambda day: ADULT)
    assert not pay_below_minimum(record, date(2026, 3, 1), lambda day: ADULT)
    assert not pay_below_minimum(JobRecord(START, None, False, [], None), LATER, lambda day: ADULT)
