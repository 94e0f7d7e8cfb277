"""One check for every email address typed into the site, and mailto links built only from addresses it passes.

An address is one mailbox: a local part of letters, digits and . _ + ' & -, an @, and a domain of
letters, digits and hyphens with at least one dot. No spaces, no control characters, no ? % # or commas,
so nothing typed can add a second address or a header (like ?cc=) to a mailto link.
"""

import re
from urllib.parse import quote

MAX_LENGTH = 254  # characters, the longest address mail servers accept

_LOCAL = r"[A-Za-z0-9_+'&-]+(?:\.[A-Za-z0-9_+'&-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
PATTERN = re.compile(
    rf"(?=.{{3,{MAX_LENGTH}}}\Z)(?=[^@]{{1,64}}@){_LOCAL}@{_LABEL}(?:\.{_LABEL})*\.(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})"
)


def is_email(value: str | None) -> bool:
    """True for one well-formed address, as typed (spaces around it are forgiven by the caller, not here)."""
    return isinstance(value, str) and len(value) <= MAX_LENGTH and PATTERN.fullmatch(value) is not None


def mailto(address: str | None) -> str | None:
    """A mailto: link for a valid address, every character outside the address percent-encoded; None otherwise."""
    if not is_email(address):
        return None
    return "mailto:" + quote(address, safe="@")
