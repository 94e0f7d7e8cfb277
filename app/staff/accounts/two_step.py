"""Two-step sign-in: after the password (or a one-use sign-in link), a 6-digit code from an authenticator
app (RFC 6238, 30-second steps). Optional for every member of staff; STAFF_TOTP_REQUIRED_ROLES makes it
required for some roles. A code is accepted from the step before to the step after now (a phone's clock may
be a little out), and never twice: the account keeps the last step used, and only a later step is accepted.
These functions take a database session and plain values; those that change an account write its audit
entry and commit."""

import hmac
from datetime import datetime

import pyotp
from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from app.staff.audit.service import record_for
from app.staff.models import StaffUser

ISSUER = "My Way to Work"
CODE_LENGTH = 6
VALID_WINDOW = 1  # steps either side of now


def new_secret() -> str:
    """A new shared secret: 32 base32 characters (160 bits), as RFC 4226 recommends."""
    return pyotp.random_base32(32)


def setup_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def grouped(secret: str) -> str:
    """The secret in groups of 4, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def required_for(role: str, required_roles) -> bool:
    return role in required_roles


def clean_code(code: str | None) -> str:
    """What was typed, without the spaces and dashes an app shows between the digits."""
    return "".join(ch for ch in (code or "") if ch not in " -\u00a0\t")


def matching_step(secret: str, code: str, at: datetime, after: int | None = None) -> int | None:
    """The time-step whose code this is, within VALID_WINDOW of `at` and later than `after`; None if none."""
    code = clean_code(code)
    if len(code) != CODE_LENGTH or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(at)
    for step in range(now_step - VALID_WINDOW, now_step + VALID_WINDOW + 1):
        if (after is None or step > after) and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def use_code(session: Session, account: StaffUser, code: str, at: datetime) -> bool:
    """Whether this code signs the account in now. The step is claimed in one UPDATE, so two requests with
    the same code cannot both succeed."""
    if not account.totp_secret:
        return False
    step = matching_step(account.totp_secret, code, at, account.totp_last_step)
    if step is None:
        return False
    claimed = session.execute(
        update(StaffUser)
        .where(StaffUser.id == account.id, or_(StaffUser.totp_last_step.is_(None), StaffUser.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    session.refresh(account)
    return claimed.rowcount == 1


def turn_on(session: Session, account: StaffUser, secret: str, code: str, at: datetime) -> bool:
    """Save the secret when the code shows the app has it; the step used cannot be used again to sign in."""
    step = matching_step(secret, code, at)
    if step is None:
        return False
    account.totp_secret = secret
    account.totp_last_step = step
    record_for(session, account.id, "two-step-on", "staff", account.id)
    session.commit()
    return True


def turn_off(session: Session, account: StaffUser, by: int | None = -1, detail: str | None = None) -> None:
    """by: who turned it off (the account itself unless given; None for a command)."""
    account.totp_secret = None
    account.totp_last_step = None
    record_for(session, account.id if by == -1 else by, "two-step-off", "staff", account.id, detail)
    session.commit()
