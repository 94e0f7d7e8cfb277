"""How the staff side is laid out: a folder per area, thin routes, and school mode using the checklists' staff interface."""

import ast
from pathlib import Path

STAFF = Path(__file__).resolve().parents[2] / "app" / "staff"
THIN_ROUTES = ("accounts", "inbox", "referral", "outcomes", "pupils", "audit", "messages", "privacy")
# Routes also leave finding a row by its id (db.session.get) to their service.
LOOKUPS_IN_SERVICE = THIN_ROUTES


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_school_mode_reaches_the_checklists_only_through_their_staff_interface():
    for path in (STAFF / "pupils").glob("*.py"):
        checklists = {m for m in imported_modules(path) if m.startswith("app.checklists")}
        others = {m for m in checklists if m != "app.checklists" and not m.startswith("app.checklists.for_staff")}
        assert not others, f"{path.name} imports {sorted(others)}"


def test_thin_routes_leave_queries_and_commits_to_their_service():
    for area in THIN_ROUTES:
        source = (STAFF / area / "routes.py").read_text()
        for call in ("commit(", "rollback(", "scalars(", "scalar(", "execute("):
            assert call not in source, (
                f"app/staff/{area}/routes.py calls {call}): move it into app/staff/{area}/service.py"
            )


def test_thin_routes_leave_finding_a_row_by_its_id_to_their_service():
    for area in LOOKUPS_IN_SERVICE:
        source = (STAFF / area / "routes.py").read_text()
        # db.session.get, not the signed-in session's session.get
        assert "db.session.get(" not in source, (
            f"app/staff/{area}/routes.py calls db.session.get(): move it into app/staff/{area}/service.py"
        )


def test_every_area_has_its_routes_and_no_module_is_loaded_by_name():
    for area in THIN_ROUTES:
        assert (STAFF / area / "routes.py").exists(), area
    for path in STAFF.rglob("*.py"):
        if not path.name.startswith("demo"):
            assert "importlib" not in path.read_text(), f"{path.relative_to(STAFF)} loads modules by name"
