"""Conventions every route follows, so that later pages cannot slip past the checks."""
import re

from app import create_app
from app.pages import NOT_PAGES, PUBLIC_PAGES, get_endpoints

APP = create_app({"APP_ENV": "test"})


def test_every_get_page_is_in_the_sweep_list():
    pages = get_endpoints(APP) - NOT_PAGES
    assert pages == set(PUBLIC_PAGES), (
        f"add these GET pages to app/pages.py PUBLIC_PAGES: {sorted(pages - set(PUBLIC_PAGES))}; "
        f"remove these: {sorted(set(PUBLIC_PAGES) - pages)}"
    )


def test_url_paths_are_kebab_case():
    for rule in APP.url_map.iter_rules():
        static_parts = re.sub(r"<[^>]+>", "", rule.rule)
        assert re.fullmatch(r"[a-z0-9/.\-]*", static_parts), f"{rule.rule} is not kebab-case"


def test_every_url_parameter_has_a_type_converter():
    for rule in APP.url_map.iter_rules():
        for parameter in re.findall(r"<([^>]+)>", rule.rule):
            assert ":" in parameter, f"{rule.rule}: <{parameter}> needs a converter"
