"""The home page, the pages about the site, and the health check."""

from flask import Blueprint, current_app, jsonify, render_template
from flask_babel import format_date

from app.database import Database, can_write
from app.extensions import db
from app.main.privacy import checklist_name_lines, council_name, items, keeping_times

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    return render_template("main/home.html")


@bp.get("/accessibility")
def accessibility():
    return render_template(
        "main/accessibility.html",
        checked_on=format_date(current_app.config["ACCESSIBILITY_CHECKED_ON"], "d MMMM y"),
        contact_email=current_app.config["CONTACT_EMAIL"],
    )


@bp.get("/privacy")
def privacy():
    config = current_app.config
    return render_template(
        "main/privacy.html",
        contact_email=config["CONTACT_EMAIL"],
        council=council_name(db.session, config["COUNCIL_ORGANIZATION_ID"]),
        team=config["COUNCIL_TEAM_NAME"],
        keep=keeping_times(config),
        about_person=items("person"),
        about_request=items("request"),
        checklist_name=checklist_name_lines(current_app.extensions["checklists"]),
    )


@bp.get("/credits")
def credits():
    return render_template("main/credits.html")


@bp.get("/healthz")
def healthz():
    """200 when the database can be read and written; 503 with what is wrong when not."""
    database = can_write(Database.engine(current_app))
    if database != "ok":
        return jsonify(status="error", database=database), 503
    return jsonify(status="ok", database="ok")
