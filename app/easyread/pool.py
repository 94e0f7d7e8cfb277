"""Speech in separate processes: a bounded pool that kills and replaces an engine that hangs or crashes.

The speech engine (espeak-ng through pyttsx3) is C code with threads of its own; inside a web worker a hang
holds the worker and a crash takes it down. Here each engine lives in its own process. A caller never waits
for a process that another caller is using: when all are busy it hears SpeechBusy at once.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any

from app.easyread.speech import SpeechUnavailable

# spawn, not fork: a forked web worker would hand the engine its threads, locks and sockets.
_CONTEXT = multiprocessing.get_context("spawn")
DEFAULT_MAKER = "app.easyread.pool:make_speech"


class SpeechBusy(SpeechUnavailable):
    """Every speech process is busy with someone else's text: try again soon."""


def make_speech(options: dict) -> Any:
    """The real engine, made inside a speech process."""
    from app.easyread.speech import Speech

    return Speech(**options)


def _load(dotted: str) -> Callable[[dict], Any]:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def _serve(connection, maker: str, options: dict) -> None:
    """The loop of one speech process: report whether it can speak, then speak each text it is sent."""
    try:
        speech = _load(maker)(options)
        available = bool(speech.available)
    except Exception:
        speech, available = None, False
    connection.send(("ready", available))
    while True:
        try:
            text, lang = connection.recv()
        except (EOFError, OSError):  # the web process has gone: so do we
            return
        try:
            connection.send(("ok", speech.synthesize(text, lang)))
        except ValueError as exc:
            connection.send(("value", str(exc)))
        except Exception as exc:
            connection.send(("unavailable", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, maker: str, options: dict, start_timeout_s: float) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, maker, options), daemon=True)
        self.process.start()
        child.close()
        if not self.connection.poll(start_timeout_s):
            self.kill()
            raise SpeechUnavailable(f"the speech process did not start within {start_timeout_s:.0f} s")
        try:
            _, self.available = self.connection.recv()
        except (EOFError, OSError):
            self.kill()
            raise SpeechUnavailable("the speech process stopped while starting") from None

    def speak(self, text: str, lang: str, limit_s: float) -> bytes:
        try:
            self.connection.send((text, lang))
            if not self.connection.poll(limit_s):
                raise _Dead(f"the speech engine did not finish within {limit_s:.1f} s")
            outcome, value = self.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise _Dead("the speech process stopped") from None
        if outcome == "value":
            raise ValueError(value)
        if outcome == "unavailable":
            raise SpeechUnavailable(value)
        return value

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.connection.close()


class _Dead(Exception):
    """The process hung or died; it is killed and replaced."""


class SpeechPool:
    """Up to `size` speech processes, started when first needed and replaced when one hangs or dies."""

    def __init__(
        self,
        size: int,
        options: dict | None = None,
        maker: str = DEFAULT_MAKER,
        timeout_s: float = 20.0,
        start_timeout_s: float = 60.0,
    ) -> None:
        self.size = max(1, size)
        self.options = dict(options or {})
        self.maker = maker
        self.timeout_s = timeout_s
        self.start_timeout_s = start_timeout_s
        self.replaced = 0  # processes killed or lost and replaced, for the build's report and the tests
        self._slots = threading.BoundedSemaphore(self.size)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._checking = threading.Lock()
        self._available: bool | None = None
        self._pid = os.getpid()

    @property
    def available(self) -> bool:
        """True if a speech process starts and its engine has every configured voice."""
        with self._checking:
            if self._available is None:
                try:
                    worker = self._take()
                except SpeechUnavailable:
                    self._available = False
                else:
                    self._give_back(worker)
        return bool(self._available)

    def limit_for(self, text: str) -> float:
        """Seconds one text may take: the base timeout, and more for a long text."""
        return self.timeout_s + len(text) / 100

    def synthesize(self, text: str, lang: str, wait: float | None = 0.0, timeout_s: float | None = None) -> bytes:
        """Speak text as MP3 in a free process. wait: seconds to wait for one to be free (None: as long as it takes);
        SpeechBusy when none is free by then, SpeechUnavailable when the engine fails, hangs or dies.
        timeout_s: this text's limit instead of the pool's."""
        if text is None or not str(text).strip():
            raise ValueError("there is no text to speak")
        if wait is None:
            self._slots.acquire()
        elif not (self._slots.acquire(timeout=wait) if wait > 0 else self._slots.acquire(blocking=False)):
            raise SpeechBusy("every speech process is busy")
        try:
            worker = self._take()
            if not worker.available:
                self._give_back(worker)
                raise SpeechUnavailable("the speech engine or a voice is not installed")
            try:
                limit = self.limit_for(str(text)) if timeout_s is None else timeout_s
                data = worker.speak(str(text), lang, limit)
            except _Dead as exc:
                worker.kill()
                self.replaced += 1
                raise SpeechUnavailable(str(exc)) from None
            except BaseException:
                self._give_back(worker)
                raise
            self._give_back(worker)
            return data
        finally:
            self._slots.release()

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.kill()
                self.replaced += 1
        worker = _Worker(self.maker, self.options, self.start_timeout_s)
        self._available = worker.available
        return worker

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(worker)
                return
        worker.kill()

    def processes(self) -> list[int]:
        """The ids of the idle speech processes (for tests and the build's report)."""
        with self._lock:
            return [worker.process.pid for worker in self._idle]

    def close(self) -> None:
        """Stop every idle process; busy ones stop when their caller gives them back to a closed pool."""
        with self._lock:
            workers, self._idle = self._idle, []
        for worker in workers:
            worker.kill()


_pools: dict[tuple, SpeechPool] = {}
_pools_lock = threading.Lock()


def shared_pool(size: int, options: dict, timeout_s: float, maker: str = DEFAULT_MAKER) -> SpeechPool:
    """One pool per process for each set of settings, so that many apps in one process share their engines."""
    key = (os.getpid(), size, maker, timeout_s, tuple(sorted((k, repr(v)) for k, v in options.items())))
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _pools[key] = SpeechPool(size, options, maker=maker, timeout_s=timeout_s)
        return pool


@atexit.register
def _close_all() -> None:
    for pool in list(_pools.values()):
        if pool._pid == os.getpid():
            pool.close()
