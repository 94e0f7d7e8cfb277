"""The referral inbox and its CSV export: the referrals this member of staff may see, filtered."""

from urllib.parse import urlencode

from flask import Response, current_app, render_template, request
from flask_login import current_user

from app.clock import today
from app.extensions import db
from app.outcomes.definitions import council_programmes
from app.referrals.models import STATUSES
from app.staff import words
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.inbox import service
from app.staff.inbox.csv_export import referrals_csv
from app.staff.permissions import Permission, can, requires
from app.staff.referral.service import staff_names


@bp.route("/referrals")
@requires(Permission.VIEW_REFERRALS)
def inbox():
    query, filters, services = service.filtered(db.session, current_user, request.args, today())
    page = service.referrals_page(db.session, query, filters.page, current_app.config["INBOX_PAGE_SIZE"])
    record_now("view", "inbox", detail=urlencode({**filters.args(), "page": page.number}))
    return render_template(
        "staff/inbox/inbox.html",
        referrals=page.items,
        filters=filters,
        services=services,
        statuses=[(status, words.STATUS_NAMES[status]) for status in STATUSES],
        total=page.total,
        page=page.number,
        pages=page.pages,
        first=page.first,
        last=page.last,
        can_export=can(current_user, Permission.EXPORT_REFERRALS),
        worker_names=staff_names(db.session, {referral.assigned_to_id for referral in page.items}),
    )


@bp.route("/referrals/export.csv")
@requires(Permission.EXPORT_REFERRALS)
def export():
    query, _, _ = service.filtered(db.session, current_user, request.args, today())
    rows = service.export_rows(db.session, query, today(), council_programmes(current_app.config))
    with_contact = request.args.get("with_contact") == "1"
    body = referrals_csv(rows, today(), with_contact)
    record_now("export", "referrals", detail=f"rows={len(rows)}" + (" with-contact" if with_contact else ""))
    filename = f"referrals-{today().isoformat()}.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
