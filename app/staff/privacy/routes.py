"""A person's data on their request, for council admins: find everything held about them, read it as a
printable document or download it as JSON (a subject access request), and erase it. Searches are posted,
so what staff type never sits in an address or a server log; pages with personal data are never cached."""

import json

from flask import Response, abort, redirect, render_template, session, url_for
from flask_login import current_user

from app.clock import now
from app.extensions import db
from app.staff.audit.service import record_now
from app.staff.blueprint import bp
from app.staff.permissions import Permission, requires
from app.staff.privacy import service, views
from app.staff.privacy.forms import EraseForm, SearchForm

ERASED = "personal_data_erased"  # the counts of an erasure, shown once on the record's page


def _not_cached(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _record_or_404(reference: str) -> service.Record:
    found = service.record_of(db.session, reference)
    if found is None:
        record_now("not-found", "personal-data", reference)
        abort(404)
    return found


@bp.route("/personal-data", methods=["GET", "POST"])
@requires(Permission.PERSONAL_DATA)
def personal_data():
    form = SearchForm()
    matches, unsent, deleted = None, [], None
    if form.is_submitted():
        valid = form.validate()
        wanted = form.check()
        if valid and wanted:
            matches = service.find(db.session, wanted)
            unsent = service.find_drafts(db.session, wanted)
            record_now(
                "search", "personal-data", None, f"by={','.join(wanted.keys)} found={len(matches)} drafts={len(unsent)}"
            )
            if form.erase_unsent.data == "yes":
                deleted = service.erase_drafts(db.session, unsent, current_user.id, "search")
                unsent = []
    html = render_template(
        "staff/privacy/search.html",
        form=form,
        matches=matches,
        unsent=unsent,
        deleted=deleted,
        key_names=views.KEY_NAMES,
        journey_names=views.JOURNEY_NAMES,
    )
    return _not_cached(Response(html, 400 if form.errors else 200))


@bp.route("/personal-data/<ref:reference>")
@requires(Permission.PERSONAL_DATA)
def person_record(reference: str):
    found = _record_or_404(reference)
    record_now("export", "personal-data", found.reference, "document")
    html = render_template(
        "staff/privacy/record.html",
        record=found,
        counts=found.counts(),
        erased=views.count_words(session.pop(ERASED, None) or {}),
        document_rows=views.document_rows,
        document_plan=views.document_plan,
        draft_rows=views.draft_rows,
        draft_answers=service.draft_answers,
        journey_names=views.JOURNEY_NAMES,
        now=now(),
    )
    return _not_cached(Response(html))


@bp.route("/personal-data/<ref:reference>/export.json")
@requires(Permission.PERSONAL_DATA)
def person_export_json(reference: str):
    found = _record_or_404(reference)
    record_now("export", "personal-data", found.reference, "json")
    return _not_cached(
        Response(
            json.dumps(service.export(found), ensure_ascii=False, indent=2),
            mimetype="application/json",
            headers={"Content-Disposition": f'attachment; filename="personal-data-{found.reference}.json"'},
        )
    )


@bp.route("/personal-data/<ref:reference>/erase", methods=["GET", "POST"])
@requires(Permission.PERSONAL_DATA)
def erase_person(reference: str):
    found = _record_or_404(reference)
    form = EraseForm()
    if form.is_submitted() and found.holds_anything:
        valid = form.validate()
        if form.check(found.reference) and valid:
            counts = service.erase(db.session, found, current_user.id)
            session[ERASED] = counts
            return redirect(url_for("staff.person_record", reference=found.reference))
    html = render_template(
        "staff/privacy/erase.html",
        record=found,
        form=form,
        counts=views.count_words(found.counts()),
        kept=views.kept_labels(),
    )
    return _not_cached(Response(html, 400 if form.errors else 200))
