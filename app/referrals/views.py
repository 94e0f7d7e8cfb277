"""What the journey's pages show, worked out from the draft: where the request goes, the rows of the
check page, and the plan to send. Nothing here touches the request."""
from dataclasses import dataclass, replace

from flask import current_app, url_for
from flask_babel import force_locale

from app.checklists.plan import build_plan
from app.journeys.types import STEP_TYPES, Row
from app.pathways.models import Service
from app.pathways.views import service_name
from app.referrals.journey import applicable


@dataclass(frozen=True)
class Destination:
    """Who the request goes to, as the person should hear it."""
    service: Service | None
    name: str  # the service's name, or the council team's
    routed: bool  # the service needs a worker to refer, so the council's team takes it


def destination(service: Service | None) -> Destination:
    team = current_app.config["COUNCIL_TEAM_NAME"]
    if service is None:
        return Destination(None, team, True)
    return Destination(service, service_name(service), service.self_referral is False)


def check_rows(answers: dict, has_plan: bool) -> list[Row]:
    """One row per answer given, each with a Change link that comes back to the check page."""
    rows = []
    for step in applicable(answers, has_plan):
        if step.key not in answers:
            continue
        change = url_for("referrals.question", step_id=step.id, **{"from": "check"})
        rows += [replace(row, change_url=change) for row in STEP_TYPES[step.type].rows(step, answers)]
    return rows


def plan_snapshot(definitions: dict, answers: dict) -> dict:
    """My work plan as it is now, in plain data, so the referral keeps it after the checklist goes.
    Made in English, like the staff pages; what the person typed stays as they typed it."""
    with force_locale("en"):
        plan = build_plan(definitions, answers)
        return {
            "lang": "en",
            "sections": [{"id": name, "sentences": [{"symbol": s.symbol, "text": str(s.text)} for s in items]}
                         for name, items in plan.sections() if items],
            "filled_by": [str(line) for line in plan.filled_by],
        }
