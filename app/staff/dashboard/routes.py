"""The dashboard: figures and charts for a period, a version to share or print with small numbers hidden,
and a CSV for each figure (always with small numbers hidden, because a file leaves the staff side)."""

import csv
import io

from flask import Response, abort, render_template, request
from flask_login import current_user

from app.clock import today
from app.extensions import db
from app.reports.figures import Figure, suppress
from app.reports.periods import choose_period
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.dashboard import service
from app.staff.permissions import Permission, requires


@bp.route("/dashboard")
@requires(Permission.VIEW_DASHBOARD)
def dashboard():
    period = choose_period(request.args, today())
    sharing = request.args.get("share") == "1"
    report = service.report(db.session, current_user, period, today())
    figures = [suppress(figure) if sharing else figure for figure in report.figures]
    record_now("view", "dashboard", detail=f"{period.first} {period.last}" + (" share" if sharing else ""))
    return render_template(
        "staff/dashboard/dashboard.html",
        report=report,
        figures=figures,
        feedback=service.feedback(db.session, current_user, period),
        period=period,
        sharing=sharing,
        own_services=current_user.role == "provider",
    )


def figure_csv(figure: Figure) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([figure.title, f"Number of {figure.unit}"])
    for row in figure.rows:
        writer.writerow([row.label, "fewer than 5" if row.count is None else row.count])
    return out.getvalue()


@bp.route("/dashboard/<kebab:figure_id>.csv")
@requires(Permission.VIEW_DASHBOARD)
def dashboard_csv(figure_id: str):
    period = choose_period(request.args, today())
    figure = service.report(db.session, current_user, period, today()).figure(figure_id)
    if figure is None:
        abort(404)
    record_now("export", "dashboard", detail=f"{figure_id} {period.first} {period.last}")
    filename = f"{figure_id}-{period.first.isoformat()}-to-{period.last.isoformat()}.csv"
    return Response(
        figure_csv(suppress(figure)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
