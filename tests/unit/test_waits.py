"""The growing wait after failures: nothing for the free ones, then 1 minute doubling to the longest."""

from datetime import timedelta

from app.ratelimit import wait_after

HOUR = timedelta(hours=1)


def test_the_free_failures_cost_nothing():
    assert [wait_after(n, 5, HOUR) for n in range(5)] == [timedelta(0)] * 5


def test_each_failure_after_the_free_ones_doubles_the_wait_to_the_longest():
    minutes = [wait_after(n, 5, HOUR).total_seconds() / 60 for n in range(5, 13)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60]


def test_a_huge_count_still_waits_only_the_longest():
    assert wait_after(10**9, 5, HOUR) == HOUR
