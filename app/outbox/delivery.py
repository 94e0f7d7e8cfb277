"""How a message leaves: by SMTP or through GOV.UK Notify, chosen by the MAIL_BACKEND setting.

A backend either returns (the provider's id, if it gives one) or raises DeliveryError. The error says
only what kind of fault it was and its code: exception text from smtplib can hold the recipient's
address, so it is never kept or logged.
"""

import smtplib
import ssl
from collections.abc import Mapping
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Protocol

from app.outbox.models import OutboxMessage


class DeliveryError(Exception):
    """A message was not delivered. permanent: trying again cannot help (a 5xx refusal of the recipient)."""

    def __init__(self, kind: str, code: int | None = None, permanent: bool = False):
        self.kind, self.code, self.permanent = kind, code, permanent
        super().__init__(self.summary)

    @property
    def summary(self) -> str:
        return f"{self.kind} {self.code}" if self.code is not None else self.kind


class Delivery(Protocol):
    def send(self, message: OutboxMessage) -> str | None: ...


def message_id(message: OutboxMessage, mail_from: str) -> str:
    """The same for every try of one outbox message, so a resend after an unknown outcome is recognisable."""
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"
    return f"<outbox-{message.id}-{message.created_at:%Y%m%d%H%M%S}@{domain}>"


def build_email(message: OutboxMessage, mail_from: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = mail_from
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Date"] = format_datetime(message.created_at.replace(tzinfo=message.created_at.tzinfo or UTC))
    email["Message-ID"] = message_id(message, mail_from)
    email["Auto-Submitted"] = "auto-generated"  # RFC 3834: out-of-office replies should not answer it
    email.set_content(message.body)
    return email


def _smtp_code(exc: Exception) -> int | None:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in exc.recipients.values()]
        return max(codes) if codes else None
    return getattr(exc, "smtp_code", None)


class SmtpDelivery:
    """One connection a message: simple, and a worker that sends a few messages a minute needs no more."""

    def __init__(self, config: Mapping):
        self.host, self.port = config["SMTP_HOST"], config["SMTP_PORT"]
        self.timeout = config["SMTP_TIMEOUT"]
        self.starttls = config["SMTP_STARTTLS"]
        self.username, self.password = config["SMTP_USERNAME"], config["SMTP_PASSWORD"]
        self.mail_from = config["MAIL_FROM"]

    def send(self, message: OutboxMessage) -> str | None:
        email = build_email(message, self.mail_from)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password)
                smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as exc:
            code = _smtp_code(exc)
            raise DeliveryError(type(exc).__name__, code, permanent=code is not None and code >= 500) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(type(exc).__name__, _smtp_code(exc)) from None
        return None


# A message whose kind ends so is a text message to a phone number; only GOV.UK Notify sends them.
TEXT_SUFFIX = "-sms"


class NotifyDelivery:
    """GOV.UK Notify: an email template whose subject is ((subject)) and whose body is ((body)); for text
    messages, a text template whose body is ((body))."""

    def __init__(self, config: Mapping):
        from notifications_python_client.notifications import NotificationsAPIClient

        for setting in ("NOTIFY_API_KEY", "NOTIFY_TEMPLATE_ID"):
            if not config[setting]:
                raise ValueError(f"MAIL_BACKEND is notify, so {setting} must be set.")
        self.client = NotificationsAPIClient(
            config["NOTIFY_API_KEY"], base_url=config["NOTIFY_BASE_URL"], timeout=config["SMTP_TIMEOUT"]
        )
        self.template_id = config["NOTIFY_TEMPLATE_ID"]
        self.sms_template_id = config.get("NOTIFY_SMS_TEMPLATE_ID", "")  # a text template whose body is ((body))

    def send(self, message: OutboxMessage) -> str | None:
        from notifications_python_client.errors import APIError

        try:
            if message.kind.endswith(TEXT_SUFFIX):
                response = self.client.send_sms_notification(
                    phone_number=message.to_address,
                    template_id=self.sms_template_id,
                    personalisation={"body": message.body},
                    reference=str(message.id),
                )
            else:
                response = self.client.send_email_notification(
                    email_address=message.to_address,
                    template_id=self.template_id,
                    personalisation={"subject": message.subject, "body": message.body},
                    reference=str(message.id),
                )
        except APIError as exc:
            # 400: Notify refused this message itself (a bad address, say); anything else may pass later.
            raise DeliveryError(type(exc).__name__, exc.status_code, permanent=exc.status_code == 400) from None
        return str(response["id"])


BACKENDS = {"smtp": SmtpDelivery, "notify": NotifyDelivery}


def delivery_for(config: Mapping) -> Delivery:
    backend = config["MAIL_BACKEND"]
    if backend not in BACKENDS:
        raise ValueError(f"MAIL_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}.")
    return BACKENDS[backend](config)
