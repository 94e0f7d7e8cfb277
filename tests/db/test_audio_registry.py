"""Several app servers can register the same page text at once without errors or duplicates."""

import threading

from sqlalchemy import func, select

from app.easyread.audio import register_clips
from app.easyread.models import AudioClip
from app.easyread.reader import PageReader
from app.migrate import upgrade


def test_concurrent_registration_of_the_same_clips_keeps_one_row_each(empty_app):
    upgrade(empty_app)
    texts = [f"Sentence number {n}." for n in range(30)]
    errors = []

    def register():
        try:
            with empty_app.test_request_context():
                reader = PageReader(lang="en", voice="gmw/en", rate=150)
                register_clips([reader.say(text) for text in texts])
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=register) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    factory = empty_app.extensions["database"]["factory"]
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(AudioClip)) == 30
        assert session.scalar(select(func.count(func.distinct(AudioClip.text)))) == 30
