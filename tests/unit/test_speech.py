"""Speech: real espeak-ng voices to MP3, under threads, and a missing or broken engine."""

import subprocess
import sys
import threading
import wave
from pathlib import Path
from types import SimpleNamespace

import lameenc
import pytest
import pyttsx3

from app.easyread.speech import Speech, SpeechUnavailable, _break_loop, _Retry, mp3_duration

SHORT = "Your job coach will meet you at the front door of the shop."
LONG = (
    "On your first day at work you will meet your manager and your job coach. "
    "They will show you around the building, where to put your coat and bag, "
    "where the toilets are, and where you can eat your lunch. You will learn how "
    "to clock in and clock out, who to ask if you need help, and what to do if "
    "you feel worried. It is fine to ask the same question more than once. "
    "Everybody needs time to learn a new job, so take your time and do your best."
)
ROOT = Path(__file__).resolve().parents[2]
MPEG2_LAYER3_KBPS = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)


def first_header(data: bytes) -> dict:
    """The first MPEG audio frame header, after an ID3v2 tag if there is one."""
    start = 0
    if data[:3] == b"ID3":
        start = 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9])
    b1, b2, b3 = data[start + 1], data[start + 2], data[start + 3]
    assert data[start] == 0xFF and b1 & 0xE0 == 0xE0, "no MPEG frame sync"
    assert (b1 >> 3) & 3 == 2 and (b1 >> 1) & 3 == 1, "expected MPEG-2 layer III"
    return {
        "kbps": MPEG2_LAYER3_KBPS[b2 >> 4],
        "sample_rate": (22050, 24000, 16000)[(b2 >> 2) & 3],
        "mono": b3 >> 6 == 3,
    }


@pytest.fixture(scope="module")
def speech():
    return Speech()


def assert_valid_mp3(data: bytes, kbps: int = 32) -> float:
    header = first_header(data)
    assert header == {"kbps": kbps, "sample_rate": 22050, "mono": True}
    seconds = mp3_duration(data)
    assert seconds > 0.5
    assert abs(len(data) - kbps * 1000 * seconds / 8) <= 0.25 * len(data)
    return seconds


def test_the_real_engine_and_both_voices_are_available(speech):
    assert speech.available is True
    assert speech.voice_for("en") == "gmw/en"
    assert speech.voice_for("cy") == "cel/cy"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_sentence_becomes_mono_mp3_of_a_plausible_length(speech, lang):
    seconds = assert_valid_mp3(speech.synthesize(SHORT, lang))
    assert 1.5 <= seconds <= 8


def test_welsh_text_is_spoken_with_the_welsh_voice(speech):
    # Welsh says numbers in longer words ("un ar bymtheg" for 16): about 1 s longer here.
    numbers = "7 8 9 11 12 13 14 15 16 17 18 19"
    welsh = speech.synthesize(numbers, "cy")
    assert pyttsx3.init("espeak").getProperty("voice") == "cel/cy"
    english = speech.synthesize(numbers, "en")
    assert pyttsx3.init("espeak").getProperty("voice") == "gmw/en"
    assert welsh != english
    assert mp3_duration(welsh) > mp3_duration(english) + 0.5


def test_longer_text_gives_a_longer_clip(speech):
    assert (
        mp3_duration(speech.synthesize(SHORT + " " + SHORT, "en")) > mp3_duration(speech.synthesize(SHORT, "en")) + 1.5
    )


def test_a_long_text_is_written_in_full(speech):
    assert len(LONG.split()) >= 80
    assert mp3_duration(speech.synthesize(LONG, "en")) >= 15


def test_the_bitrate_setting_is_used():
    data = Speech(bitrate_kbps=24).synthesize(SHORT, "en")
    assert_valid_mp3(data, kbps=24)


def test_many_threads_each_get_their_own_clip(speech):
    # Word counts far apart, so a clip swapped between threads shows in its length.
    texts = [" ".join(["work"] * (2 + 3 * n)) for n in range(24)]
    expected = {text: mp3_duration(speech.synthesize(text, "en")) for text in texts}
    results: dict[str, bytes] = {}
    errors: list[BaseException] = []

    def worker(mine: list[str]) -> None:
        for text in mine:
            try:
                results[text] = speech.synthesize(text, "en")
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=worker, args=(texts[i::8],), daemon=True) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "speech hung under threads"
    assert errors == []
    assert set(results) == set(texts)
    for text, data in results.items():
        assert_valid_mp3(data)
        assert mp3_duration(data) == pytest.approx(expected[text], abs=0.3)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_refused_before_the_engine(text):
    calls = []
    speech = Speech(engine_factory=lambda: calls.append("started"))
    with pytest.raises(ValueError):
        speech.synthesize(text, "en")
    assert calls == []


def test_an_unknown_language_is_unavailable(speech):
    with pytest.raises(SpeechUnavailable):
        speech.voice_for("fr")
    with pytest.raises(SpeechUnavailable):
        speech.synthesize("Bonjour", "fr")


def test_a_voice_that_is_not_installed_makes_speech_unavailable():
    speech = Speech(voices={"en": "gmw/en", "xx": "zzz/not-a-voice"})
    assert speech.available is False
    with pytest.raises(SpeechUnavailable):
        speech.synthesize("Hello", "xx")


@pytest.mark.parametrize("error", [OSError("libespeak-ng.so.1: cannot open"), RuntimeError("could not initialize")])
def test_a_missing_engine_is_unavailable_not_an_error(error):
    def factory():
        raise error

    speech = Speech(engine_factory=factory)
    assert speech.available is False
    assert speech.available is False
    with pytest.raises(SpeechUnavailable):
        speech.synthesize(SHORT, "en")


def test_a_driver_that_does_not_exist_is_unavailable():
    speech = Speech(driver_name="no-such-driver")
    assert speech.available is False
    with pytest.raises(SpeechUnavailable):
        speech.synthesize(SHORT, "en")


def test_without_libespeak_ng_speech_is_unavailable():
    # A fresh process, so that pyttsx3 really tries, and fails, to load the library.
    code = """
import ctypes

def refuse(*args, **kwargs):
    raise OSError("libespeak-ng.so.1: cannot open shared object file")

ctypes.cdll.LoadLibrary = refuse
from app.easyread.speech import Speech, SpeechUnavailable
speech = Speech()
assert speech.available is False
try:
    speech.synthesize("Hello", "en")
except SpeechUnavailable as exc:
    print("unavailable:", exc)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "unavailable:" in result.stdout and "espeak" in result.stdout


HANG_S = 150  # seconds a hanging fake engine waits unless it is stopped


class FakeEngine:
    """Behaves like pyttsx3 on espeak: writes a WAV, then reports from another thread."""

    def __init__(self, fail_on: str | None = None, hang_on: str | None = None) -> None:
        self.calls: list[tuple] = []
        self.handlers: dict[str, list] = {}
        self.voice = "gmw/en"
        self.pending: tuple[str, str] | None = None
        self.fail_on = fail_on
        self.hang_on = hang_on
        self.stopped = threading.Event()

    def connect(self, topic, cb):
        self.handlers.setdefault(topic, []).append(cb)
        return (topic, cb)

    def disconnect(self, token):
        self.handlers[token[0]].remove(token[1])

    def _notify(self, topic, **kwargs):
        for cb in list(self.handlers.get(topic, [])):
            cb(**kwargs)

    def getProperty(self, name):
        if name == "voices":
            return [SimpleNamespace(id="gmw/en", languages=["en-gb"]), SimpleNamespace(id="cel/cy", languages=["cy"])]
        return self.voice if name == "voice" else None

    def setProperty(self, name, value):
        self.calls.append(("set", name, value))
        if name == "voice" and value in ("gmw/en", "cel/cy"):
            self.voice = value

    def save_to_file(self, text, path):
        self.calls.append(("save", text))
        self.pending = (text, path)

    def runAndWait(self):
        self.calls.append(("run",))
        if self.pending is None:
            return
        if self.pending[0] == self.fail_on:
            self.fail_on = None
            raise RuntimeError("run loop already started")
        text, path = self.pending
        self.pending = None
        self._notify("started-utterance", name=None)
        if text == self.hang_on:
            self.stopped.wait(HANG_S)
            return
        with wave.open(path, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(22050)
            wav.writeframes(b"\x00\x00" * 22050)
        finished = threading.Thread(target=self._notify, args=("finished-utterance",), kwargs={"completed": True})
        finished.start()

    def stop(self):
        self.stopped.set()

    def endLoop(self):
        pass


def test_each_file_gets_its_own_run_with_voice_and_rate_set_every_time():
    engine = FakeEngine()
    speech = Speech(engine_factory=lambda: engine, rate=120)
    speech.synthesize("one", "en")
    speech.synthesize("two", "cy")
    spoken = engine.calls
    saves = [i for i, call in enumerate(spoken) if call[0] == "save"]
    assert all(spoken[i + 1] == ("run",) for i in saves)
    saves = [i for i in saves if spoken[i][1] in ("one", "two")]
    assert len(saves) == 2
    assert spoken.count(("set", "rate", 120)) == 2
    assert ("set", "voice", "gmw/en") in spoken[: saves[0]]
    assert ("set", "voice", "cel/cy") in spoken[saves[0] : saves[1]]


def test_a_voice_that_does_not_take_is_reported():
    engine = FakeEngine()
    engine.setProperty = lambda name, value: None
    speech = Speech(engine_factory=lambda: engine)
    with pytest.raises(SpeechUnavailable, match="did not take"):
        speech.synthesize("Bore da", "cy")


def test_a_stuck_run_loop_is_recovered_with_a_fresh_engine():
    engines = [FakeEngine(fail_on="Hello"), FakeEngine()]
    made = []

    def factory():
        made.append(engines[len(made)])
        return made[-1]

    data = Speech(engine_factory=factory).synthesize("Hello", "en")
    assert len(made) == 2
    assert mp3_duration(data) == pytest.approx(1.0, abs=0.1)


def test_the_watchdog_stops_a_hung_engine_and_says_so():
    # The watchdog's work, without its clock: the run loop is ended and the run is marked as cut short.
    # (A hang that the watchdog cannot end is ended by killing the speech process: test_speech_pool.py.)
    engine = FakeEngine(hang_on="Hello")
    fired = threading.Event()
    _break_loop(engine, fired)
    assert fired.is_set() and engine.stopped.is_set()


def test_a_run_the_watchdog_cut_short_is_retried_then_reported():
    engine = FakeEngine(hang_on="Hello")
    engine.stop()  # as if the watchdog had already fired: the hang returns at once
    speech = Speech(engine_factory=lambda: engine, timeout_s=GENEROUS_S)
    speech._run_quietly = _cut_short(speech._run_quietly)
    with pytest.raises(SpeechUnavailable, match="did not finish"):
        speech.synthesize("Hello", "en")


GENEROUS_S = 120.0


def _cut_short(run):
    def run_with_fired_watchdog(engine, text, voice_id, path):
        if text == "Hello":
            raise _Retry("the engine did not finish within 120.0 s")
        return run(engine, text, voice_id, path)

    return run_with_fired_watchdog


def test_the_real_engine_speaks_in_a_speech_process():
    from app.easyread.pool import SpeechPool

    pool = SpeechPool(1, options={"rate": 150}, timeout_s=GENEROUS_S, start_timeout_s=GENEROUS_S)
    try:
        assert pool.available is True
        assert_valid_mp3(pool.synthesize(SHORT, "en", wait=None))
        assert_valid_mp3(pool.synthesize(SHORT, "cy", wait=None))
    finally:
        pool.close()


def test_mp3_duration_skips_an_id3_tag_and_ignores_junk(speech):
    data = speech.synthesize(SHORT, "en")
    tag_body = b"TIT2\x00\x00\x00\x06\x00\x00\x03Hello"
    size = len(tag_body)
    syncsafe = bytes([(size >> 21) & 127, (size >> 14) & 127, (size >> 7) & 127, size & 127])
    id3 = b"ID3\x03\x00\x00" + syncsafe
    tagged = id3 + tag_body + data
    assert first_header(tagged)["mono"]
    assert mp3_duration(tagged) == pytest.approx(mp3_duration(data))
    assert mp3_duration(b"") == 0
    assert mp3_duration(b"not an mp3 at all" * 10) == 0


def test_mp3_duration_counts_frames(speech):
    data = speech.synthesize(SHORT, "en")
    # MPEG-2 layer III at 32 kbps and 22050 Hz: 576 samples in 104 or 105 bytes.
    frames = round(mp3_duration(data) * 22050 / 576)
    assert 104 * frames <= len(data) <= 105 * frames
    assert mp3_duration(data[: len(data) // 2]) == pytest.approx(mp3_duration(data) / 2, abs=0.1)


def test_mp3_duration_reads_mpeg1_frames_too():
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(128)
    encoder.set_in_sample_rate(44100)
    encoder.set_out_sample_rate(44100)
    encoder.set_channels(1)
    data = bytes(encoder.encode(b"\x00\x00" * 44100 * 2) + encoder.flush())
    assert data[1] & 0x18 == 0x18, "expected MPEG-1"
    assert mp3_duration(data) == pytest.approx(2.0, abs=0.1)
