"""flask easyread build-audio: make the audio for every string the site shows, in every language.

The pages to render are handed in (app.endpoints.page_paths): easy read knows no journey. Clips are made on
every core by the same pool of speech processes the site uses, the pages people open first before the rest,
and a clip a web request is making at the same moment is waited for, not made twice."""

import os
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed

import click
from flask import Flask, current_app, g
from flask.cli import AppGroup
from werkzeug.exceptions import HTTPException

from app.easyread.audio import ClipNotReady, build_clip, clip_path, get_speech
from app.endpoints import page_paths

easyread_cli = AppGroup("easyread", help="Symbols and audio.")


def first_pages_first(paths: Iterable[str], first: Sequence[str]) -> list[str]:
    """The paths with those in `first` at the front, in its order; the rest keep their order."""
    rank = {path: number for number, path in enumerate(first)}
    return sorted(paths, key=lambda path: rank.get(path.split("?", 1)[0].rstrip("/") or "/", len(first)))


def collect_clips(app: Flask, languages: Iterable[str], paths: Iterable[str]) -> dict:
    """Render each page in each language and gather the clips they register, page clips included, page by page."""
    clips = {}
    languages = list(languages)
    for path in paths:
        for lang in languages:
            # A fresh app context each time: g (and the page reader in it) belongs to one page only.
            with app.app_context(), app.test_request_context(path + ("&" if "?" in path else "?") + f"lang={lang}"):
                app.preprocess_request()
                try:
                    app.dispatch_request()
                except HTTPException:  # an example page that this database does not have (no demo data)
                    continue
                page_reader = g.get("page_reader")
                if page_reader is None:
                    continue
                for clip in page_reader.stored_clips():
                    clips.setdefault(clip.key, clip)
    return clips


def _build_one(app: Flask, clip, speech) -> bool:
    with app.app_context():
        try:
            return build_clip(clip.key, wait=True, speech=speech) is not None
        except ClipNotReady:  # this process is already making it
            return clip_path(clip.lang, clip.key).exists()


@easyread_cli.command("build-audio")
@click.option("--workers", type=int, default=None, help="Speech processes to use (default: one a core).")
def build_audio(workers: int | None) -> None:
    """Build the audio clips of every page in every language, the pages people open first first."""
    app = current_app._get_current_object()
    size = workers or os.cpu_count() or 1
    speech = get_speech(app, size=size)
    if speech is None or not speech.available:
        click.echo("Audio is not available here: install espeak-ng (apt-get install espeak-ng) to build it.")
        sys.exit(1)
    started = time.monotonic()
    paths = page_paths(app)
    if not paths:
        click.echo("No pages were given to build audio for.")
        sys.exit(1)
    paths = first_pages_first(paths, app.config["AUDIO_BUILD_FIRST"])
    clips = collect_clips(app, app.config["LANGUAGES"], paths)
    todo = [clip for clip in clips.values() if not clip_path(clip.lang, clip.key).exists()]
    reused = len(clips) - len(todo)
    click.echo(f"Audio: {len(clips)} clips from {len(paths)} pages; {reused} made already; {size} speech processes.")
    built = failed = 0
    drawn = sys.stdout.isatty()
    with (
        ThreadPoolExecutor(max_workers=size, thread_name_prefix="audio") as threads,
        click.progressbar(length=len(todo), label="Building audio", show_pos=True, show_eta=False) as bar,
    ):
        # Submitted in page order; the threads take them in that order.
        for future in as_completed([threads.submit(_build_one, app, clip, speech) for clip in todo]):
            if future.result():
                built += 1
            else:
                failed += 1
            bar.update(1)
            if drawn:
                continue
            done = built + failed
            # Without a terminal (a build in the background) the bar is not drawn: a line each tenth instead.
            if done * 10 // len(todo) != (done - 1) * 10 // len(todo):
                click.echo(f"Building audio: {done} of {len(todo)}")
    seconds = time.monotonic() - started
    click.echo(f"Audio: {built} built, {reused} reused, {failed} failed, in {seconds:.1f} s.")
    if failed:
        sys.exit(1)
