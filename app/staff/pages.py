"""Every staff page with an example: who is signed in to open it, and its URL arguments."""
import importlib

from app.staff import ROUTE_MODULES

# endpoint -> {"as": role, "args": {...}} or a list of them. Each route module lists its own in PAGES.
STAFF_PAGES: dict[str, dict | list[dict]] = {}
STAFF_NOT_PAGES: set[str] = set()
for _name in ROUTE_MODULES:
    _module = importlib.import_module(f"app.staff.{_name}")
    STAFF_PAGES.update(_module.PAGES)
    STAFF_NOT_PAGES.update(_module.NOT_PAGES)
