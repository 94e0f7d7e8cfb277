"""A clip's address is worked out around its key once, and is the address the audio route answers."""

from flask import url_for

from app.easyread.reader import clip_key, clip_url


def test_a_clip_address_is_the_audio_routes_address_in_each_language_and_under_a_script_root(app):
    keys = [clip_key(text, "en", "voice", 160) for text in ("Find local services.", "Page 2 of 5.")]
    for root in ("", "/council"):
        with app.test_request_context("/", base_url=f"http://localhost{root}"):
            for lang in ("en", "cy"):
                for key in keys:
                    assert clip_url(lang, key) == url_for("easyread.audio_file", clip_lang=lang, key=key)
                    assert clip_url(lang, key).startswith(f"{root}/audio/{lang}/")
