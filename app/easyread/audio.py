"""Audio clips on disk, built from registered page text by a pool of speech processes, by any app server.

Page text is kept until it changes. Text with words a person typed (search words) is kept for
AUDIO_TYPED_HOURS, purged after that, limited per client and capped in rows and disk (decision 0018)."""

import fcntl
import os
import threading
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from flask import Flask, Response, abort, current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from app import clock
from app.easyread.models import AudioClip
from app.easyread.pool import SpeechBusy, SpeechPool, shared_pool
from app.easyread.reader import Clip
from app.easyread.speech import SpeechUnavailable, mp3_duration
from app.ratelimit import client_key, try_once


class ClipNotReady(Exception):
    """The clip is being made by someone else, or every speech process is busy: try again soon."""


def get_speech(app: Flask | None = None, size: int | None = None) -> SpeechPool | None:
    """The speech processes for this app's settings, or None when audio is switched off."""
    app = app or current_app
    config = app.config
    if not config["AUDIO_ENABLED"]:
        return None
    options = {"voices": config["AUDIO_VOICES"], "rate": config["AUDIO_RATE"], "bitrate_kbps": config["AUDIO_BITRATE"]}
    return shared_pool(size or config["AUDIO_WORKERS"], options, config["AUDIO_TIMEOUT"], config["AUDIO_SPEECH_MAKER"])


def speech_available() -> bool:
    speech = get_speech()
    return speech is not None and speech.available


def clip_path(lang: str, key: str) -> Path:
    return Path(current_app.config["AUDIO_DIR"]) / lang / f"{key}.mp3"


def register_clips(clips: list[Clip]) -> None:
    """Record clips whose file is missing, so that a request for them can build them."""
    missing = {c.key: c for c in clips if not clip_path(c.lang, c.key).exists()}
    if not missing:
        return
    try:
        _register(missing)
    except SQLAlchemyError:  # a locked or read-only database: the page still shows, its audio waits
        return


def _register(missing: dict[str, Clip]) -> None:
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        known = set(session.scalars(select(AudioClip.key).where(AudioClip.key.in_(list(missing)))))
        new = [c for key, c in missing.items() if key not in known]
        if any(c.typed for c in new) and not _may_add_typed(session, sum(c.typed for c in new)):
            new = [c for c in new if not c.typed]  # typed words over a limit are simply not spoken
        if not new:
            return
        config = current_app.config
        expires = clock.now() + timedelta(hours=config["AUDIO_TYPED_HOURS"])
        session.add_all(
            AudioClip(
                key=c.key,
                lang=c.lang,
                voice=config["AUDIO_VOICES"].get(c.lang, ""),
                rate=config["AUDIO_RATE"],
                text=c.text,
                expires_at=expires if c.typed else None,
            )
            for c in new
        )
        try:
            session.commit()
        except IntegrityError:  # another request registered the same text at the same moment
            session.rollback()


def _may_add_typed(session, count: int) -> bool:
    """Under the cap on stored typed clips, and this client under its limit of new ones."""
    config = current_app.config
    stored = session.scalar(select(func.count()).select_from(AudioClip).where(AudioClip.expires_at.is_not(None)))
    if (stored or 0) + count > config["AUDIO_TYPED_MAX_CLIPS"]:
        return False
    return try_once(client_key("audio-typed"), config["AUDIO_TYPED_PER_CLIENT"], timedelta(hours=1))


def clips_ready(clips: list[Clip]) -> bool:
    """Can every clip be played, now or once built on demand?"""
    return all(clip_path(c.lang, c.key).exists() for c in clips) or speech_available()


def not_ready(clips: list[Clip]) -> bool:
    """Is any of these clips still to be made?"""
    return not all(clip_path(c.lang, c.key).exists() for c in clips)


_building: set[str] = set()
_building_lock = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}


def _lock_file(directory: Path) -> int:
    # One open file per process, never closed: closing any descriptor of a file drops the process's locks on it.
    name = (os.getpid(), str(directory))
    with _building_lock:
        if name not in _lock_files:
            directory.mkdir(parents=True, exist_ok=True)
            _lock_files[name] = os.open(directory / ".build.lock", os.O_RDWR | os.O_CREAT, 0o644)
        return _lock_files[name]


@contextmanager
def _claim(directory: Path, key: str, wait: bool):
    """The right to build one clip, across threads (a set) and processes (a byte of a shared lock file)."""
    with _building_lock:
        mine = key not in _building
        _building.add(key)
    if not mine:
        raise ClipNotReady(key)
    handle, offset = _lock_file(directory), int(key[:12], 16)
    try:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB), 1, offset)
        except OSError:
            raise ClipNotReady(key) from None
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN, 1, offset)
    finally:
        with _building_lock:
            _building.discard(key)


def build_clip(key: str, wait: bool = False, speech: SpeechPool | None = None) -> Path | None:
    """The clip's file, built now if it is registered and missing; None if it cannot be had.
    Without wait, ClipNotReady when another request is making it or every speech process is busy."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        row = session.get(AudioClip, key)
        if row is None:
            return None
        path = clip_path(row.lang, key)
        if path.exists():
            return path
        speech = speech or get_speech()
        if speech is None or not speech.available:
            return None
        if not wait and _over_disk_cap(session):
            return None
        text, lang = row.text, row.lang
        session.rollback()  # no transaction stays open while the engine speaks
        with _claim(path.parent.parent, key, wait):
            if path.exists():
                return path
            try:
                data = speech.synthesize(text, lang, wait=None if wait else 0)
            except SpeechBusy:
                raise ClipNotReady(key) from None
            except (SpeechUnavailable, ValueError):
                return None
            write_clip(path, data)
            try:
                row = session.get(AudioClip, key)
                if row is not None:
                    row.size_bytes, row.duration_ms = len(data), round(mp3_duration(data) * 1000)
                    row.built_at = clock.now()
                    session.commit()
            except SQLAlchemyError:  # the file is there; its size is recorded by the next build
                session.rollback()
        return path


def _over_disk_cap(session) -> bool:
    used = session.scalar(select(func.coalesce(func.sum(AudioClip.size_bytes), 0)))
    return used >= current_app.config["AUDIO_MAX_DISK_MB"] * 1024 * 1024


def typed_clip(key: str) -> bool:
    """Does the clip hold words a person typed (and so expire)?"""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        return session.scalar(select(AudioClip.expires_at).where(AudioClip.key == key)) is not None


def write_clip(path: Path, data: bytes) -> None:
    """Write a clip so that a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def private_speech(text: str, lang: str) -> Response:
    """Private words (a code, a reference, what a person typed) spoken on request: never stored or cached.
    404 when there is no speech engine, so the page's audio links simply do not play; 503 when the speech
    processes are all busy or this client has asked for too many."""
    speech = get_speech()
    if speech is None or not speech.available:
        abort(404)
    if not try_once(client_key("audio-private"), current_app.config["AUDIO_PRIVATE_PER_CLIENT"], timedelta(hours=1)):
        abort(429)
    try:
        data = speech.synthesize(text, lang, wait=0)
    except SpeechBusy:
        raise ClipNotReady("private") from None
    except (SpeechUnavailable, ValueError):
        abort(404)
    return Response(data, mimetype="audio/mpeg", headers={"Cache-Control": "no-store"})
