"""Spoken versions of page text: pyttsx3 on espeak-ng, compressed to MP3 for phones."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from typing import Any

import lameenc

DEFAULT_VOICES = {"en": "gmw/en", "cy": "cel/cy"}

# espeak-ng is one engine per process and pyttsx3's run loop is not re-entrant:
# two threads inside it at once fail with "run loop already started" or hang.
_LOCK = threading.Lock()
_engines: dict[Any, Any] = {}


class SpeechUnavailable(Exception):
    """No speech engine or voice can speak the text."""


class _Retry(Exception):
    """A failure that a fresh engine may not repeat."""


class Speech:
    """Text to MP3 with pyttsx3 on espeak-ng, safe to call from many threads."""

    def __init__(
        self,
        voices: dict[str, str] | None = None,
        rate: int = 150,
        bitrate_kbps: int = 32,
        driver_name: str = "espeak",
        engine_factory: Callable[[], Any] | None = None,
        timeout_s: float = 5.0,
    ) -> None:
        self.voices = dict(DEFAULT_VOICES if voices is None else voices)
        self.rate = rate
        self.bitrate_kbps = bitrate_kbps
        self.driver_name = driver_name
        self.timeout_s = timeout_s
        self._factory = engine_factory or self._pyttsx3_engine
        self._key = driver_name if engine_factory is None else engine_factory
        self._available: bool | None = None
        self._voice_ids: dict[str, str] = {}

    @property
    def available(self) -> bool:
        """True if the engine starts and every configured voice is installed."""
        if self._available is None:
            try:
                with _LOCK:
                    engine = self._engine()
                    for lang in self.voices:
                        self._voice_id(engine, lang)
                self._available = True
            except Exception:
                self._available = False
        return self._available

    def voice_for(self, lang: str) -> str:
        """The configured voice id for a language code."""
        try:
            return self.voices[lang]
        except KeyError:
            raise SpeechUnavailable(f"no voice is configured for language {lang!r}") from None

    def synthesize(self, text: str, lang: str) -> bytes:
        """Speak text in a language and return it as mono MP3 bytes."""
        if text is None or not str(text).strip():
            raise ValueError("there is no text to speak")
        self.voice_for(lang)
        with tempfile.TemporaryDirectory(prefix="speech-") as tmp, _LOCK:
            pcm, sample_rate = self._speak_to_wav(str(text), lang, tmp)
        try:
            encoder = lameenc.Encoder()
            encoder.set_bit_rate(self.bitrate_kbps)
            encoder.set_in_sample_rate(sample_rate)
            # Without this LAME drops 22050 Hz to 16000 Hz at low bitrates.
            encoder.set_out_sample_rate(sample_rate)
            encoder.set_channels(1)
            encoder.set_quality(2)
            return bytes(encoder.encode(pcm) + encoder.flush())
        except Exception as exc:
            raise SpeechUnavailable(f"MP3 encoding failed: {exc}") from exc

    def _pyttsx3_engine(self) -> Any:
        import pyttsx3

        return pyttsx3.init(self.driver_name)

    def _engine(self) -> Any:
        engine = _engines.get(self._key)
        if engine is None:
            try:
                engine = self._factory()
                # A new engine queues settings until its first run; a first run makes it
                # idle, so later settings apply at once, before speech starts. Speaking a
                # word (not an empty run) replaces any text left from an earlier user.
                _wait_until_espeak_idle(time.monotonic() + 1.0)
                with tempfile.TemporaryDirectory(prefix="speech-") as tmp:
                    self._run_once(engine, "ready", None, os.path.join(tmp, "ready.wav"))
            except Exception as exc:
                raise SpeechUnavailable(
                    f"speech engine {self.driver_name!r} did not start (is espeak-ng installed?): {exc}"
                ) from exc
            _engines[self._key] = engine
        return engine

    def _reset_engine(self) -> None:
        engine = _engines.pop(self._key, None)
        if engine is not None:
            with contextlib.suppress(Exception):
                engine.stop()
            with contextlib.suppress(Exception):
                engine.endLoop()
        del engine
        # The old driver must be collected before a new one claims espeak's callback.
        gc.collect()

    def _voice_id(self, engine: Any, lang: str) -> str:
        if lang not in self._voice_ids:
            wanted = self.voice_for(lang).lower()
            voices = engine.getProperty("voices")
            # By id ("gmw/en"), then short id ("en"), then the voice's own language list.
            tests = (
                lambda v: v.id == wanted,
                lambda v: v.id.rsplit("/", 1)[-1] == wanted,
                lambda v: wanted in (code.lower() for code in v.languages),
                lambda v: any(code.lower().startswith(f"{wanted}-") for code in v.languages),
            )
            match = next((v for test in tests for v in voices if test(v)), None)
            if match is None:
                raise SpeechUnavailable(f"voice {wanted!r} for {lang!r} is not installed")
            self._voice_ids[lang] = match.id
        return self._voice_ids[lang]

    def _speak_to_wav(self, text: str, lang: str, tmp: str) -> tuple[bytes, int]:
        failure = ""
        for attempt in (1, 2):
            if attempt == 2:
                self._reset_engine()
            try:
                return self._speak_once(text, lang, os.path.join(tmp, f"speech-{attempt}.wav"))
            except SpeechUnavailable:
                raise
            except Exception as exc:
                # Only the message: the traceback would keep the old engine alive.
                failure = f"{type(exc).__name__}: {exc}"
        self._reset_engine()
        raise SpeechUnavailable(f"speech failed twice, last with {failure}")

    def _speak_once(self, text: str, lang: str, path: str) -> tuple[bytes, int]:
        engine = self._engine()
        self._run_once(engine, text, self._voice_id(engine, lang), path)
        with wave.open(path, "rb") as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise SpeechUnavailable("the engine did not write 16-bit mono audio")
            return wav.readframes(wav.getnframes()), wav.getframerate()

    def _run_once(self, engine: Any, text: str, voice_id: str | None, path: str) -> None:
        # pyttsx3's espeak driver prints every file it saves; that is noise in a server's log.
        with contextlib.redirect_stdout(io.StringIO()):
            self._run_quietly(engine, text, voice_id, path)

    def _run_quietly(self, engine: Any, text: str, voice_id: str | None, path: str) -> None:
        started, finished = threading.Event(), threading.Event()
        outcomes: list[bool] = []
        errors: list[Exception] = []
        tokens = [
            engine.connect("started-utterance", lambda **_: started.set()),
            engine.connect(
                "finished-utterance", lambda completed=True, **_: (outcomes.append(completed), finished.set())
            ),
            engine.connect("error", lambda exception=None, **_: errors.append(exception)),
        ]
        # pyttsx3's loop waits for espeak with no time limit; the watchdog ends it.
        limit = self.timeout_s + len(text) / 100
        deadline = time.monotonic() + limit
        fired = threading.Event()
        watchdog = threading.Timer(limit, _break_loop, (engine, fired))
        watchdog.daemon = True
        try:
            if voice_id is not None:
                engine.setProperty("voice", voice_id)
                engine.setProperty("rate", self.rate)
                _wait_until_espeak_idle(time.monotonic() + 1.0)
            watchdog.start()
            # One file per runAndWait: queued saves before one run write only the last file.
            engine.save_to_file(text, path)
            engine.runAndWait()
            # runAndWait can return before espeak's own thread has written the file;
            # "finished-utterance" comes only after it.
            if not started.is_set():
                raise _Retry(f"the engine did not start speaking: {errors[:1]}")
            if not finished.wait(max(0.0, deadline - time.monotonic())) or fired.is_set():
                raise _Retry(f"the engine did not finish within {limit:.1f} s")
            if not outcomes[0]:
                raise _Retry("the engine cancelled the speech")
            _wait_until_espeak_idle(deadline)
            # The file is written before "finished-utterance": allow a moment, not the deadline.
            written_by = min(deadline, time.monotonic() + 1.0)
            while not (os.path.exists(path) and os.path.getsize(path) > 44):
                if time.monotonic() > written_by:
                    raise _Retry("the engine wrote no audio")
                time.sleep(0.01)
            if errors:
                raise _Retry(f"the engine reported an error: {errors[0]}")
            current = engine.getProperty("voice")
            if voice_id is not None and current != voice_id:
                raise SpeechUnavailable(f"voice {voice_id!r} did not take; the engine used {current!r}")
        finally:
            watchdog.cancel()
            for token in tokens:
                with contextlib.suppress(Exception):
                    engine.disconnect(token)


def _break_loop(engine: Any, fired: threading.Event) -> None:
    fired.set()
    with contextlib.suppress(Exception):
        engine.stop()
    with contextlib.suppress(Exception):
        engine.proxy._driver.endLoop()


def _wait_until_espeak_idle(deadline: float) -> None:
    # espeak runs setting changes and the end of an utterance on its own thread; a
    # run started while that thread is busy makes pyttsx3 cancel the new utterance
    # at once and write an empty WAV file.
    espeak = sys.modules.get("pyttsx3.drivers._espeak")
    is_playing = getattr(espeak, "IsPlaying", None)
    while is_playing is not None and is_playing() and time.monotonic() < deadline:
        time.sleep(0.001)


_KBPS = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _frame(data: bytes, i: int) -> tuple[int, int, int] | None:
    """(bytes, samples, sample rate) of the MP3 frame whose header starts at i, or None."""
    # Frame sync (11 bits set) and layer III.
    if i + 4 > len(data) or data[i] != 0xFF or data[i + 1] & 0xE6 != 0xE2:
        return None
    version = (data[i + 1] >> 3) & 3
    kbps_index, rate_index = data[i + 2] >> 4, (data[i + 2] >> 2) & 3
    padding = (data[i + 2] >> 1) & 1
    if version == 1 or kbps_index in (0, 15) or rate_index == 3:
        return None
    bps = _KBPS[3 if version == 3 else 2][kbps_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    samples = 1152 if version == 3 else 576
    return samples // 8 * bps // rate + padding, samples, rate


def mp3_duration(data: bytes) -> float:
    """Length in seconds of MP3 data, from its frame headers; skips an ID3v2 tag."""
    i = 0
    if data[:3] == b"ID3" and len(data) >= 10:
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        i = 10 + size + (10 if data[5] & 0x10 else 0)
    seconds, first = 0.0, True
    while i + 4 <= len(data):
        frame = _frame(data, i)
        if frame is None:
            i += 1
            continue
        length, samples, rate = frame
        if i + length > len(data):
            break
        # A leading Xing/Info frame holds metadata, not sound.
        if not (first and (b"Xing" in data[i : i + 48] or b"Info" in data[i : i + 48])):
            seconds += samples / rate
        first = False
        i += length
    return seconds
