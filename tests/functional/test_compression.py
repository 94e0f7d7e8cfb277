"""Pages, JSON, stylesheets, scripts and symbols go compressed (brotli or gzip) when the browser accepts it;
audio, fonts and tiny answers go as they are; every header the site sets stays."""

import gzip
import re
from pathlib import Path

import brotli
import pytest

from app.assets import asset_url
from tests.site import check_page, make_app

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}
KEPT_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
)


@pytest.fixture
def client(app):
    """A plain client: the page-checking one reads bodies as text, and these are compressed."""
    return app.test_client()


def fetch(client, path: str, accept: str, **headers):
    return client.get(path, headers={"Accept-Encoding": accept, **headers})


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",") if part.strip()}


def static_url(app, filename: str) -> str:
    with app.test_request_context():
        return asset_url(filename)


@pytest.mark.parametrize("encoding", ["br", "gzip"])
@pytest.mark.parametrize("path", ["/", "/find-work/supported-employment", "/services", "/glossary?lang=cy"])
def test_a_page_is_sent_compressed_and_decodes_to_the_same_html(client, path, encoding):
    plain = fetch(client, path, "identity")
    packed = fetch(client, path, encoding)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == encoding
    assert "accept-encoding" in vary(packed)
    assert len(packed.data) < len(plain.data) / 3
    assert int(packed.headers["Content-Length"]) == len(packed.data)
    assert DECODE[encoding](packed.data) == plain.data
    check_page(DECODE[encoding](packed.data).decode())


def test_brotli_is_chosen_when_the_browser_takes_both(client):
    response = fetch(client, "/find-work", "gzip, deflate, br, zstd")
    assert response.headers["Content-Encoding"] == "br"
    assert fetch(client, "/find-work", "br;q=0.5, gzip").headers["Content-Encoding"] == "gzip"


def test_a_compressed_page_keeps_every_header_the_site_sets(client):
    plain = fetch(client, "/find-work", "identity")
    packed = fetch(client, "/find-work", "br")
    for name in KEPT_HEADERS:
        assert packed.headers[name] == plain.headers[name]
    assert "script-src 'self'" in packed.headers["Content-Security-Policy"]


def test_json_from_the_api_is_compressed(client):
    plain = fetch(client, "/api/services", "identity")
    packed = fetch(client, "/api/services", "gzip")
    assert plain.mimetype == "application/json"
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data


def test_a_tiny_answer_is_not_compressed(client):
    response = fetch(client, "/healthz", "br, gzip")
    assert len(response.data) < 500
    assert "Content-Encoding" not in response.headers


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_the_stylesheet_is_sent_precompressed_and_kept_for_a_year(app, client, encoding):
    url = static_url(app, "css/site.css")
    original = (Path(app.static_folder) / "css" / "site.css").read_bytes()
    response = fetch(client, url, encoding)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == encoding
    assert "accept-encoding" in vary(response)
    assert DECODE[encoding](response.data) == original
    assert len(response.data) < len(original) / 3
    assert response.cache_control.max_age == app.config["STATIC_MAX_AGE"]
    assert response.cache_control.immutable and response.cache_control.public
    for name in KEPT_HEADERS:
        assert name in response.headers


def test_each_encoding_of_a_static_file_has_its_own_etag_and_revalidates(app, client):
    url = static_url(app, "js/listen.js")
    plain, br, gz = (fetch(client, url, accept) for accept in ("identity", "br", "gzip"))
    tags = {plain.headers["ETag"], br.headers["ETag"], gz.headers["ETag"]}
    assert len(tags) == 3
    again = fetch(client, url, "br", **{"If-None-Match": br.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""
    other = fetch(client, url, "gzip", **{"If-None-Match": br.headers["ETag"]})
    assert other.status_code == 200
    assert other.headers["Content-Encoding"] == "gzip"


def test_a_symbol_is_sent_precompressed(app, client):
    name = "mulberry-help-to.svg"
    original = (Path(app.config["SYMBOLS_DIR"]) / name).read_bytes()
    response = fetch(client, f"/symbols/{name}", "br")
    assert response.mimetype == "image/svg+xml"
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.data) == original
    assert response.cache_control.immutable


def test_a_symbol_under_500_bytes_goes_as_it_is(app, client):
    folder = Path(app.config["SYMBOLS_DIR"])
    tiny = min(folder.glob("*.svg"), key=lambda path: path.stat().st_size)
    assert tiny.stat().st_size < 500
    response = fetch(client, f"/symbols/{tiny.name}", "br, gzip")
    assert "Content-Encoding" not in response.headers
    assert response.data == tiny.read_bytes()


def test_fonts_are_not_compressed_again(app, client):
    response = fetch(client, static_url(app, "fonts/atkinson-next-400.woff2"), "br, gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers


def test_audio_is_sent_as_it_is_and_kept_for_a_year(app, client):
    key = "ab" * 32
    clip = Path(app.config["AUDIO_DIR"]) / "en" / f"{key}.mp3"
    clip.parent.mkdir(parents=True, exist_ok=True)
    clip.write_bytes(b"ID3" + bytes(4000))
    response = fetch(client, f"/audio/en/{key}.mp3", "br, gzip")
    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert "Content-Encoding" not in response.headers
    assert response.data == clip.read_bytes()
    assert response.cache_control.max_age == app.config["STATIC_MAX_AGE"]
    assert response.cache_control.public and response.cache_control.immutable
    again = fetch(client, f"/audio/en/{key}.mp3", "br, gzip", **{"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


@pytest.fixture
def app_with_form_tokens(tmp_path):
    return make_app(tmp_path, WTF_CSRF_ENABLED=True)


def test_a_page_with_a_form_token_and_words_from_its_address_is_not_compressed(app_with_form_tokens):
    """Otherwise another site could send guesses in the address and watch the compressed size (BREACH)."""
    client = app_with_form_tokens.test_client()
    response = fetch(client, "/reading-settings?next=/find-work", "br, gzip")
    assert re.search(rb'name="csrf_token" type="hidden" value="[^"]+"', response.data)
    assert "Content-Encoding" not in response.headers
    assert "accept-encoding" in vary(response)


def test_a_page_with_a_form_token_is_compressed_when_its_address_has_only_the_language(app_with_form_tokens):
    client = app_with_form_tokens.test_client()
    for path in ("/reading-settings", "/reading-settings?lang=cy"):
        response = fetch(client, path, "br")
        assert response.headers["Content-Encoding"] == "br"
        assert b"csrf_token" in brotli.decompress(response.data)
