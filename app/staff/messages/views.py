"""How the outbox page shows a message: the words for its status, kind and last problem, and short times."""

from datetime import datetime

from app.staff.words import uk_time

STATUS_NAMES = {"queued": "Waiting to go", "sent": "Sent", "failed": "Failed: not trying any more"}
KIND_NAMES = {"new-referral": "New referral", "password-reset": "Password reset"}
# What a stored fault means, in plain words. The code after the name (an SMTP or HTTP status) is kept.
ERROR_WORDS = {
    "ConnectionRefusedError": "The mail server was not answering",
    "TimeoutError": "The mail server took too long to answer",
    "SMTPServerDisconnected": "The mail server hung up",
    "SMTPRecipientsRefused": "The mail server refused the address",
    "SMTPSenderRefused": "The mail server refused our sending address",
    "SMTPAuthenticationError": "The mail server did not accept our sign-in",
    "HTTPError": "GOV.UK Notify did not take the message",
    "HTTP503Error": "GOV.UK Notify was not answering",
}


def short_time(moment: datetime) -> str:
    """24 Nov 2026, 14:05 (UK time): short, for a table with many columns."""
    local = uk_time(moment)
    return f"{local.day} {local:%b %Y, %H:%M}"


def error_words(last_error: str | None) -> str:
    if not last_error:
        return "None"
    name = last_error.split(" ", 1)[0]
    return f"{ERROR_WORDS[name]} ({last_error})" if name in ERROR_WORDS else last_error
