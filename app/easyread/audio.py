"""Audio clips on disk, built from registered page text once, by any app server."""

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, Response, abort, current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import clock
from app.easyread.models import AudioClip
from app.easyread.reader import Clip
from app.easyread.speech import Speech, SpeechUnavailable, mp3_duration

_build_lock = threading.Lock()


def get_speech(app: Flask | None = None) -> Speech | None:
    """The shared speech engine, or None when audio is switched off."""
    app = app or current_app
    if not app.config["AUDIO_ENABLED"]:
        return None
    speech = app.extensions.get("speech")
    if speech is None:
        speech = app.extensions["speech"] = Speech(
            voices=app.config["AUDIO_VOICES"], rate=app.config["AUDIO_RATE"], bitrate_kbps=app.config["AUDIO_BITRATE"]
        )
    return speech


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
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        known = set(session.scalars(select(AudioClip.key).where(AudioClip.key.in_(list(missing)))))
        new = [c for key, c in missing.items() if key not in known]
        if not new:
            return
        voice, rate = current_app.config["AUDIO_VOICES"], current_app.config["AUDIO_RATE"]
        session.add_all(
            AudioClip(key=c.key, lang=c.lang, voice=voice.get(c.lang, ""), rate=rate, text=c.text) for c in new
        )
        try:
            session.commit()
        except IntegrityError:  # another request registered the same text at the same moment
            session.rollback()


def clips_ready(clips: list[Clip]) -> bool:
    """Can every clip be played, now or once built on demand?"""
    return speech_available() or all(clip_path(c.lang, c.key).exists() for c in clips)


@contextmanager
def _exclusive(directory: Path):
    """One builder at a time across threads and processes on this server."""
    directory.mkdir(parents=True, exist_ok=True)
    with _build_lock, open(directory / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_clip(key: str) -> Path | None:
    """The clip's file, built now if it is registered and missing; None if it cannot be had."""
    factory = current_app.extensions["database"]["factory"]
    with factory() as session:
        row = session.get(AudioClip, key)
        if row is None:
            return None
        path = clip_path(row.lang, key)
        if path.exists():
            return path
        speech = get_speech()
        if speech is None or not speech.available:
            return None
        with _exclusive(path.parent.parent):
            if not path.exists():
                try:
                    data = speech.synthesize(row.text, row.lang)
                except (SpeechUnavailable, ValueError):
                    return None
                write_clip(path, data)
                row.size_bytes, row.duration_ms = len(data), round(mp3_duration(data) * 1000)
                row.built_at = clock.now()
                session.commit()
        return path


def write_clip(path: Path, data: bytes) -> None:
    """Write a clip so that a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def private_speech(text: str, lang: str) -> Response:
    """Private words (a code, a reference, what a person typed) spoken on request: never stored or cached.
    404 when there is no speech engine, so the page's audio links simply do not play."""
    speech = get_speech()
    if speech is None or not speech.available:
        abort(404)
    try:
        data = speech.synthesize(text, lang)
    except (SpeechUnavailable, ValueError):
        abort(404)
    return Response(data, mimetype="audio/mpeg", headers={"Cache-Control": "no-store"})
