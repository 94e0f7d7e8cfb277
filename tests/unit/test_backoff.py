"""The wait between tries of an outbox message: doubling, capped, with a little jitter."""

from datetime import timedelta

import pytest

from app.outbox.sending import JITTER, MAX_BACKOFF, backoff


def test_the_first_wait_is_the_base_and_each_failed_try_doubles_it():
    assert [backoff(attempts, 60) for attempts in (1, 2, 3, 4)] == [
        timedelta(seconds=60),
        timedelta(seconds=120),
        timedelta(seconds=240),
        timedelta(seconds=480),
    ]


def test_the_wait_never_goes_past_the_cap():
    assert backoff(9, 60) == timedelta(seconds=60 * 256)  # about 4 hours 16 minutes
    assert backoff(10, 60) == MAX_BACKOFF  # 60 x 512 seconds is over 6 hours
    assert backoff(1000, 60) == MAX_BACKOFF
    assert backoff(3, 60, cap=timedelta(minutes=3)) == timedelta(minutes=3)


def test_jitter_makes_the_wait_up_to_a_tenth_shorter_and_never_longer():
    assert backoff(2, 60, rand=0.0) == timedelta(seconds=120)
    assert backoff(2, 60, rand=0.5) == timedelta(seconds=120 * (1 - JITTER / 2))
    shortest = backoff(2, 60, rand=0.999999)
    assert timedelta(seconds=108) < shortest < timedelta(seconds=120)
    assert backoff(50, 60, rand=0.999999) <= MAX_BACKOFF


def test_there_is_no_wait_before_the_first_failed_try():
    with pytest.raises(ValueError):
        backoff(0, 60)
