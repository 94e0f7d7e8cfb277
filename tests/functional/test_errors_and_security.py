"""Error pages are easy read, never show a traceback, and every response carries the safety headers."""

import html5lib
import pytest

from tests.site import PRODUCTION_SETTINGS, make_app


@pytest.fixture
def csrf_app(tmp_path):
    return make_app(tmp_path, WTF_CSRF_ENABLED=True)


def test_unknown_url_gets_the_easy_read_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "We cannot find this page" in page
    assert 'href="/"' in page


def test_unknown_url_404_in_welsh(client):
    page = client.get("/no-such-page?lang=cy").get_data(as_text=True)
    assert '<html lang="cy"' in page
    assert "We cannot find this page" not in page
    assert "Gwall" not in page.split("<title>")[1].split("</title>")[0]


def test_forced_error_gets_the_easy_read_500_without_a_traceback(tmp_path):
    app = make_app(tmp_path, PROPAGATE_EXCEPTIONS=False)

    @app.get("/explode")
    def explode():
        raise RuntimeError("secret detail sam@example.org")

    response = app.test_client().get("/explode")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert "It is not your fault." in page
    assert "Traceback" not in page and "secret detail" not in page and "RuntimeError" not in page


def test_errors_are_logged_without_what_the_person_typed(tmp_path, caplog):
    app = make_app(tmp_path, PROPAGATE_EXCEPTIONS=False)

    @app.get("/explode")
    def explode():
        from flask import request

        raise ValueError("name=" + request.args["name"])

    app.test_client().get("/explode?name=Sam+Smith")
    assert "ValueError" in caplog.text
    assert "Sam Smith" not in caplog.text


def test_post_without_csrf_token_gets_the_easy_read_400(csrf_app):
    response = csrf_app.test_client().post("/reading-settings", data={"size": "large"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "We could not take your answers" in page
    assert "Anything you saved before is still safe." in page


def test_post_with_csrf_token_works(csrf_app):
    client = csrf_app.test_client()
    page = client.get("/reading-settings").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    data = {"csrf_token": token, "size": "large", "contrast": "standard", "spacing": "normal", "font": "atkinson"}
    assert client.post("/reading-settings", data=data).status_code == 302


def test_wrong_method_gets_an_easy_read_page(client):
    response = client.post("/privacy")
    assert response.status_code == 405
    assert "You cannot do that on this page" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "code, words",
    [
        (400, "Something went wrong with that page"),
        (403, "You cannot see this page"),
        (429, "You have tried too many times"),
    ],
)
def test_other_error_pages_are_easy_read(tmp_path, code, words):
    from flask import abort

    app = make_app(tmp_path)

    @app.get("/fail")
    def fail():
        abort(code)

    response = app.test_client().get("/fail")
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert words in page and 'href="/"' in page


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "frame-ancestors 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_only_pictures_may_come_as_data_addresses(client):
    """First-screen symbols come inside the page as data: pictures; nothing else may use data: addresses."""
    directives = dict(
        part.strip().split(" ", 1) for part in client.get("/").headers["Content-Security-Policy"].split(";")
    )
    assert directives["img-src"] == "'self' data:"
    assert all("data:" not in value for name, value in directives.items() if name != "img-src")


def test_pages_have_no_inline_scripts_or_styles(app, client):
    """Read as a browser reads the page: a symbol's data: address may hold an SVG's own <style> as text."""
    from demo.pages import page_paths

    for path in page_paths(app):
        document = html5lib.parse(client.get(path).get_data(as_text=True), namespaceHTMLElements=False)
        assert document.findall(".//style") == [], path
        assert all(script.get("src") and not (script.text or "").strip() for script in document.iter("script")), path
        for element in document.iter():
            assert not any(name == "style" or name.startswith("on") for name in element.attrib), (path, element.tag)


def test_session_cookie_settings(tmp_path):
    production = make_app(tmp_path, **PRODUCTION_SETTINGS)
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert production.config["SESSION_COOKIE_HTTPONLY"] is True
    assert production.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_static_files_with_a_hash_are_cached_for_a_year_and_nothing_else(client):
    page = client.get("/").get_data(as_text=True)
    css = page.split('rel="stylesheet" href="')[1].split('"')[0]
    assert "?v=" in css
    cache = client.get(css).headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "no-cache" not in cache
