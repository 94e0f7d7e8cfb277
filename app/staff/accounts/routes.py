"""Signing staff in and out, the staff home page, and a new password through a one-use emailed link."""

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import current_app, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from app.extensions import db
from app.staff.accounts import lockout
from app.staff.accounts import service as accounts
from app.staff.accounts.forms import (
    WRONG_EMAIL_OR_PASSWORD,
    EmailLinkForm,
    ResetPasswordForm,
    SignInForm,
    UseSignInLinkForm,
)
from app.staff.accounts.timeout import check_session_clock, start_session_clock
from app.staff.audit.service import current_staff_id, record_now
from app.staff.blueprint import bp
from app.staff.models import ROLE_NAMES
from app.staff.navigation import ROLE_DESCRIPTIONS, staff_links
from app.staff.permissions import Permission, open_to_all, requires

# Shown on the sign-in page after ?done=...: (symbol, words, panel style)
DONE_MESSAGES = {
    "signed-out": ("done", "You have signed out.", "success"),
    "password-changed": ("done", "Your new password is saved. Sign in with it now.", "success"),
    "timed-out": (
        "clock",
        "You were signed out, to keep people's information safe. Sign in again to carry on.",
        "info",
    ),
}

bp.before_app_request(check_session_clock)


def safe_next(target: str | None) -> str | None:
    """A page to go to after signing in: only a path on this site, under /staff, so that a link cannot
    send someone elsewhere once they have signed in."""
    if not target or "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//") or ".." in parts.path.split("/"):
        return None
    return target if parts.path == "/staff" or parts.path.startswith("/staff/") else None


@bp.route("/sign-in", methods=["GET", "POST"])
@open_to_all
def sign_in():
    form = SignInForm()
    next_url = safe_next(request.args.get("next"))
    status = 200
    locked = False
    if form.validate_on_submit():
        email = accounts.normalise_email(form.email.data)
        wait = lockout.minutes_to_wait(email)
        if wait:
            # No password is checked while waiting, so the answer says nothing about the password.
            form.email.errors.append(lockout.lock_out_message(wait))
            status, locked = 429, True
        else:
            account, signed_in = accounts.check_sign_in(db.session, email, form.password.data)
            if signed_in:
                lockout.signed_in(email)
                _start_staff_session(account)
                accounts.record_sign_in(db.session, account)
                return redirect(next_url or url_for("staff.home"))
            lockout.sign_in_failed(email)
            record_now("sign-in-failed", "staff", account.id if account else None)
            form.email.errors.append(WRONG_EMAIL_OR_PASSWORD)
    done = DONE_MESSAGES.get(request.args.get("done", "")) if request.method == "GET" else None
    timed_out = done is not None and request.args.get("done") == "timed-out"
    return render_template(
        "staff/auth/sign_in.html",
        form=form,
        next_url=next_url,
        done=done,
        locked=locked,
        timed_out=timed_out,
        idle_minutes=current_app.config["STAFF_IDLE_MINUTES"],
        max_hours=current_app.config["STAFF_MAX_HOURS"],
    ), status


def _start_staff_session(account) -> None:
    login_user(account, remember=False)
    start_session_clock()


@bp.route("/sign-out", methods=["POST"])
@requires(Permission.OWN_ACCOUNT)
def sign_out():
    """Signing out ends every session of this account, so a copied cookie stops working too."""
    accounts.sign_out_everywhere(db.session, current_user)
    logout_user()
    session.clear()  # a pupil's checklists or a draft request opened on this computer go too
    return redirect(url_for("staff.sign_in", done="signed-out"))


@bp.route("/")
@requires(Permission.OWN_ACCOUNT)
def home():
    return render_template(
        "staff/home.html",
        role_name=ROLE_NAMES.get(current_user.role, current_user.role),
        role_description=ROLE_DESCRIPTIONS.get(current_user.role, ""),
        organisation_name=accounts.organisation_name(db.session, current_user.organization_id),
        links=staff_links(),
    )


# Two kinds of link by email, asked for the same way: a link to choose a new password and a one-use link
# that signs in (the way in for an owner who has to wait after wrong passwords).
FORGOT_PASSWORD_PAGE = {
    "title": "Forgot your password?",
    "concept": "question",
    "lines": [
        ("email", "Write the email address you sign in with. We will email you a link to choose a new password.")
    ],
}
SIGN_IN_LINK_PAGE = {
    "title": "Sign in with a link by email",
    "concept": "email",
    "lines": [
        ("email", "Write the email address you sign in with. We will email you a link that signs you in."),
        ("clock", "Use it when you have to wait after typing a wrong password."),
    ],
}


def _ask_for_link(
    page: dict, send: Callable[[str, Callable[[str], str]], None], link_endpoint: str, sent_endpoint: str
):
    """The page that asks for a link: send(email, link_for) is called when the address may have one now."""
    form = EmailLinkForm()
    status = 200
    if form.validate_on_submit():
        wait = lockout.link_wait()
        if wait:
            form.email.errors.append(lockout.too_many_links_message(wait))
            status = 429
        else:
            public_url = current_app.config["PUBLIC_URL"].rstrip("/")
            send(
                accounts.normalise_email(form.email.data),
                lambda token: public_url + url_for(link_endpoint, token=token),
            )
            return redirect(url_for(sent_endpoint))
    return render_template("staff/auth/ask_for_email_link.html", form=form, **page), status


def _link_sent(minutes_setting: str, ask_endpoint: str):
    return render_template(
        "staff/auth/email_link_sent.html",
        minutes=current_app.config[minutes_setting],
        ask_again_url=url_for(ask_endpoint),
    )


def _link_invalid(ask_endpoint: str):
    return _private(render_template("staff/auth/email_link_invalid.html", ask_again_url=url_for(ask_endpoint)))


@bp.route("/forgot-password", methods=["GET", "POST"])
@open_to_all
def forgot_password():
    def send(email, link_for):
        accounts.request_reset(
            db.session,
            email,
            current_app.config["PASSWORD_RESET_MINUTES"],
            link_for,
            current_staff_id(),
            lockout.may_email_account,
        )

    return _ask_for_link(FORGOT_PASSWORD_PAGE, send, "staff.reset_password", "staff.reset_link_sent")


@bp.route("/forgot-password/sent")
@open_to_all
def reset_link_sent():
    return _link_sent("PASSWORD_RESET_MINUTES", "staff.forgot_password")


@bp.route("/reset-password/<token:token>", methods=["GET", "POST"])
@open_to_all
def reset_password(token: str):
    reset = accounts.valid_reset(db.session, token)
    if reset is None:
        return _link_invalid("staff.forgot_password")
    form = ResetPasswordForm()
    if form.is_submitted() and _new_password_ok(form, reset):
        if (
            accounts.finish_reset(db.session, reset, form.password.data) is None
        ):  # another request used the link a moment ago
            return _link_invalid("staff.forgot_password")
        logout_user()
        return redirect(url_for("staff.sign_in", done="password-changed"))
    return _private(
        render_template(
            "staff/auth/reset_password.html",
            form=form,
            token=token,
            min_length=current_app.config["PASSWORD_MIN_LENGTH"],
        )
    )


def _new_password_ok(form: ResetPasswordForm, reset) -> bool:
    """Check the form and the password rules together, so every problem is shown at once."""
    valid = form.validate()
    problem = form.password.data and accounts.new_password_problem(
        db.session, reset, form.password.data, current_app.config["PASSWORD_MIN_LENGTH"]
    )
    if problem:
        form.password.errors.append(problem)
    return valid and not problem


def _private(html: str):
    """The link's token is in this page's address: keep it out of any Referer header."""
    response = make_response(html)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/sign-in-link", methods=["GET", "POST"])
@open_to_all
def sign_in_link():
    def send(email, link_for):
        accounts.request_sign_in_link(
            db.session, email, current_app.config["SIGN_IN_LINK_MINUTES"], link_for, lockout.may_email_account
        )

    return _ask_for_link(SIGN_IN_LINK_PAGE, send, "staff.use_sign_in_link", "staff.sign_in_link_sent")


@bp.route("/sign-in-link/sent")
@open_to_all
def sign_in_link_sent():
    return _link_sent("SIGN_IN_LINK_MINUTES", "staff.sign_in_link")


@bp.route("/sign-in-link/<token:token>", methods=["GET", "POST"])
@open_to_all
def use_sign_in_link(token: str):
    """Opening the link shows a button; only pressing it uses the link, so a mail scanner that opens links
    does not use it up."""
    link = accounts.valid_sign_in_link(db.session, token)
    if link is None:
        return _link_invalid("staff.sign_in_link")
    form = UseSignInLinkForm()
    if form.validate_on_submit():
        account = accounts.use_sign_in_link(db.session, link)
        if account is None:  # another request used the link a moment ago
            return _link_invalid("staff.sign_in_link")
        lockout.signed_in(account.email)
        _start_staff_session(account)
        return redirect(url_for("staff.home"))
    return _private(render_template("staff/auth/use_sign_in_link.html", form=form, token=token))
