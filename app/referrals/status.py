"""Where is my request? The person types their reference and the code from their confirmation, or their
date of birth, and sees in easy read where the request is up to, and nothing else about it.

A wrong reference, code or date all get the same answer. Tries are limited per address, per browser and
per reference, in the shared rate_limit table."""

import secrets
from datetime import date, timedelta

from flask import current_app, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from wtforms import StringField

from app import clock, messages
from app.errors import render_error
from app.extensions import db
from app.ratelimit import client_key, hashed_key, try_once
from app.referrals.after import by_reference, contacts, find_request, normalise_code, stage, taken_by
from app.referrals.reference import normalise as normalise_reference
from app.referrals.routes import bp

BROWSER, FOUND = "status_browser", "status_found"
ORDER = ("received", "contacted", "accepted", "started")  # the usual way; passed-on and closed are ends


class StatusForm(FlaskForm):
    reference = StringField()
    code = StringField()
    day = StringField()
    month = StringField()
    year = StringField()

    def validate(self, extra_validators=None) -> bool:
        """Server checks in easy read; the answer itself (found or not) is for find_request."""
        if not super().validate(extra_validators):
            return False
        for field in (self.reference, self.code, self.day, self.month, self.year):
            field.data = (field.data or "").strip()[:40]
        self.born = None
        if not self.reference.data:
            self.reference.errors.append(messages.WRITE_REFERENCE)
        parts = [self.day.data, self.month.data, self.year.data]
        if not self.code.data and not any(parts):
            self.code.errors.append(messages.WRITE_CODE_OR_DATE)
        elif not self.code.data:
            error, self.born = _date(parts)
            if error:
                self.day.errors.append(error)
        return not (self.reference.errors or self.code.errors or self.day.errors)


def _date(parts: list[str]):
    if not all(parts):
        return messages.DATE_INCOMPLETE, None
    if not all(part.isascii() and part.isdigit() for part in parts):
        return messages.DATE_NOT_NUMBERS, None
    if len(parts[2]) != 4:
        return messages.YEAR_FOUR_DIGITS, None
    try:
        return None, date(int(parts[2]), int(parts[1]), int(parts[0]))
    except (ValueError, OverflowError):
        return messages.DATE_NOT_REAL, None


def _browser() -> str:
    """A random id for this browser, kept in its session, so tries are counted per browser too."""
    if not isinstance(session.get(BROWSER), str):
        session[BROWSER] = secrets.token_urlsafe(16)
    return session[BROWSER]


def _allowed(reference: str) -> bool:
    config = current_app.config
    window = timedelta(minutes=config["STATUS_WINDOW_MINUTES"])
    return (
        try_once(client_key("status-client"), config["STATUS_TRIES_PER_CLIENT"], window)
        and try_once(hashed_key("status-browser", _browser()), config["STATUS_TRIES_PER_BROWSER"], window)
        and try_once(
            hashed_key("status-reference", normalise_reference(reference)), config["STATUS_TRIES_PER_REFERENCE"], window
        )
    )


@bp.route("/status", methods=["GET", "POST"])
def status():
    form = StatusForm()
    not_found = False
    if form.is_submitted():
        if not _allowed(request.form.get("reference", "")[:40]):
            return render_error(429)
        if form.validate():
            code = normalise_code(form.code.data) if form.code.data else None
            found = find_request(db.session, form.reference.data, code, form.born)
            if found is not None:
                session[FOUND] = found.reference
                return redirect(url_for(".status_result"))
            not_found = True
            form.reference.errors.append(messages.REQUEST_NOT_FOUND)
    return render_template(
        "referrals/status.html", form=form, not_found=not_found, done=request.args.get("done") == "1"
    )


@bp.get("/status/result")
def status_result():
    reference = session.get(FOUND)
    found = by_reference(db.session, reference) if isinstance(reference, str) else None
    if found is None:
        return render_template("referrals/status_none.html")
    return render_template(
        "referrals/status_result.html",
        reference=found.reference,
        stage=stage(found),
        order=ORDER,
        due=found.contact_due_on if found.status == "new" and found.contact_due_on >= clock.today() else None,
        contacts=contacts(taken_by(db.session, found)),
    )


@bp.post("/status/done")
def status_done():
    """Forget the request this browser looked at (on a shared computer)."""
    session.pop(FOUND, None)
    return redirect(url_for(".status", done=1))
