"""Directory health, for council admins: what the content audit finds in the stored directory."""

from flask import render_template, request

from app.extensions import db
from app.pathways.health import RULES
from app.staff.blueprint import bp
from app.staff.directory_health import service
from app.staff.permissions import Permission, requires

PAGE_SIZE = 50  # findings a page


@bp.route("/directory-health")
@requires(Permission.DIRECTORY_HEALTH)
def directory_health():
    filters = service.parse_filters(request.args)
    health = service.directory_health(db.session, filters, PAGE_SIZE)
    return render_template("staff/directory_health/health.html", health=health, filters=filters, rules=RULES)
