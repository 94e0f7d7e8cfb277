"""Every page a person can open, with example arguments: the one list the checks and audio build walk."""
from flask import Flask, url_for

# endpoint -> example URL arguments. A new GET page must be added here, or a test fails.
PUBLIC_PAGES: dict[str, dict] = {
    "main.home": {},
    "main.accessibility": {},
    "main.privacy": {},
    "main.credits": {},
    "easyread.reading_settings": {},
    "easyread.glossary": {},
}

# GET endpoints that are not pages: files and machine checks.
NOT_PAGES: set[str] = {"static", "easyread.symbol_file", "easyread.audio_file", "main.healthz"}


def page_paths(app: Flask) -> list[str]:
    """The path of every public page, for the sweep and the audio build."""
    with app.test_request_context():
        return [url_for(endpoint, **args) for endpoint, args in PUBLIC_PAGES.items()]


def get_endpoints(app: Flask) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in (rule.methods or ())}
