"""The square code on the save page opens the checklists on another phone without putting the resume code in
an address: addresses reach server logs and browser histories, and the code opens the answers for months.

The square carries a random token that works once, for OPEN_LINK_MINUTES. The row keeps only a keyed hash of the
token, and the resume code sealed with a key made from the token: the phone that opens the link is shown the code
(to write down), and the database alone cannot give it away. See docs/decisions/0024-no-secrets-in-addresses.md.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import clock
from app.checklists import codes
from app.checklists.models import ChecklistSession, OpenLink
from app.checklists.service import is_live
from app.clock import aware

MAX_CODE = 100  # bytes: resume codes are far shorter


def _keystream(token: str, length: int) -> bytes:
    """HMAC-SHA256 in counter mode, keyed by the token: a one-time pad for one short code (each token is new)."""
    blocks = (
        hmac.new(token.encode(), b"open-link-code:" + count.to_bytes(4, "big"), hashlib.sha256).digest()
        for count in range((length + 31) // 32)
    )
    return b"".join(blocks)[:length]


def seal(code: str, token: str) -> str:
    data = code.encode()[:MAX_CODE]
    return bytes(a ^ b for a, b in zip(data, _keystream(token, len(data)), strict=True)).hex()


def unseal(sealed: str, token: str) -> str | None:
    try:
        data = bytes.fromhex(sealed)
        return bytes(a ^ b for a, b in zip(data, _keystream(token, len(data)), strict=True)).decode()
    except ValueError:
        return None


def issue(db: Session, record: ChecklistSession, code: str, secret: str, minutes: int) -> str:
    """A new one-use token that opens these checklists for `minutes`."""
    token = secrets.token_urlsafe(18)
    db.add(
        OpenLink(
            session_id=record.id,
            token_hash=codes.code_hash(token, secret),
            sealed_code=seal(code, token),
            created_at=clock.now(),
            expires_at=clock.now() + timedelta(minutes=minutes),
        )
    )
    db.commit()
    return token


def find(db: Session, token: str, secret: str) -> OpenLink | None:
    """The link, if it is unused, not expired, and its checklists still exist."""
    link = db.scalar(select(OpenLink).where(OpenLink.token_hash == codes.code_hash(token[:100], secret)))
    if link is None or link.used_at is not None or aware(link.expires_at) <= clock.now() or not is_live(link.session):
        return None
    return link


def use(db: Session, token: str, secret: str) -> tuple[ChecklistSession, str] | None:
    """Spend the link: the checklists and their code, or None when it does not work (or another phone used it
    a moment ago: the update only counts for the first)."""
    link = find(db, token, secret)
    code = unseal(link.sealed_code, token) if link is not None else None
    if link is None or code is None:
        return None
    spent = db.execute(
        update(OpenLink).where(OpenLink.id == link.id, OpenLink.used_at.is_(None)).values(used_at=clock.now())
    ).rowcount
    db.commit()
    return (link.session, code) if spent == 1 else None
