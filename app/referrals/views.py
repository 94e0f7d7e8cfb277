"""What the journey's pages show, worked out from the draft: where the request goes, the rows of the
check page. Nothing here touches the request."""
from dataclasses import dataclass
from datetime import date

from flask import current_app, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from app.pathways.models import Service
from app.pathways.views import service_name
from app.referrals.routing import goes_to_council
from app.referrals.steps import Step, applicable

SEPARATOR = ", "


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


def _option_labels(step: Step, values) -> str:
    labels = {value: str(label) for value, label, _ in step.options}
    chosen = [labels[v] for v in values or [] if v in labels]
    return SEPARATOR.join(chosen)


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    change_url: str
    spoken: bool  # answer labels from this site are spoken; what the person typed is not


NOTHING = _l("Nothing")
NONE_OF_THESE = _l("None of these")
YES = _l("Yes")
NO = _l("No")
DETAIL_LABELS = {"asker_name": _l("Your name"), "asker_organisation": _l("Name of your team or place of work"),
                 "asker_role": _l("Your job"), "asker_email": _l("Your work email")}


def check_rows(answers: dict, has_plan: bool) -> list[Row]:
    """One row per answer given, each with a Change link that comes back to the check page."""
    rows = []
    for step in applicable(answers, has_plan):
        if step.key not in answers:
            continue
        change = url_for("referrals.question", step_id=step.id, **{"from": "check"})
        value = answers[step.key]
        if step.kind == "details":
            rows += [Row(str(label), answers.get(key) or "", change, False) for key, label in DETAIL_LABELS.items()]
        elif step.kind == "age":
            rows.append(Row(str(_l("Age")), str(value), change, False))
            if answers.get("date_of_birth"):
                born = format_date(date.fromisoformat(answers["date_of_birth"]), "d MMMM y")
                rows.append(Row(str(_l("Date of birth")), born, change, False))
        elif step.kind == "several":
            rows.append(Row(str(step.check_label), _option_labels(step, value) or str(NONE_OF_THESE), change, True))
        elif step.kind == "choice":
            rows.append(Row(str(step.check_label), _option_labels(step, [value]), change, True))
        elif step.kind == "consent":
            rows.append(Row(str(step.check_label), str(YES), change, True))
        elif step.kind == "parent-consent":
            rows.append(Row(str(step.check_label), answers.get("parent_consent_name") or "", change, False))
        elif step.id == "anything-else" and not value:
            rows.append(Row(str(step.check_label), str(NOTHING), change, True))
        else:
            rows.append(Row(str(step.check_label), value, change, False))
    return rows

