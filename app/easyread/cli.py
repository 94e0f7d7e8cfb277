"""flask easyread build-audio: make the audio for every string the site shows, in every language.

The pages to render are handed in (app.endpoints.page_paths): easy read knows no journey."""

import sys
import time
from collections.abc import Iterable

import click
from flask import Flask, current_app, g
from flask.cli import AppGroup
from werkzeug.exceptions import HTTPException

from app.easyread.audio import build_clip, clip_path, get_speech
from app.endpoints import page_paths

easyread_cli = AppGroup("easyread", help="Symbols and audio.")


def collect_clips(app: Flask, languages: Iterable[str], paths: Iterable[str]) -> dict:
    """Render each page in each language and gather the clips they register, page clips included."""
    clips = {}
    paths = list(paths)
    for lang in languages:
        for path in paths:
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
                found = [*page_reader.shared_clips(), page_reader.page_clip()]
                for clip in filter(None, found):
                    clips[clip.key] = clip
    return clips


@easyread_cli.command("build-audio")
def build_audio() -> None:
    """Build the audio clips of every page in every language."""
    app = current_app._get_current_object()
    speech = get_speech(app)
    if speech is None or not speech.available:
        click.echo("Audio is not available here: install espeak-ng (apt-get install espeak-ng) to build it.")
        sys.exit(1)
    started = time.monotonic()
    paths = page_paths(app)
    if not paths:
        click.echo("No pages were given to build audio for.")
        sys.exit(1)
    clips = collect_clips(app, app.config["LANGUAGES"], paths)
    built = reused = failed = 0
    with click.progressbar(list(clips.values()), label="Building audio", show_pos=True) as bar:
        for clip in bar:
            if clip_path(clip.lang, clip.key).exists():
                reused += 1
            elif build_clip(clip.key) is not None:
                built += 1
            else:
                failed += 1
    seconds = time.monotonic() - started
    click.echo(f"Audio: {built} built, {reused} reused, {failed} failed, in {seconds:.1f} s.")
    if failed:
        sys.exit(1)
