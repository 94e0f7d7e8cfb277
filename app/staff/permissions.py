"""What each role may do. Every staff route declares one permission with @requires (or @open_to_all for
the sign-in pages); a convention test checks that none is missed."""

from enum import Enum
from functools import wraps

from flask import redirect, request, url_for
from flask_login import current_user

from app.errors import render_error


class Permission(str, Enum):
    VIEW_REFERRALS = "view-referrals"  # the inbox and referral pages (provider staff: their organisation's only)
    CHANGE_REFERRALS = "change-referrals"  # status, notes, signposting, jobs and check-ins
    EXPORT_REFERRALS = "export-referrals"  # CSV export and claim packs (provider staff: their organisation's)
    VIEW_AUDIT = "view-audit"  # the audit trail
    VIEW_OUTBOX = "view-outbox"  # messages waiting or failed, and sending again
    PERSONAL_DATA = "personal-data"  # find, export and erase everything held about one person, on their request
    PUPILS = "pupils"  # school mode: start and see checklists for pupils
    OWN_ACCOUNT = "own-account"  # any signed-in staff member: their start page, sign out
    VIEW_DASHBOARD = "view-dashboard"  # figures and charts (provider staff: their organisation's only)
    EDIT_DIRECTORY = "edit-directory"  # the directory: easy-read words, checking and publishing them, council services
    DIRECTORY_HEALTH = "directory-health"  # the content audit of the directory of services


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "council-admin": frozenset(Permission),
    "provider": frozenset(
        {
            Permission.VIEW_REFERRALS,
            Permission.CHANGE_REFERRALS,
            Permission.EXPORT_REFERRALS,
            Permission.VIEW_DASHBOARD,
            Permission.OWN_ACCOUNT,
        }
    ),
    "commissioner": frozenset({Permission.VIEW_DASHBOARD, Permission.OWN_ACCOUNT}),  # read-only figures
    "school": frozenset({Permission.PUPILS, Permission.OWN_ACCOUNT}),
    "directory-editor": frozenset({Permission.EDIT_DIRECTORY, Permission.OWN_ACCOUNT}),
}

OPEN = "open-to-all"  # the mark on sign-in and password-reset pages


def can(user, permission: Permission) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def requires(permission: Permission):
    """Signed-in staff with this permission only. Others are sent to sign in, or get 403 (and an audit entry)."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(
                    url_for("staff.sign_in", next=request.full_path.rstrip("?") if request.method == "GET" else None)
                )
            if not can(current_user, permission):
                from app.staff.audit.service import record_now

                record_now("denied", "route", request.endpoint, permission.value)
                return render_error(403)
            return view(*args, **kwargs)

        wrapped.permission = permission
        return wrapped

    return decorate


def open_to_all(view):
    """A staff page anyone may open: sign in and password reset."""
    view.permission = OPEN
    return view
