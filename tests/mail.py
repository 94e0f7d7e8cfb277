"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), which keeps every message it receives."""

import email
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller

# The test server logs each address it is given; what is checked in tests is what the app logs.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    """A port with nothing listening on it (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


class RecordingHandler:
    """Keeps each message. Refuses recipients in `refuse` with 550; calls `on_data` before accepting one."""

    def __init__(self, server: "LocalSmtpServer"):
        self.server = server

    async def handle_RCPT(self, _server, _session, envelope, address, _rcpt_options):
        if address in self.server.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server, _session, envelope):
        if self.server.on_data:
            self.server.on_data()
        parsed = email.message_from_bytes(envelope.original_content or envelope.content, policy=default)
        self.server.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


class LocalSmtpServer:
    """Start it on a port chosen now or given; stop and start it again to act out an outage."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.messages: list[Received] = []
        self.refuse: set[str] = set()
        self.on_data: Callable[[], None] | None = None
        self._controller: Controller | None = None

    def start(self) -> "LocalSmtpServer":
        self._controller = Controller(RecordingHandler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
