"""The outbox for council admins: how many messages are queued, sent and failed, the ones still to go,
and "Send again" for a message the sender gave up on. Bodies are never shown: they can be long, and
the referral's own page is the place to read about it."""
from datetime import datetime
from math import ceil

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy import func, select

from app.extensions import db
from app.outbox.models import OutboxMessage
from app.outbox.sending import requeue, utc_now
from app.referrals.models import Referral
from app.staff.audit.service import record, record_now
from app.staff.blueprint import bp
from app.staff.permissions import Permission, requires
from app.staff.words import uk_time

PAGE_SIZE = 25  # messages a page
WAITING = ("queued", "failed")
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


@bp.route("/messages")
@requires(Permission.VIEW_OUTBOX)
def messages():
    found = dict(db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())
    counts = [(STATUS_NAMES[status], found.get(status, 0)) for status in STATUS_NAMES]
    total = sum(found.get(status, 0) for status in WAITING)
    pages = max(1, ceil(total / PAGE_SIZE))
    page = min(max(request.args.get("page", 1, type=int), 1), pages)
    rows = db.session.execute(
        select(OutboxMessage, Referral.reference).outerjoin(Referral, Referral.id == OutboxMessage.referral_id)
        .where(OutboxMessage.status.in_(WAITING)).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    record_now("view", "outbox", detail=f"page={page}")
    return render_template(
        "staff/messages/messages.html", counts=counts, rows=rows, total=total, page=page, pages=pages,
        first=(page - 1) * PAGE_SIZE + 1, last=(page - 1) * PAGE_SIZE + len(rows), status_names=STATUS_NAMES,
        kind_names=KIND_NAMES, error_words=error_words, short_time=short_time, requeued=request.args.get("requeued", type=int))


@bp.route("/messages/<int:message_id>/send-again", methods=["POST"])
@requires(Permission.VIEW_OUTBOX)
def send_again(message_id: int):
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        abort(404)
    if message.status != "failed":  # already queued again, or sent: nothing to do
        return redirect(url_for("staff.messages"))
    requeue(message, utc_now())
    record("change", "outbox", message.id, "send-again")
    db.session.commit()
    return redirect(url_for("staff.messages", requeued=message.id))
