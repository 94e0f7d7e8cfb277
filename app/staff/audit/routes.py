"""The audit trail, for council admins: who looked at or changed what, newest first. It can only be read;
there are no routes that change or remove entries, and the model refuses it too."""

from flask import render_template, request

from app.extensions import db
from app.staff.audit import service
from app.staff.audit.filters import parse_filters
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.permissions import Permission, requires

PAGE_SIZE = 50  # entries a page


@bp.route("/audit")
@requires(Permission.VIEW_AUDIT)
def audit():
    staff, actions = service.staff_and_actions(db.session)
    filters = parse_filters(request.args, {member.id for member in staff}, set(actions))
    page = service.entries_page(db.session, filters, PAGE_SIZE)
    record_now("view", "audit", detail=f"page={page.number}")
    return render_template(
        "staff/audit/audit.html",
        entries=page.items,
        staff=staff,
        people={m.id: m for m in staff},
        actions=actions,
        filters=filters,
        total=page.total,
        page=page.number,
        pages=page.pages,
        first=page.first,
        last=page.last,
    )
