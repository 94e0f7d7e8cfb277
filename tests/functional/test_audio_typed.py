"""Search words are spoken, but kept only for a short time: purged, limited per client, capped in rows and disk."""

import re
from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.easyread.models import AudioClip
from app.purge import purge
from tests.site import make_app

SAY = re.compile(r'data-say="(/audio/[^"]+)"')
PAGE_AUDIO = re.compile(r'<audio class="listen-audio" controls preload="none" src="([^"]+)"')


def clips(app) -> list[AudioClip]:
    with app.extensions["database"]["factory"]() as session:
        return list(session.scalars(select(AudioClip)))


def with_words(app, words: str) -> list[AudioClip]:
    return [clip for clip in clips(app) if words in clip.text.casefold()]


def test_search_words_are_stored_only_in_clips_that_expire(app, client):
    page = client.get("/services?q=Zebrafinch").get_data(as_text=True)
    typed = with_words(app, "zebrafinch")
    assert len(typed) >= 2  # the "take away" link and the whole page
    assert all(clip.expires_at is not None for clip in typed)
    assert all(clip.expires_at is None for clip in clips(app) if "zebrafinch" not in clip.text.casefold())
    response = client.get(PAGE_AUDIO.search(page).group(1))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    # Page text without typed words is still kept, and cached by browsers for a long time.
    assert "immutable" in client.get(SAY.search(page).group(1)).headers["Cache-Control"]


def test_the_purge_removes_expired_typed_clips_and_their_files(app, client):
    page = client.get("/services?q=Zebrafinch").get_data(as_text=True)
    client.get(PAGE_AUDIO.search(page).group(1))
    with app.app_context():
        from app.easyread.audio import clip_path

        files = [clip_path(clip.lang, clip.key) for clip in with_words(app, "zebrafinch")]
    assert any(path.exists() for path in files)
    kept = len(clips(app)) - len(files)
    assert purge(app, now=clock.now() + timedelta(hours=1)).audio_clips == 0
    counts = purge(app, now=clock.now() + timedelta(hours=app.config["AUDIO_TYPED_HOURS"], minutes=1))
    assert counts.audio_clips == len(files)
    assert with_words(app, "zebrafinch") == [] and len(clips(app)) == kept
    assert not any(path.exists() for path in files)


def test_new_typed_clips_are_limited_per_client(tmp_path):
    app = make_app(tmp_path, AUDIO_TYPED_PER_CLIENT=2)
    client = app.test_client()
    for word in ("aardvark", "badger", "coypu"):
        assert client.get(f"/services?q={word}").status_code == 200
    assert with_words(app, "aardvark") and with_words(app, "badger")
    assert with_words(app, "coypu") == []
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    other.get("/services?q=coypu")
    assert with_words(app, "coypu")


def test_typed_clips_stop_at_the_cap_on_rows(tmp_path):
    app = make_app(tmp_path, AUDIO_TYPED_MAX_CLIPS=3)
    client = app.test_client()
    client.get("/services?q=aardvark")
    client.get("/services?q=badger")
    stored = [clip for clip in clips(app) if clip.expires_at is not None]
    assert 0 < len(stored) <= 3
    assert with_words(app, "badger") == []
    assert client.get("/services?q=badger").status_code == 200


def test_no_new_clip_is_made_past_the_cap_on_disk(tmp_path):
    app = make_app(tmp_path, AUDIO_MAX_DISK_MB=0)
    client = app.test_client()
    page = client.get("/services?q=aardvark").get_data(as_text=True)
    assert client.get(PAGE_AUDIO.search(page).group(1)).status_code == 404
    assert client.get("/services?q=aardvark").status_code == 200
