"""Secrets that travel in addresses never reach a log: share, square-code, password-reset and sign-in tokens in
paths, and resume codes or tokens in query strings, are replaced before a line is written.

The site's own log handler and werkzeug's request log carry `RedactSecrets`; gunicorn's access log uses
`RedactingGunicornLogger` (scripts/gunicorn_run.py). See docs/decisions/0024-no-secrets-in-addresses.md.
"""

import logging
import re

HIDDEN = "[hidden]"

# Path parts that are secrets: what follows these prefixes up to the next / ? or space.
SECRET_PATHS = re.compile(
    r"(/my-work/(?:shared|open)/|/staff/reset-password/|/staff/sign-in-link/(?!sent\b))[^/?#\s\"]+"
)
# Query values that are secrets.
SECRET_QUERY = re.compile(r"([?&](?:code|token)=)[^&#\s\"]*", re.IGNORECASE)


def redact(text: str) -> str:
    """The text with every secret in an address replaced by [hidden]."""
    return SECRET_QUERY.sub(rf"\g<1>{HIDDEN}", SECRET_PATHS.sub(rf"\g<1>{HIDDEN}", text))


class RedactSecrets(logging.Filter):
    """Formats the record's message once, hides secrets in it, and lets it through."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a message that does not format is left as it is
            return True
        hidden = redact(message)
        if hidden != message:
            record.msg, record.args = hidden, None
        return True


def install(handler: logging.Handler) -> None:
    if not any(isinstance(existing, RedactSecrets) for existing in handler.filters):
        handler.addFilter(RedactSecrets())


try:  # gunicorn serves `make run` and production; the tests and `flask run` do without it
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = None

if _GunicornLogger is not None:

    class RedactingGunicornLogger(_GunicornLogger):
        """gunicorn's logger, with the request line, path and query string of each access line redacted."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key in ("r", "U", "f"):  # the request line, the path and the referrer
                if isinstance(atoms.get(key), str):
                    atoms[key] = redact(atoms[key])
            if isinstance(atoms.get("q"), str):  # the query string, without its "?"
                atoms["q"] = redact("?" + atoms["q"])[1:]
            return atoms
