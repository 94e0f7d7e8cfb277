"""The staff side: sign-in, the referral inbox, outcomes, the outbox, the audit trail and school mode."""

from types import ModuleType

from flask import Flask, session
from flask_login import LoginManager


class StaffLoginManager(LoginManager):
    """Strong session protection, checked only when a member of staff is signed in.

    Flask-Login checks every session that has anything in it (a form token, a person's checklists) and, finding
    no staff identity there, marks it changed. Every page then wrote the session cookie back as the request had
    it, so a page answered a moment after another request changed the session (opening checklists with a code,
    while the offline worker fetched the word list) could put the old cookie back and undo it.
    """

    def _session_protection_failed(self):
        if "_user_id" not in session:
            return False
        return super()._session_protection_failed()


login_manager = StaffLoginManager()
login_manager.login_view = "staff.sign_in"
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(user_id: str):
    """The cookie holds "<id>.<session token>": a new password or signing out everywhere ends old sessions."""
    from app.extensions import db
    from app.input import LARGEST_ID
    from app.staff.models import StaffUser

    staff_id, _, token = user_id.partition(".")
    if not (staff_id.isascii() and staff_id.isdigit()) or int(staff_id) > LARGEST_ID or not token:
        return None
    user = db.session.get(StaffUser, int(staff_id))
    return user if user is not None and user.active and user.session_token == token else None


def route_modules() -> tuple[ModuleType, ...]:
    """The staff route modules, one per area. Importing one adds its routes to the blueprint."""
    from app.staff.accounts import routes as accounts
    from app.staff.audit import routes as audit
    from app.staff.dashboard import routes as dashboard
    from app.staff.directory import routes as directory
    from app.staff.directory_health import routes as directory_health
    from app.staff.inbox import routes as inbox
    from app.staff.messages import routes as messages
    from app.staff.outcomes import routes as outcomes
    from app.staff.privacy import routes as privacy
    from app.staff.pupils import routes as pupils
    from app.staff.referral import routes as referral
    from app.staff.symbols import routes as symbols
    from app.staff.team import routes as team

    return (
        accounts,
        inbox,
        referral,
        team,
        outcomes,
        dashboard,
        messages,
        audit,
        pupils,
        privacy,
        directory,
        directory_health,
        symbols,
    )


def setup_staff(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.referrals.reference import ReferenceConverter
    from app.staff.blueprint import bp

    app.url_map.converters["ref"] = ReferenceConverter
    login_manager.init_app(app)
    route_modules()
    app.register_blueprint(bp)
    not_pages(app, "staff.export", "staff.claim_pack_csv", "staff.dashboard_csv", "staff.person_export_json")
    app.context_processor(_staff_template_globals)
    from app.staff.accounts.cli import staff_cli
    from app.staff.privacy.cli import privacy_cli

    app.cli.add_command(staff_cli)
    app.cli.add_command(privacy_cli)


def _staff_template_globals() -> dict:
    """Permission checks and the staff links, for the staff bar and staff pages."""
    from flask_login import current_user

    from app.staff.navigation import staff_links
    from app.staff.permissions import Permission, can

    return {"can": can, "Permission": Permission, "current_user": current_user, "staff_links": staff_links}
