"""Staff accounts: making them, signing in and out, and setting a new password through a one-use link.
These functions take a database session and plain values; the routes and the CLI call them. Those that
finish something a person did (sign in, sign out, ask for or use a reset link) write its audit entry and commit."""

import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import emails
from app.clock import now
from app.outbox.models import enqueue
from app.pathways.models import Organization
from app.staff.accounts.passwords import hash_password, new_token, password_matches, password_problem, token_digest
from app.staff.audit.service import record_for
from app.staff.models import ROLES, PasswordReset, School, SignInLink, StaffUser

MAX_EMAIL = emails.MAX_LENGTH  # characters
MAX_NAME = 120  # characters


class AccountProblem(ValueError):
    """Why an account cannot be made or changed, in words for the person who asked."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def looks_like_email(email: str) -> bool:
    return emails.is_email(email.strip())


def active_account(session: Session, staff_id: str, session_token: str) -> StaffUser | None:
    """The active account with this id (as text) whose sessions have not been ended since the token was taken."""
    account = session.get(StaffUser, int(staff_id)) if staff_id.isdigit() else None
    if account is None or not account.active or account.session_token != session_token:
        return None
    return account


def find_by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))


def check_sign_in(session: Session, email: str, password: str) -> tuple[StaffUser | None, bool]:
    """(the account with this email or None, whether this password signs it in). A password is always
    checked, against a dummy hash when there is no account, so the answer takes the same time."""
    account = find_by_email(session, email)
    matches = password_matches(account.password_hash if account else None, password)
    return account, bool(account and account.active and matches)


def check_details(
    session: Session,
    *,
    email: str,
    name: str,
    role: str,
    organization_id: str | None = None,
    school_id: int | None = None,
) -> None:
    """Everything about a new account but its password; AccountProblem says what is wrong."""
    if not looks_like_email(email):
        raise AccountProblem("That is not an email address.")
    if not name.strip() or len(name.strip()) > MAX_NAME:
        raise AccountProblem(f"Give a name of 1 to {MAX_NAME} characters.")
    if role not in ROLES:
        raise AccountProblem(f"The role must be one of: {', '.join(ROLES)}.")
    if role == "provider":
        if not organization_id:
            raise AccountProblem("Provider staff need --organization: the id of their organisation.")
        if session.get(Organization, organization_id) is None:
            raise AccountProblem("There is no organisation with that id.")
    elif organization_id:
        raise AccountProblem("Only provider staff belong to an organisation.")
    if role == "school" and school_id is None:
        raise AccountProblem("School staff need --school-id (their school's id) or --new-school (its name).")
    if role != "school" and school_id is not None:
        raise AccountProblem("Only school staff belong to a school.")
    if school_id is not None and session.get(School, school_id) is None:
        raise AccountProblem("There is no school with that id. See flask staff schools.")
    if find_by_email(session, email) is not None:
        raise AccountProblem("There is already a staff account with that email.")


def add_school(session: Session, name: str) -> School:
    """A new school, even when another has the same name: staff join a school by its id."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise AccountProblem(f"Give the school a name of 1 to {MAX_NAME} characters.")
    school = School(name=name)
    session.add(school)
    session.flush()
    return school


def create_account(
    session: Session,
    *,
    email: str,
    name: str,
    role: str,
    password: str,
    min_length: int,
    organization_id: str | None = None,
    school_id: int | None = None,
) -> StaffUser:
    """Add an account to the session, after checking every rule; AccountProblem says what is wrong."""
    check_details(session, email=email, name=name, role=role, organization_id=organization_id, school_id=school_id)
    problem = password_problem(password, email, min_length)
    if problem:
        raise AccountProblem(f"That password cannot be used. {problem}")
    account = StaffUser(
        email=normalise_email(email),
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
        organization_id=organization_id,
        school_id=school_id,
        active=True,
    )
    session.add(account)
    return account


def end_sessions(account: StaffUser) -> None:
    """A new session token: every browser signed in as this account is signed out."""
    account.session_token = secrets.token_hex(16)


def deactivate(session: Session, email: str) -> StaffUser:
    account = find_by_email(session, email)
    if account is None:
        raise AccountProblem("There is no staff account with that email.")
    account.active = False
    end_sessions(account)
    return account


def start_reset(
    session: Session, email: str, minutes: int, link_for: Callable[[str], str], may_email: Callable[[str], bool]
) -> StaffUser | None:
    """For an active account: a reset link, and a message with it in the outbox, in the caller's transaction.
    may_email(email) is asked only for a real account; when it says no, nothing is sent."""
    account = find_by_email(session, email)
    if account is None or not account.active or not may_email(account.email):
        return None
    token, digest = new_token()
    session.add(PasswordReset(staff_id=account.id, token_hash=digest, expires_at=now() + timedelta(minutes=minutes)))
    enqueue(
        session,
        "password-reset",
        account.email,
        "Reset your My Way to Work staff password",
        _reset_message(link_for(token), minutes),
    )
    return account


def _reset_message(link: str, minutes: int) -> str:
    return (
        "Hello,\n\n"
        "Someone asked to reset the password for your My Way to Work staff account.\n"
        f"To choose a new password, open this link. It works once, for {minutes} minutes:\n\n"
        f"{link}\n\n"
        "If you did not ask for this, you do not need to do anything. Your password has not changed.\n"
    )


def valid_reset(session: Session, token: str) -> PasswordReset | None:
    """The reset for this token, if it is unused, in time, and its account is active."""
    reset = session.scalar(select(PasswordReset).where(PasswordReset.token_hash == token_digest(token)))
    if reset is None or reset.used_at is not None or _aware(reset.expires_at) <= now():
        return None
    account = session.get(StaffUser, reset.staff_id)
    return reset if account is not None and account.active else None


def complete_reset(session: Session, reset: PasswordReset, password: str) -> StaffUser | None:
    """Set the new password and end every session. None when another request used the link first."""
    moment = now()
    claimed = session.execute(
        update(PasswordReset)
        .where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None))
        .values(used_at=moment)
    )
    if claimed.rowcount != 1:
        return None
    # Any other link sent to this account stops working too.
    session.execute(
        update(PasswordReset)
        .where(PasswordReset.staff_id == reset.staff_id, PasswordReset.used_at.is_(None))
        .values(used_at=moment)
    )
    account = session.get(StaffUser, reset.staff_id)
    account.password_hash = hash_password(password)
    end_sessions(account)
    return account


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def organisation_name(session: Session, organization_id: str | None) -> str | None:
    organisation = session.get(Organization, organization_id) if organization_id else None
    return organisation.name if organisation else None


def record_sign_in(session: Session, account: StaffUser, detail: str | None = None) -> None:
    """A sign-in that succeeded: when, and its audit entry (detail "two-step" after a code from the app)."""
    account.last_sign_in_at = now()
    record_for(session, account.id, "sign-in", "staff", account.id, detail)
    session.commit()


def sign_out_everywhere(session: Session, account: StaffUser) -> None:
    """Signing out ends every session of this account, so a copied cookie stops working too."""
    record_for(session, account.id, "sign-out", "staff", account.id)
    end_sessions(account)
    session.commit()


def request_reset(
    session: Session,
    email: str,
    minutes: int,
    link_for: Callable[[str], str],
    by: int | None,
    may_email: Callable[[str], bool] = lambda _email: True,
) -> None:
    """Send a reset link if an active account has this email; nothing tells the asker whether one does.
    by is the member of staff signed in when it was asked for, if any."""
    account = start_reset(session, email, minutes, link_for, may_email)
    if account is not None:
        record_for(session, by, "password-reset-requested", "staff", account.id)
    session.commit()


def new_password_problem(session: Session, reset: PasswordReset, password: str, min_length: int) -> str | None:
    """What is wrong with this new password for the reset's account, or None."""
    account = session.get(StaffUser, reset.staff_id)
    return password_problem(password, account.email, min_length)


def finish_reset(session: Session, reset: PasswordReset, password: str) -> StaffUser | None:
    """Save the new password, end every session, and audit it (by nobody signed in: whoever has the link).
    None, with nothing saved, when another request used the link first."""
    account = complete_reset(session, reset, password)
    if account is None:
        session.rollback()
        return None
    record_for(session, None, "password-reset", "staff", account.id)
    session.commit()
    return account


def request_sign_in_link(
    session: Session, email: str, minutes: int, link_for: Callable[[str], str], may_email: Callable[[str], bool]
) -> None:
    """Send a one-use sign-in link if an active account has this email (and may_email agrees); the asker is
    told the same either way."""
    account = find_by_email(session, email)
    if account is not None and account.active and may_email(account.email):
        token, digest = new_token()
        session.add(SignInLink(staff_id=account.id, token_hash=digest, expires_at=now() + timedelta(minutes=minutes)))
        enqueue(
            session,
            "sign-in-link",
            account.email,
            "Sign in to My Way to Work",
            _sign_in_message(link_for(token), minutes),
        )
        record_for(session, None, "sign-in-link-requested", "staff", account.id)
    session.commit()


def _sign_in_message(link: str, minutes: int) -> str:
    return (
        "Hello,\n\n"
        "Someone asked for a link to sign in to your My Way to Work staff account.\n"
        f"To sign in, open this link. It works once, for {minutes} minutes:\n\n"
        f"{link}\n\n"
        "If you did not ask for this, do not open the link. Someone may be trying to sign in as you:\n"
        "tell your manager, and choose a new password.\n"
    )


def valid_sign_in_link(session: Session, token: str) -> SignInLink | None:
    """The sign-in link for this token, if it is unused, in time, and its account is active."""
    link = session.scalar(select(SignInLink).where(SignInLink.token_hash == token_digest(token)))
    if link is None or link.used_at is not None or _aware(link.expires_at) <= now():
        return None
    account = session.get(StaffUser, link.staff_id)
    return link if account is not None and account.active else None


def use_sign_in_link(session: Session, link: SignInLink) -> StaffUser | None:
    """Use the link (and every other unused one to this account), record the sign-in, and commit.
    None, with nothing saved, when another request used the link first."""
    moment = now()
    claimed = session.execute(
        update(SignInLink).where(SignInLink.id == link.id, SignInLink.used_at.is_(None)).values(used_at=moment)
    )
    if claimed.rowcount != 1:
        session.rollback()
        return None
    session.execute(
        update(SignInLink)
        .where(SignInLink.staff_id == link.staff_id, SignInLink.used_at.is_(None))
        .values(used_at=moment)
    )
    account = session.get(StaffUser, link.staff_id)
    account.last_sign_in_at = moment
    record_for(session, account.id, "sign-in-by-link", "staff", account.id)
    session.commit()
    return account
