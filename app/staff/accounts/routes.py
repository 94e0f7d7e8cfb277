"""Signing staff in and out, the staff home page, and a new password through a one-use emailed link."""

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import current_app, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from app import clock
from app.extensions import db
from app.journeys import drafts
from app.staff.accounts import lockout, two_step
from app.staff.accounts import service as accounts
from app.staff.accounts.forms import (
    WRONG_CODE,
    WRONG_EMAIL_OR_PASSWORD,
    CodeForm,
    EmailLinkForm,
    NewRecoveryCodesForm,
    RecoveryCodeForm,
    ResetPasswordForm,
    SignInForm,
    TurnOffTwoStepForm,
    UseSignInLinkForm,
)
from app.staff.accounts.timeout import check_session_clock, start_session_clock
from app.staff.audit.service import current_staff_id, record_now
from app.staff.blueprint import bp
from app.staff.models import ROLE_NAMES, StaffUser
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
            if signed_in and _second_step(account):
                # Failures are forgotten only after the code too, so a known password cannot reset the count.
                return _begin_second_step(account, next_url, _second_step(account))
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
    drafts.drop_all()
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
        if _second_step(account):
            return _begin_second_step(account, None, _second_step(account))
        _start_staff_session(account)
        return redirect(url_for("staff.home"))
    return _private(render_template("staff/auth/use_sign_in_link.html", form=form, token=token))


# Two-step sign-in. Between the password (or a sign-in link) and the code from the app, nobody is signed in:
# the session keeps only which account (with its session token, so a new password ends it too), when, and
# where to go after. After STAFF_TOTP_PENDING_MINUTES it has to start again.
PENDING = "staff_pending_sign_in"
NEW_SECRET = "staff_totp_new_secret"  # a secret being set up, until a right code saves it to the account


def _second_step(account: StaffUser) -> str | None:
    """'code' when the account has two-step sign-in, 'set-up' when its role needs it and it has none yet."""
    if account.totp_secret:
        return "code"
    if two_step.required_for(account.role, current_app.config["STAFF_TOTP_REQUIRED_ROLES"]):
        return "set-up"
    return None


def _begin_second_step(account: StaffUser, next_url: str | None, stage: str):
    logout_user()  # whoever was signed in on this browser before is not any more
    session.pop(NEW_SECRET, None)
    session[PENDING] = {"id": account.get_id(), "at": clock.now().timestamp(), "next": next_url, "stage": stage}
    return redirect(url_for("staff.sign_in_code" if stage == "code" else "staff.first_two_step"))


def _pending_account(stage: str) -> tuple[StaffUser | None, dict]:
    """The account half-way through signing in at this stage, or None when there is none or it took too long."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or pending.get("stage") != stage:
        return None, {}
    started = pending.get("at")
    limit = current_app.config["STAFF_TOTP_PENDING_MINUTES"] * 60
    if not isinstance(started, int | float) or not 0 <= clock.now().timestamp() - started < limit:
        session.pop(PENDING, None)
        session.pop(NEW_SECRET, None)
        return None, {}
    staff_id, _, token = str(pending.get("id", "")).partition(".")
    account = accounts.active_account(db.session, staff_id, token)
    if account is None:
        session.pop(PENDING, None)
        return None, {}
    return account, pending


def _start_again():
    """No sign-in half done on this browser, or it took too long: a page that says so (200, as a link
    followed late is not a fault)."""
    return render_template("staff/auth/start_again.html")


def _finish_second_step(account: StaffUser, pending: dict):
    session.pop(PENDING, None)
    lockout.signed_in(account.email)
    _start_staff_session(account)
    accounts.record_sign_in(db.session, account, "two-step")
    return redirect(safe_next(pending.get("next")) or url_for("staff.home"))


@bp.route("/sign-in/code", methods=["GET", "POST"])
@open_to_all
def sign_in_code():
    """The second step: the code from the app. Wrong codes count with wrong passwords, with the same waits."""
    account, pending = _pending_account("code")
    if account is None:
        return _start_again()
    recovery = request.method == "POST" and f"{RECOVERY_PREFIX}-code" in request.form
    form = CodeForm(formdata=None) if recovery else CodeForm()
    recovery_form = RecoveryCodeForm(prefix=RECOVERY_PREFIX, **({} if recovery else {"formdata": None}))
    sent = recovery_form if recovery else form
    status = 200
    if sent.validate_on_submit():
        wait = lockout.minutes_to_wait(account.email)
        key, now = current_app.config["SECRET_KEY"], clock.now()
        if wait:
            sent.code.errors.append(lockout.code_lock_out_message(wait))
            status = 429
        elif not recovery and two_step.use_code(db.session, account, form.code.data, now):
            return _finish_second_step(account, pending)
        elif recovery and two_step.use_recovery_code(db.session, account, recovery_form.code.data, key, now):
            # The phone may be lost: the two-step page says how many codes are left and makes new ones.
            return _finish_second_step(account, {**pending, "next": url_for("staff.two_step_page", done="recovery")})
        else:
            lockout.sign_in_failed(account.email)
            record_now("two-step-failed", "staff", account.id, "recovery-code" if recovery else None)
            sent.code.errors.append(WRONG_RECOVERY_CODE if recovery else WRONG_CODE)
    page = render_template("staff/auth/sign_in_code.html", form=form, recovery_form=recovery_form)
    return page, status


RECOVERY_PREFIX = "recovery"  # the page's second form: its field's name and id start "recovery-"
WRONG_RECOVERY_CODE = "That recovery code is not right, or it was used before. Each code works once."


def _show_recovery_codes(codes: list[str], next_url: str):
    """The new recovery codes, shown this once (the page is never stored: staff pages are no-store)."""
    return render_template("staff/auth/recovery_codes.html", codes=codes, next_url=next_url)


def _set_up_page(account: StaffUser, action: str, on_saved: Callable, pending: bool):
    """A new secret, shown as a QR code and as text, kept in the session until a right code saves it."""
    kept = session.get(NEW_SECRET)
    if not isinstance(kept, dict) or kept.get("for") != account.id or not isinstance(kept.get("secret"), str):
        kept = session[NEW_SECRET] = {"for": account.id, "secret": two_step.new_secret()}
    secret = kept["secret"]
    form = CodeForm()
    if form.validate_on_submit():
        codes = two_step.turn_on(
            db.session, account, secret, form.code.data, clock.now(), current_app.config["SECRET_KEY"]
        )
        if codes is not None:
            session.pop(NEW_SECRET, None)
            return _show_recovery_codes(codes, on_saved().location)
        form.code.errors.append(WRONG_CODE)
    from app.checklists.keeping import qr_svg

    return render_template(
        "staff/auth/two_step_set_up.html",
        form=form,
        action=action,
        qr=qr_svg(two_step.setup_uri(secret, account.email)),
        secret=two_step.grouped(secret),
        required=two_step.required_for(account.role, current_app.config["STAFF_TOTP_REQUIRED_ROLES"]),
        pending=pending,
        done=TWO_STEP_DONE.get(request.args.get("done", "")) if request.method == "GET" and not pending else None,
    )


@bp.route("/sign-in/two-step", methods=["GET", "POST"])
@open_to_all
def first_two_step():
    """Setting up two-step sign-in before signing in, for a role that needs it."""
    account, pending = _pending_account("set-up")
    if account is None:
        return _start_again()
    return _set_up_page(
        account, url_for("staff.first_two_step"), lambda: _finish_second_step(account, pending), pending=True
    )


TWO_STEP_DONE = {
    "on": "Two-step sign-in is on. Next time you sign in, type the code from the app too.",
    "off": "Two-step sign-in is off.",
    "recovery": "You signed in with a recovery code. That code will not work again.",
}


@bp.route("/two-step", methods=["GET", "POST"])
@requires(Permission.OWN_ACCOUNT)
def two_step_page():
    """Set up two-step sign-in, or see that it is on and turn it off (when the role allows)."""
    if not current_user.totp_secret:
        return _set_up_page(
            current_user._get_current_object(),
            url_for("staff.two_step_page"),
            lambda: redirect(url_for("staff.two_step_page", done="on")),
            pending=False,
        )
    return _two_step_on(TurnOffTwoStepForm())


def _two_step_on(form: TurnOffTwoStepForm, status: int = 200, codes_form: NewRecoveryCodesForm | None = None):
    done = TWO_STEP_DONE.get(request.args.get("done", "")) if request.method == "GET" else None
    return render_template(
        "staff/auth/two_step_on.html",
        form=form,
        codes_form=codes_form or NewRecoveryCodesForm(formdata=None, prefix=CODES_PREFIX),
        codes_left=two_step.recovery_codes_left(db.session, current_user._get_current_object()),
        done=done,
        required=two_step.required_for(current_user.role, current_app.config["STAFF_TOTP_REQUIRED_ROLES"]),
    ), status


CODES_PREFIX = "codes"  # the page has two password fields: this one's name and id start "codes-"


@bp.route("/two-step/recovery-codes", methods=["POST"])
@requires(Permission.OWN_ACCOUNT)
def new_recovery_codes():
    """New recovery codes in place of the old ones. Like turning two-step sign-in off, it needs the password."""
    form = NewRecoveryCodesForm(prefix=CODES_PREFIX)
    if not current_user.totp_secret:
        return redirect(url_for("staff.two_step_page"))
    status = _password_again(form, "two-step-recovery-codes-failed")
    if status is None:
        account = current_user._get_current_object()
        codes = two_step.new_recovery_codes(db.session, account, current_app.config["SECRET_KEY"])
        return _show_recovery_codes(codes, url_for("staff.two_step_page"))
    return _two_step_on(TurnOffTwoStepForm(formdata=None), status, codes_form=form)


def _password_again(form: TurnOffTwoStepForm, failed_action: str) -> int | None:
    """The password typed again on the two-step page, counted like sign-in failures: None when it is right,
    else the status of the page that shows the form's error (429 while wrong passwords mean a wait)."""
    if not form.validate_on_submit():
        return 200
    wait = lockout.minutes_to_wait(current_user.email)
    if wait:
        form.password.errors.append(lockout.code_lock_out_message(wait))
        return 429
    _account, right = accounts.check_sign_in(db.session, current_user.email, form.password.data)
    if right:
        return None
    lockout.sign_in_failed(current_user.email)
    record_now(failed_action, "staff", current_user.id)
    form.password.errors.append("That password is not right. Check it and try again.")
    return 200


@bp.route("/two-step/off", methods=["POST"])
@requires(Permission.OWN_ACCOUNT)
def two_step_off():
    """Turning it off needs the password again, so a computer left signed in is not enough."""
    form = TurnOffTwoStepForm()
    if not current_user.totp_secret:
        return redirect(url_for("staff.two_step_page"))
    if two_step.required_for(current_user.role, current_app.config["STAFF_TOTP_REQUIRED_ROLES"]):
        record_now("denied", "staff", current_user.id, "two-step-off")
        return _two_step_on(form, 403)
    status = _password_again(form, "two-step-off-failed")
    if status is None:
        two_step.turn_off(db.session, current_user._get_current_object())
        return redirect(url_for("staff.two_step_page", done="off"))
    return _two_step_on(form, status)
