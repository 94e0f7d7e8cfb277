"""What the journey's pages show, worked out from the draft: where the request goes, the rows of the
check page. Nothing here touches the request."""

from dataclasses import dataclass, replace

from flask import current_app, url_for

from app.journeys.types import STEP_TYPES, Row
from app.pathways.models import Service
from app.pathways.views import service_name
from app.referrals.journey import applicable, voice
from app.referrals.routing import goes_to_council


@dataclass(frozen=True)
class Destination:
    """Who the request goes to, as the person should hear it."""

    service: Service | None
    name: str  # the service's name, or the council team's
    routed: bool  # the service needs a worker to refer, so the council's team takes it


def destination(service: Service | None) -> Destination:
    """Who the request goes to, by the one routing rule (app.referrals.routing)."""
    if service is None:
        return Destination(None, current_app.config["COUNCIL_TEAM_NAME"], goes_to_council(None))
    return Destination(service, service_name(service), goes_to_council(service))


def check_rows(answers: dict, known: dict) -> list[Row]:
    """One row per answer given, in the voice of whoever is answering, each with a Change link that comes
    back to the check page."""
    rows, speaking = [], voice(answers)
    for step in applicable(answers, known):
        if step.key not in answers:
            continue
        change = url_for("referrals.question", step_id=step.id, **{"from": "check"})
        rows += [replace(row, change_url=change) for row in STEP_TYPES[step.type].rows(step, answers, speaking)]
    return rows
