"""Every staff page with an example: who is signed in to open it, and its URL arguments."""
from app.staff import route_modules

# endpoint -> {"as": role, "args": {...}} or a list of them. Each route module lists its own in PAGES.
STAFF_PAGES: dict[str, dict | list[dict]] = {}
STAFF_NOT_PAGES: set[str] = set()
for _module in route_modules():
    STAFF_PAGES.update(_module.PAGES)
    STAFF_NOT_PAGES.update(_module.NOT_PAGES)
