"""Two-step sign-in: after the password (or a one-use sign-in link), a 6-digit code from an authenticator
app (RFC 6238, 30-second steps). Optional for every member of staff; STAFF_TOTP_REQUIRED_ROLES makes it
required for some roles. A code is accepted from the step before to the step after now (a phone's clock may
be a little out), and never twice: the account keeps the last step used, and only a later step is accepted.
For a lost or broken phone, ten one-use recovery codes stand in for the app's code; they are shown once, when
made, and only a keyed hash of each is kept. These functions take a database session and plain values; those
that change an account write its audit entry and commit."""

import hmac
import secrets
from datetime import datetime

import pyotp
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.staff.audit.service import record_for
from app.staff.models import RecoveryCode, StaffUser

ISSUER = "My Way to Work"
CODE_LENGTH = 6
VALID_WINDOW = 1  # steps either side of now
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no i, l, o, 0 or 1: nothing to mix up
RECOVERY_HALF = 5  # a code is two groups of 5 (about 50 bits), like "hk4sw-9tmra"


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


def turn_on(session: Session, account: StaffUser, secret: str, code: str, at: datetime, key: str) -> list[str] | None:
    """Save the secret when the code shows the app has it (the step used cannot be used again to sign in), and
    make the account's recovery codes: they are returned to be shown once. None when the code is not right."""
    step = matching_step(secret, code, at)
    if step is None:
        return None
    account.totp_secret = secret
    account.totp_last_step = step
    codes = _replace_recovery_codes(session, account, key)
    record_for(session, account.id, "two-step-on", "staff", account.id)
    session.commit()
    return codes


def turn_off(session: Session, account: StaffUser, by: int | None = -1, detail: str | None = None) -> None:
    """by: who turned it off (the account itself unless given; None for a command). Its recovery codes go too."""
    account.totp_secret = None
    account.totp_last_step = None
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_id == account.id))
    record_for(session, account.id if by == -1 else by, "two-step-off", "staff", account.id, detail)
    session.commit()


def recovery_shape(code: str | None) -> bool:
    """Whether what was typed looks like a recovery code (any case, with or without its dash or spaces)."""
    cleaned = clean_code(code).lower()
    return len(cleaned) == 2 * RECOVERY_HALF and all(ch in RECOVERY_ALPHABET for ch in cleaned)


def recovery_digest(code: str, key: str) -> str:
    """The keyed hash kept for a code: a copy of the database alone cannot be searched for the codes."""
    return hmac.new(key.encode(), clean_code(code).lower().encode(), "sha256").hexdigest()


def _new_recovery_code() -> str:
    halves = ("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_HALF)) for _ in range(2))
    return "-".join(halves)


def _replace_recovery_codes(session: Session, account: StaffUser, key: str) -> list[str]:
    session.execute(delete(RecoveryCode).where(RecoveryCode.staff_id == account.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    session.add_all(RecoveryCode(staff_id=account.id, code_hash=recovery_digest(code, key)) for code in codes)
    return codes


def new_recovery_codes(session: Session, account: StaffUser, key: str) -> list[str]:
    """New codes in place of the old ones (used or not), to be shown once."""
    codes = _replace_recovery_codes(session, account, key)
    record_for(session, account.id, "two-step-new-recovery-codes", "staff", account.id)
    session.commit()
    return codes


def use_recovery_code(session: Session, account: StaffUser, code: str, key: str, at: datetime) -> bool:
    """Whether this recovery code signs the account in now. It is spent in one UPDATE, so two requests with
    the same code cannot both succeed."""
    if not account.totp_secret or not recovery_shape(code):
        return False
    spent = session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.staff_id == account.id,
            RecoveryCode.code_hash == recovery_digest(code, key),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=at)
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount == 1:
        record_for(session, account.id, "two-step-recovery-code", "staff", account.id)
    session.commit()
    return spent.rowcount == 1


def recovery_codes_left(session: Session, account: StaffUser) -> int:
    return session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.staff_id == account.id, RecoveryCode.used_at.is_(None))
    )
