"""gunicorn settings for `make run`: small enough for an old server, and the page audio built beside the site.

The site answers as soon as the database is ready; `flask easyread build-audio` runs in its own process
while it does (pages say when a clip is not ready yet) and is stopped with the server.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIO_LOG = ROOT / "instance" / "build-audio.log"

workers = 2  # processes; each has a few threads, so a slow phone holding a connection does not block others
threads = 4
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None
control_socket_disable = True  # one server per checkout; no socket shared in the home folder
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus'  # no referrer or user agent: nothing personal
logger_class = "app.redaction.RedactingGunicornLogger"  # tokens and codes in addresses are hidden

_audio_build: subprocess.Popen | None = None


def when_ready(server) -> None:
    """Start building the audio once the server is listening."""
    global _audio_build
    if not shutil.which("espeak-ng"):
        server.log.info("espeak-ng is not installed, so pages will say that audio is not available.")
        return
    AUDIO_LOG.parent.mkdir(exist_ok=True)
    with AUDIO_LOG.open("w") as log:
        _audio_build = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "easyread", "build-audio"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server.log.info("Building the page audio in the background (progress in %s).", AUDIO_LOG)


def on_exit(server) -> None:
    """Stop an audio build still running: clips already built are kept, the rest are built when asked for."""
    if _audio_build is not None and _audio_build.poll() is None:
        _audio_build.terminate()
        try:
            _audio_build.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _audio_build.kill()
