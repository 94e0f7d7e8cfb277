"""Conventions every route follows, so that later pages cannot slip past the checks."""
import re

from app import create_app
from app.pages import NOT_PAGES, PUBLIC_PAGES, STAFF_PAGES, get_endpoints
from app.staff.permissions import OPEN, Permission

APP = create_app({"APP_ENV": "test"})


def test_every_get_page_is_in_the_sweep_list():
    pages = get_endpoints(APP) - NOT_PAGES
    listed = set(PUBLIC_PAGES) | set(STAFF_PAGES)
    assert pages == listed, (
        f"add these GET pages to PUBLIC_PAGES or a staff module's PAGES: {sorted(pages - listed)}; "
        f"remove these: {sorted(listed - pages)}"
    )


def test_every_staff_route_declares_its_permission():
    staff_endpoints = [endpoint for endpoint in APP.view_functions if endpoint.startswith("staff.")]
    assert staff_endpoints, "the staff blueprint has no routes"
    for endpoint in staff_endpoints:
        permission = getattr(APP.view_functions[endpoint], "permission", None)
        assert permission == OPEN or isinstance(permission, Permission), (
            f"{endpoint} must be decorated with @requires(Permission....) or @open_to_all"
        )


def test_staff_pages_are_only_under_staff():
    for rule in APP.url_map.iter_rules():
        assert rule.endpoint.startswith("staff.") == rule.rule.startswith("/staff"), rule.rule


def test_url_paths_are_kebab_case():
    for rule in APP.url_map.iter_rules():
        static_parts = re.sub(r"<[^>]+>", "", rule.rule)
        assert re.fullmatch(r"[a-z0-9/.\-]*", static_parts), f"{rule.rule} is not kebab-case"


def test_every_url_parameter_has_a_type_converter():
    for rule in APP.url_map.iter_rules():
        for parameter in re.findall(r"<([^>]+)>", rule.rule):
            assert ":" in parameter, f"{rule.rule}: <{parameter}> needs a converter"
