"""The outbox through GOV.UK Notify, against a small local stand-in for Notify's API: no network."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest

from app.outbox.sending import send_due
from tests.outbox_builders import add_message, empty_outbox, get_message

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"my_way_to_work_test-{SERVICE_ID}-{SECRET}"  # Notify's documented key format
TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
SMS_TEMPLATE_ID = "0b8d4a63-5c43-4c0e-9c8e-2b7d3f1e6a55"
NOTIFICATION_ID = "740e5834-3a29-46b4-9a6f-16142fde533a"


class FakeNotify:
    """Records each request; answers with the status and JSON it is told to."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 201
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
                if fake.status == 201:
                    answer = {
                        "id": NOTIFICATION_ID,
                        "reference": body.get("reference"),
                        "content": {
                            "subject": body["personalisation"].get("subject"),
                            "body": body["personalisation"]["body"],
                            "from_email": "my.way.to.work@notifications.service.gov.uk",
                        },
                        "uri": f"https://api.notifications.service.gov.uk/v2/notifications/{NOTIFICATION_ID}",
                        "template": {
                            "id": body["template_id"],
                            "version": 1,
                            "uri": "https://api.notifications.service.gov.uk/template",
                        },
                    }
                else:
                    answer = {
                        "status_code": fake.status,
                        "errors": [{"error": "BadRequestError", "message": "Not a valid email address"}],
                    }
                data = json.dumps(answer).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def notify():
    fake = FakeNotify()
    yield fake
    fake.stop()


@pytest.fixture
def notify_app(app, notify):
    app.config.update(
        MAIL_BACKEND="notify", NOTIFY_API_KEY=API_KEY, NOTIFY_TEMPLATE_ID=TEMPLATE_ID, NOTIFY_BASE_URL=notify.url
    )
    empty_outbox(app)
    return app


def test_a_message_goes_to_notify_with_a_signed_token_the_template_and_personalisation(notify_app, notify):
    message_id = add_message(
        notify_app, to="service@example.org", subject="New request for help: K7MR-4WAX", body="Reference: K7MR-4WAX\n"
    )
    counts = send_due(notify_app)
    assert counts.sent == 1
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/email"
    assert request["json"] == {
        "email_address": "service@example.org",
        "template_id": TEMPLATE_ID,
        "reference": str(message_id),
        "personalisation": {"subject": "New request for help: K7MR-4WAX", "body": "Reference: K7MR-4WAX\n"},
    }
    scheme, token = request["headers"]["Authorization"].split(" ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert scheme == "Bearer" and claims["iss"] == SERVICE_ID and abs(claims["iat"] - time.time()) < 60
    message = get_message(notify_app, message_id)
    assert message.status == "sent" and message.provider_id == NOTIFICATION_ID


def test_a_text_message_goes_to_notify_with_the_text_template(notify_app, notify):
    notify_app.config["NOTIFY_SMS_TEMPLATE_ID"] = SMS_TEMPLATE_ID
    message_id = add_message(
        notify_app, to="07700 900456", subject="-", body="Your reference is K7MR-4WAX.", kind="confirmation-sms"
    )
    assert send_due(notify_app).sent == 1
    [request] = notify.requests
    assert request["path"] == "/v2/notifications/sms"
    assert request["json"] == {
        "phone_number": "07700 900456",
        "template_id": SMS_TEMPLATE_ID,
        "reference": str(message_id),
        "personalisation": {"body": "Your reference is K7MR-4WAX."},
    }
    assert get_message(notify_app, message_id).status == "sent"


def test_a_message_notify_refuses_fails_at_once(notify_app, notify):
    notify.status = 400
    message_id = add_message(notify_app)
    assert send_due(notify_app).gave_up == 1
    message = get_message(notify_app, message_id)
    assert message.status == "failed" and message.last_error == "HTTPError 400" and message.provider_id is None


def test_a_notify_outage_is_tried_again_later(notify_app, notify):
    notify.status = 500
    message_id = add_message(notify_app)
    assert send_due(notify_app).retrying == 1
    message = get_message(notify_app, message_id)
    assert message.status == "queued" and message.attempts == 1 and message.last_error == "HTTPError 500"


def test_notify_cannot_be_chosen_without_a_key(app):
    app.config.update(MAIL_BACKEND="notify", NOTIFY_API_KEY="", NOTIFY_TEMPLATE_ID=TEMPLATE_ID)
    with pytest.raises(ValueError, match="NOTIFY_API_KEY"):
        send_due(app)
