"""The referral inbox and its CSV export: the referrals this member of staff may see, filtered."""
from math import ceil
from urllib.parse import urlencode

from flask import Response, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.referrals.models import STATUSES, Referral
from app.staff import words
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.inbox.csv_export import ExportRow, referrals_csv
from app.staff.inbox.filters import InboxFilters, apply_filters, parse_filters
from app.staff.overdue import is_overdue, today
from app.staff.permissions import Permission, can, requires
from app.staff.scope import visible_referrals


@bp.context_processor
def _staff_words() -> dict:
    """The words and date formats every staff page uses for stored codes."""
    return {"staff_words": words, "is_overdue": is_overdue, "today": today()}


def visible_services() -> list[tuple[str, str]]:
    """(id, name) of each service that has referrals this member of staff may see, by name."""
    seen = visible_referrals().subquery()
    rows = db.session.execute(select(seen.c.service_id, func.max(seen.c.service_name)).group_by(seen.c.service_id)).all()
    return sorted(((service_id, name) for service_id, name in rows), key=lambda row: row[1].lower())


def _filtered() -> tuple[Select, InboxFilters, list[tuple[str, str]]]:
    services = visible_services()
    filters = parse_filters(request.args, {service_id for service_id, _ in services})
    return apply_filters(visible_referrals(), filters, today()), filters, services


@bp.route("/referrals")
@requires(Permission.VIEW_REFERRALS)
def inbox():
    query, filters, services = _filtered()
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    size = current_app.config["INBOX_PAGE_SIZE"]
    pages = max(1, ceil(total / size))
    page = min(filters.page, pages)
    referrals = db.session.scalars(query.order_by(Referral.created_at.desc(), Referral.id.desc())
                                   .limit(size).offset((page - 1) * size)).all()
    record_now("view", "inbox", detail=urlencode({**filters.args(), "page": page}))
    return render_template(
        "staff/inbox/inbox.html", referrals=referrals, filters=filters, services=services, statuses=[(status, words.STATUS_NAMES[status]) for status in STATUSES],
        total=total, page=page, pages=pages, first=(page - 1) * size + 1 if total else 0, last=(page - 1) * size + len(referrals),
        can_export=can(current_user, Permission.EXPORT_REFERRALS),
    )


@bp.route("/referrals/export.csv")
@requires(Permission.EXPORT_REFERRALS)
def export():
    query, filters, _ = _filtered()
    origin = aliased(Referral)
    query = (query.add_columns(origin.reference).outerjoin(origin, Referral.signposted_from_id == origin.id)
             .order_by(Referral.created_at.desc(), Referral.id.desc()))
    rows = [ExportRow(referral, origin_reference) for referral, origin_reference in db.session.execute(query)]
    with_contact = request.args.get("with_contact") == "1"
    body = referrals_csv(rows, today(), with_contact)
    record_now("export", "referrals", detail=f"rows={len(rows)}" + (" with-contact" if with_contact else ""))
    filename = f"referrals-{today().isoformat()}.csv"
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
