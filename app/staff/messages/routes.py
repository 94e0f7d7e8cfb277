"""The outbox for council admins: how many messages are queued, sent and failed, the ones still to go,
and "Send again" for a message the sender gave up on. Bodies are never shown: they can be long, and
the referral's own page is the place to read about it."""

from flask import abort, redirect, render_template, request, url_for

from app.extensions import db
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.messages import service
from app.staff.messages.views import KIND_NAMES, STATUS_NAMES, error_words, short_time
from app.staff.permissions import Permission, requires

PAGE_SIZE = 25  # messages a page


@bp.route("/messages")
@requires(Permission.VIEW_OUTBOX)
def messages():
    found = service.counts(db.session)
    counts = [(STATUS_NAMES[status], found.get(status, 0)) for status in STATUS_NAMES]
    page = service.waiting_page(db.session, found, request.args.get("page", 1, type=int), PAGE_SIZE)
    record_now("view", "outbox", detail=f"page={page.number}")
    return render_template(
        "staff/messages/messages.html",
        counts=counts,
        rows=page.items,
        total=page.total,
        page=page.number,
        pages=page.pages,
        first=page.first,
        last=page.last,
        status_names=STATUS_NAMES,
        kind_names=KIND_NAMES,
        error_words=error_words,
        short_time=short_time,
        requeued=request.args.get("requeued", type=int),
    )


@bp.route("/messages/<int:message_id>/send-again", methods=["POST"])
@requires(Permission.VIEW_OUTBOX)
def send_again(message_id: int):
    message = service.find(db.session, message_id)
    if message is None:
        abort(404)
    if not service.send_again(db.session, message):  # already queued again, or sent: nothing to do
        return redirect(url_for("staff.messages"))
    return redirect(url_for("staff.messages", requeued=message.id))
