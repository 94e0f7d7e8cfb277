"""Staff sessions end after STAFF_IDLE_MINUTES without a page, and STAFF_MAX_HOURS after signing in however
busy, so a computer left signed in does not stay open to whoever sits down next. The two times are kept in
the signed session cookie; a session without them (from before they were kept) has ended too."""

from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app, redirect, request, session, url_for
from flask_login import current_user, logout_user

from app import clock

SIGNED_IN_AT = "staff_signed_in_at"
SEEN_AT = "staff_seen_at"


def start_session_clock() -> None:
    """Called at signing in: both times start now."""
    moment = clock.now().timestamp()
    session[SIGNED_IN_AT] = moment
    session[SEEN_AT] = moment


def session_ended(signed_in_at, seen_at, at: float, idle: timedelta, longest: timedelta) -> bool:
    """Whether a session with these times (seconds since the epoch) has ended at `at`."""
    if not isinstance(signed_in_at, int | float) or not isinstance(seen_at, int | float):
        return True
    return at - seen_at >= idle.total_seconds() or at - signed_in_at >= longest.total_seconds()


def check_session_clock():
    """Before every request: end a staff session whose time is up, and send a staff page to sign in again,
    coming back to it afterwards. Otherwise the idle time starts again. Files (symbols, audio, styles) are
    left alone, so they never carry a new cookie and a page's pictures do not keep a session going."""
    if "_user_id" not in session:  # nobody signed in: no need to load an account
        return None
    if request.blueprint != "staff" and (request.endpoint is None or request.endpoint in _files()):
        return None
    if not current_user.is_authenticated:
        return None
    config = current_app.config
    moment = clock.now().timestamp()
    idle = timedelta(minutes=config["STAFF_IDLE_MINUTES"])
    longest = timedelta(hours=config["STAFF_MAX_HOURS"])
    if not session_ended(session.get(SIGNED_IN_AT), session.get(SEEN_AT), moment, idle, longest):
        session[SEEN_AT] = moment
        return None
    logout_user()
    session.clear()  # a pupil's checklists or a draft opened on this computer go too, as at signing out
    if request.blueprint != "staff":
        return None
    return redirect(url_for("staff.sign_in", done="timed-out", next=_come_back_to()))


def _come_back_to() -> str | None:
    """The page to return to: this one, or for a form sent, the page the form was on."""
    if request.method == "GET":
        return request.full_path.rstrip("?")
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc and referrer.netloc != request.host:
        return None
    return referrer.path + (f"?{referrer.query}" if referrer.query else "") or None


def _files() -> set[str]:
    return current_app.extensions.get("not_pages", set()) | {"static"}
