"""Referral references, made to be read out on the phone: "K7MR-4WAX".

The alphabet leaves out characters that look alike (0 O D Q, 1 I L, 2 Z, 5 S, 8 B, 6 G, U V) and letters
that sound alike on a phone line (B C D E G P T V, M N, F S), so what is read out is what is typed.
8 characters from 15 give 2.6 billion references; the table's unique index settles the rare clash."""

import secrets

from werkzeug.routing import BaseConverter

ALPHABET = "AFHJKMRWXY34679"
LENGTH = 8
PATTERN = f"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}"


def new_reference() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def normalise(text: str) -> str:
    """A reference as typed or read back: any case, spaces or no dash."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == LENGTH else text.strip().upper()


class ReferenceConverter(BaseConverter):
    regex = PATTERN
