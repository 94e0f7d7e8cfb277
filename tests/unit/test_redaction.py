"""Secrets in addresses never reach a log line: the site's handler, werkzeug's request log and gunicorn's
access log all hide them."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest

from app.redaction import HIDDEN, RedactingGunicornLogger, RedactSecrets, redact


@pytest.mark.parametrize(
    "line, secret",
    [
        ('GET /my-work/shared/Ab3_xYz-901 HTTP/1.1" 200', "Ab3_xYz-901"),
        ("GET /my-work/shared/Ab3_xYz-901/ehcp?lang=cy", "Ab3_xYz-901"),
        ("POST /my-work/open/q9W_e8R-t7Y HTTP/1.1", "q9W_e8R-t7Y"),
        ("GET /staff/reset-password/zz_TOKEN_zz HTTP/1.1", "zz_TOKEN_zz"),
        ("GET /staff/sign-in-link/Kk-123_abc HTTP/1.1", "Kk-123_abc"),
        ("GET /my-work/resume?code=panda-tulip-river-2026 HTTP/1.1", "panda-tulip-river-2026"),
        ("GET /my-work/resume?lang=cy&CODE=panda+tulip+river+2026", "panda+tulip+river+2026"),
        ("GET /somewhere?token=s3cr3t&lang=en", "s3cr3t"),
    ],
)
def test_every_kind_of_secret_in_an_address_is_hidden(line, secret):
    hidden = redact(line)
    assert secret not in hidden and HIDDEN in hidden


@pytest.mark.parametrize(
    "line",
    [
        "GET /staff/sign-in-link/sent HTTP/1.1",
        "GET /services?q=gardening&step=volunteering HTTP/1.1",
        "GET /my-work/shared HTTP/1.1",
        "POST /staff/sign-in HTTP/1.1",
    ],
)
def test_addresses_without_secrets_are_left_as_they_are(line):
    assert redact(line) == line


def test_the_filter_hides_secrets_in_a_formatted_message():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - "%s" %s',
        ("127.0.0.1", "GET /my-work/open/abcDEF123 HTTP/1.1", 200),
        None,
    )
    assert RedactSecrets().filter(record)
    assert "abcDEF123" not in record.getMessage() and "/my-work/open/[hidden]" in record.getMessage()


def test_the_sites_log_handler_carries_the_filter(app):
    handlers = logging.getLogger().handlers
    assert handlers and all(any(isinstance(f, RedactSecrets) for f in h.filters) for h in handlers)
    assert any(isinstance(f, RedactSecrets) for f in logging.getLogger("werkzeug").filters)


def test_gunicorns_access_line_hides_the_token_in_the_request_line_path_and_query():
    from gunicorn.config import Config

    logger = RedactingGunicornLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/my-work/shared/SeCrEt-1?code=panda-tulip-river-2026",
        "PATH_INFO": "/my-work/shared/SeCrEt-1",
        "QUERY_STRING": "code=panda-tulip-river-2026&lang=cy",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=3))
    text = " ".join(str(atoms[key]) for key in ("r", "U", "q"))
    assert "SeCrEt-1" not in text and "panda" not in text
    assert atoms["q"] == "code=[hidden]&lang=cy"


def test_make_run_uses_the_redacting_logger():
    from scripts import gunicorn_run

    assert gunicorn_run.logger_class == "app.redaction.RedactingGunicornLogger"
