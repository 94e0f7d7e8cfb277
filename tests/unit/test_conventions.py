"""Conventions every route and module follows, so that later pages cannot slip past the checks and the
layers stay apart: no import cycles, easy read knows no journey, public journeys know nothing of the staff
side, and the site never loads demo data."""

import ast
import re
from pathlib import Path

from app import create_app
from app.endpoints import page_endpoints
from app.pathways.api_root import shipped_openapi
from app.staff.permissions import OPEN, Permission
from demo.pages import PUBLIC_PAGES, STAFF_PAGES

APP = create_app({"APP_ENV": "test"})
ROOT = Path(__file__).resolve().parents[2]

JOURNEYS = ("app.checklists", "app.referrals", "app.pathways", "app.staff")
PUBLIC_JOURNEYS = ("app.checklists", "app.referrals", "app.pathways", "app.main")
# The command-line wiring imports the demo commands and the page examples when a command runs.
CLI_WIRING = {"app.cli"}
# Demo imports still in the site, each to be removed with the code that needs it: app/staff/referral.py
# keeps an unused copy of its page examples (demo/pages/staff.py has them).


def test_every_get_page_is_in_the_sweep_list():
    pages = page_endpoints(APP)
    listed = set(PUBLIC_PAGES) | set(STAFF_PAGES)
    assert pages == listed, (
        f"add examples of these GET pages to demo/pages (or mark them with app.endpoints.not_pages if they are "
        f"files): {sorted(pages - listed)}; remove these: {sorted(listed - pages)}"
    )


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(name: str, path: Path, modules: set[str]) -> set[str]:
    """Every module this one imports, at module level or inside a function: the submodule when one is named."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], *([base] if base else [])]
                )
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names)
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> every module it imports, for each module in app/ (imports from outside app/ included)."""
    paths = {_module_name(path): path for path in (ROOT / "app").rglob("*.py")}
    return {name: _imports(name, path, set(paths)) - {name} for name, path in paths.items()}


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for found in graph.get(todo.pop(), ()):
            if found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


def test_no_module_in_app_imports_itself_through_others():
    graph = import_graph()
    cycles = sorted(name for name in graph if name in _reachable(graph, name))
    assert not cycles, f"these modules are in an import cycle: {cycles}"


def test_easy_read_imports_no_journey():
    graph = import_graph()
    for name in (name for name in graph if _within(name, ("app.easyread",))):
        journeys = sorted(found for found in _reachable(graph, name) if _within(found, JOURNEYS))
        assert not journeys, f"{name} imports {journeys}: hand easy read what it needs instead"


def test_public_journeys_import_nothing_from_the_staff_side():
    graph = import_graph()
    for name, found in graph.items():
        if _within(name, PUBLIC_JOURNEYS):
            staff = sorted(module for module in found if _within(module, ("app.staff",)))
            assert not staff, f"{name} imports {staff}"


def test_the_site_never_imports_demo_data():
    graph = import_graph()
    demo = {
        (name, module)
        for name, found in graph.items()
        if name not in CLI_WIRING
        for module in found
        if _within(module, ("demo",))
    }
    assert not demo, f"these modules import demo data: {sorted(demo)}"


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
    # The Open Referral API answers at the paths the standard names, spelt as it spells them (/taxonomy_terms).
    standard = {"/api" + path for path in shipped_openapi()["paths"]}
    for rule in APP.url_map.iter_rules():
        if re.sub(r"<[^>]+>", "{id}", rule.rule) in standard:
            continue
        static_parts = re.sub(r"<[^>]+>", "", rule.rule)
        assert re.fullmatch(r"[a-z0-9/.\-]*", static_parts), f"{rule.rule} is not kebab-case"


def test_every_url_parameter_has_a_type_converter():
    for rule in APP.url_map.iter_rules():
        for parameter in re.findall(r"<([^>]+)>", rule.rule):
            assert ":" in parameter, f"{rule.rule}: <{parameter}> needs a converter"
