"""`make run` serves with gunicorn at once and builds the page audio beside it, stopping it with the server."""

import importlib.util
import logging
import subprocess
import sys
from pathlib import Path

import pytest

SETTINGS = Path(__file__).resolve().parents[2] / "scripts" / "gunicorn_run.py"


@pytest.fixture
def settings(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("gunicorn_run", SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "AUDIO_LOG", tmp_path / "instance" / "build-audio.log")
    return module


class Server:
    log = logging.getLogger("test.gunicorn")


def test_make_run_serves_with_gunicorn_on_the_local_address():
    makefile = (SETTINGS.parent.parent / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "gunicorn --config scripts/gunicorn_run.py --bind 127.0.0.1:$(PORT) wsgi:app" in run
    assert "$(FLASK) run" not in run  # the development server warns against serving with it
    assert "build-audio" not in run  # built by the server's hook, beside the site


def test_a_small_server_two_processes_with_threads(settings):
    assert settings.workers == 2
    assert settings.threads > 1


def test_the_audio_build_starts_in_the_background_when_the_server_is_ready(settings, monkeypatch):
    started = []

    class FakeBuild:
        def __init__(self, args, **kwargs):
            started.append((args, kwargs))

    monkeypatch.setattr(settings.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(settings.subprocess, "Popen", FakeBuild)
    settings.when_ready(Server())
    ((args, kwargs),) = started
    assert args == [sys.executable, "-m", "flask", "--app", "wsgi", "easyread", "build-audio"]
    assert kwargs["cwd"] == SETTINGS.parent.parent
    assert settings.AUDIO_LOG.parent.is_dir()


def test_without_espeak_ng_no_build_is_started(settings, monkeypatch):
    monkeypatch.setattr(settings.shutil, "which", lambda name: None)
    monkeypatch.setattr(settings.subprocess, "Popen", lambda *a, **k: pytest.fail("a build was started"))
    settings.when_ready(Server())
    assert settings._audio_build is None


def test_a_build_still_running_is_stopped_with_the_server(settings):
    build = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    settings._audio_build = build
    settings.on_exit(Server())
    assert build.poll() is not None
