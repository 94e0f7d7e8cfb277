"""The speech processes: a hung or crashed engine is killed and replaced, and nobody waits for someone else's text.

Nothing here measures time: a hang lasts until it is killed, so a test passes only if the kill happens."""

import multiprocessing
import threading

import pytest

from app.easyread.pool import SpeechBusy, SpeechPool
from app.easyread.speech import SpeechUnavailable, mp3_duration

FAKES = "tests.speech_fakes"
GENEROUS = 120.0  # seconds: only a broken pool comes near this, however loaded the machine


@pytest.fixture
def pool():
    pool = SpeechPool(1, maker=f"{FAKES}:misbehaving", timeout_s=GENEROUS, start_timeout_s=GENEROUS)
    yield pool
    pool.close()


def whoami(pool: SpeechPool) -> int:
    return int(pool.synthesize("whoami", "en", wait=None))


def test_speech_runs_in_another_process_that_is_kept_for_the_next_text(pool):
    first = whoami(pool)
    assert first != multiprocessing.current_process().pid
    assert whoami(pool) == first
    assert mp3_duration(pool.synthesize("Hello", "en")) == pytest.approx(1.0, abs=0.1)


def test_an_engine_that_never_finishes_is_killed_and_replaced(pool):
    hung = whoami(pool)
    with pytest.raises(SpeechUnavailable, match="did not finish"):
        pool.synthesize("hang", "en", timeout_s=0.5)  # the fake never returns: only the kill ends this call
    assert hung not in [child.pid for child in multiprocessing.active_children()]
    assert pool.replaced == 1
    fresh = whoami(pool)
    assert fresh != hung


def test_an_engine_that_crashes_is_replaced_and_the_caller_lives_on(pool):
    crashed = whoami(pool)
    with pytest.raises(SpeechUnavailable, match="stopped"):
        pool.synthesize("crash", "en")
    assert pool.replaced == 1
    assert whoami(pool) != crashed
    assert mp3_duration(pool.synthesize("Hello again", "en")) > 0.5


def test_an_engine_error_keeps_the_process(pool):
    same = whoami(pool)
    with pytest.raises(SpeechUnavailable, match="reported an error"):
        pool.synthesize("broken", "en")
    assert whoami(pool) == same and pool.replaced == 0


def test_empty_text_is_refused_before_any_process(pool):
    with pytest.raises(ValueError):
        pool.synthesize("  ", "en")
    assert pool.processes() == []


def test_a_text_never_waits_for_someone_elses(pool):
    whoami(pool)  # the pool's one process is started
    outcome: list[BaseException] = []

    def hold_the_only_process():
        try:
            pool.synthesize("hang", "en", timeout_s=GENEROUS)
        except BaseException as exc:
            outcome.append(exc)

    holder = threading.Thread(target=hold_the_only_process, daemon=True)
    holder.start()
    busy = threading.Event()
    for _ in range(int(GENEROUS * 100)):  # until the holder has the process (or a very long time has passed)
        if pool._slots._value == 0:
            busy.set()
            break
        busy.wait(0.01)
    assert busy.is_set()
    with pytest.raises(SpeechBusy):
        pool.synthesize("Hello", "en", wait=0)
    # End the holder's hang the way a crash would: kill its speech process, again if the holder had not yet
    # handed it the text (then the pool starts a new one for it), until the holder is answered.
    for _ in range(int(GENEROUS * 10)):
        for child in multiprocessing.active_children():
            child.kill()
        holder.join(0.1)
        if not holder.is_alive():
            break
    assert not holder.is_alive() and isinstance(outcome[0], SpeechUnavailable)
    assert mp3_duration(pool.synthesize("Hello", "en")) > 0.5


def test_at_most_size_processes_speak_at_once():
    pool = SpeechPool(2, maker=f"{FAKES}:misbehaving", timeout_s=GENEROUS, start_timeout_s=GENEROUS)
    try:
        pids = set()
        threads = [threading.Thread(target=lambda: pids.add(whoami(pool))) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(GENEROUS)
        assert 1 <= len(pids) <= 2
        assert len(pool.processes()) <= 2
    finally:
        pool.close()


@pytest.mark.parametrize("maker", ["unavailable", "fails_to_start"])
def test_an_engine_that_cannot_speak_makes_speech_unavailable(maker):
    pool = SpeechPool(1, maker=f"{FAKES}:{maker}", start_timeout_s=GENEROUS)
    try:
        assert pool.available is False
        with pytest.raises(SpeechUnavailable):
            pool.synthesize("Hello", "en")
    finally:
        pool.close()
