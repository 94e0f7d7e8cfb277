"""The person's answer to the link asking them to share their request with the service they were sent on
to. The link's token is kept only as a keyed hash, and works once."""

from flask import redirect, render_template, request, session, url_for

from app.extensions import db
from app.referrals.routes import bp
from app.referrals.sharing import by_token, origin_of, record_answer

ANSWERED = "share_answered"


@bp.route("/share/<token:token>", methods=["GET", "POST"])
def share(token: str):
    found = by_token(db.session, token)
    if found is None:
        return render_template("referrals/share_gone.html"), 404
    answer = request.form.get("answer") if request.method == "POST" else None
    if answer in ("yes", "no"):  # anything else: the question again
        record_answer(db.session, found, answer == "yes", "person")
        session[ANSWERED] = {"service": found.service_name, "agreed": answer == "yes"}
        return redirect(url_for(".share_answered"))
    origin = origin_of(db.session, found)
    return render_template(
        "referrals/share.html", new=found, origin_name=origin.service_name if origin else None, token=token
    )


@bp.get("/share/answered")
def share_answered():
    record = session.get(ANSWERED)
    if not isinstance(record, dict) or not isinstance(record.get("service"), str):
        return render_template("referrals/share_gone.html")
    return render_template("referrals/share_answered.html", service=record["service"], agreed=bool(record["agreed"]))
