"""The audit trail, for council admins: who looked at or changed what, newest first. It can only be read;
there are no routes that change or remove entries, and the model refuses it too."""
from dataclasses import dataclass, field
from math import ceil

from flask import render_template, request
from sqlalchemy import Select, func, select

from app.extensions import db
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.models import AuditEntry, StaffUser
from app.staff.permissions import Permission, requires

PAGE_SIZE = 50  # entries a page


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


def _filters(staff_ids: set[int], actions: set[str]) -> AuditFilters:
    found = AuditFilters()
    staff = (request.args.get("staff") or "").strip()
    if staff:
        if staff.isdigit() and int(staff) in staff_ids:
            found.staff = int(staff)
        else:
            found.problems["staff"] = "We did not know that member of staff, so we left it out. Choose from the list."
    action = (request.args.get("action") or "").strip()
    if action:
        if action in actions:
            found.action = action
        else:
            found.problems["action"] = "We did not know that action, so we left it out. Choose from the list."
    found.object = (request.args.get("object") or "").strip()[:64] or None
    page = request.args.get("page") or ""
    found.page = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    return found


def _apply(query: Select, filters: AuditFilters) -> Select:
    if filters.staff:
        query = query.where(AuditEntry.staff_id == filters.staff)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.object:
        query = query.where(func.upper(AuditEntry.object_ref) == filters.object.upper())
    return query


@bp.route("/audit")
@requires(Permission.VIEW_AUDIT)
def audit():
    staff = list(db.session.scalars(select(StaffUser).order_by(StaffUser.name)))
    actions = sorted(db.session.scalars(select(AuditEntry.action).distinct()))
    filters = _filters({member.id for member in staff}, set(actions))
    query = _apply(select(AuditEntry), filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, ceil(total / PAGE_SIZE))
    page = min(filters.page, pages)
    entries = db.session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                                 .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    record_now("view", "audit", detail=f"page={page}")
    return render_template("staff/audit/audit.html", entries=entries, staff=staff, people={m.id: m for m in staff},
                           actions=actions, filters=filters, total=total, page=page, pages=pages,
                           first=(page - 1) * PAGE_SIZE + 1 if total else 0, last=(page - 1) * PAGE_SIZE + len(entries))
