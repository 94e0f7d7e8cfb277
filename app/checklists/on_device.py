"""Keep my plan on this phone: the person's choice, remembered for this browser only, that lets the service
worker keep My work plan and its audio. Closing or deleting the checklists takes the plan off the phone."""

from flask import redirect, request, session, url_for

from app.checklists import current as cur
from app.checklists.routes import bp

KEPT_PLAN = "offline_plan"  # the id of the checklists whose plan this browser keeps; nothing else
CLEAR_SITE_DATA = '"cache", "storage"'


def kept_here(found: cur.Current | None) -> bool:
    """Whether the person chose to keep this plan on this browser."""
    return found is not None and session.get(KEPT_PLAN) == found.record.id


def clear_device(response):
    """Forget the choice, and ask the browser to drop everything this site keeps on it (the worker's copies too)."""
    session.pop(KEPT_PLAN, None)
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@bp.post("/plan/keep")
def keep_plan():
    found = cur.current_checklists()
    if found is None:
        return redirect(url_for(".plan"))
    if request.form.get("action") == "stop":
        session.pop(KEPT_PLAN, None)
        return redirect(url_for(".plan", kept=0, _anchor="on-this-phone"))
    session[KEPT_PLAN] = found.record.id
    return redirect(url_for(".plan", kept=1, _anchor="on-this-phone"))
