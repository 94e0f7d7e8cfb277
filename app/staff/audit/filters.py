"""The audit trail's filters, read from the address. A choice that is not one of ours is left out, and
the page says so."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class AuditFilters:
    staff: int | None = None
    action: str | None = None
    object: str | None = None
    page: int = 1
    problems: dict[str, str] = field(default_factory=dict)

    def args(self) -> dict[str, str]:
        values = {"staff": self.staff and str(self.staff), "action": self.action, "object": self.object}
        return {name: value for name, value in values.items() if value}

    @property
    def any(self) -> bool:
        return bool(self.args())


def parse_filters(args: Mapping[str, str], staff_ids: set[int], actions: set[str]) -> AuditFilters:
    """Read the filters; staff_ids and actions are the choices there are."""
    found = AuditFilters()
    staff = (args.get("staff") or "").strip()
    if staff:
        if staff.isascii() and staff.isdigit() and int(staff) in staff_ids:
            found.staff = int(staff)
        else:
            found.problems["staff"] = "We did not know that member of staff, so we left it out. Choose from the list."
    action = (args.get("action") or "").strip()
    if action:
        if action in actions:
            found.action = action
        else:
            found.problems["action"] = "We did not know that action, so we left it out. Choose from the list."
    found.object = (args.get("object") or "").strip()[:64] or None
    page = args.get("page") or ""
    found.page = int(page) if page.isascii() and page.isdigit() and 0 < int(page) < 100_000 else 1
    return found
