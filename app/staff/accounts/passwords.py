"""Password hashing, the rules for a new password, and one-use reset tokens.

Hashes use Werkzeug's default (scrypt), so a hash made today still checks after an upgrade changes the
default: the method is written at the start of each hash.
"""

import hashlib
import secrets
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

MAX_LENGTH = 200  # characters: longer is no safer, and hashing it costs more


def hash_password(password: str) -> str:
    return generate_password_hash(password)


@cache
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16))


def password_matches(password_hash: str | None, password: str) -> bool:
    """Check a password; with no account (None) a dummy hash is checked, so the time taken is the same."""
    if password_hash is None:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(password_hash, password)


def password_problem(password: str, email: str, min_length: int) -> str | None:
    """What is wrong with a new password, in plain words, or None when it may be used."""
    if len(password) < min_length:
        return f"Use at least {min_length} characters."
    if len(password) > MAX_LENGTH:
        return f"Use {MAX_LENGTH} characters or fewer."
    if password.strip().lower() == email.strip().lower():
        return "Do not use your email address as your password."
    return None


def new_token() -> tuple[str, str]:
    """A token for a link, and the hash that is stored: whoever reads the database cannot use the link."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
