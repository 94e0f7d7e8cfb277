"""Conditions are data in a definition; this is the one place they are read.

{step: who, has: professional}         the answer to a step includes a value
{step: contact-ways, has-any: [phone, text]}
{step: age, below: 16}                 the answer is a number under 16
{fact: has-plan}                       something the journey's service knows (declared under `facts`)
"""

from collections.abc import Mapping

from app.journeys.model import Journey
from app.journeys.types import STEP_TYPES

KINDS = ("has", "has-any", "below", "fact")


def holds(condition: dict | None, journey: Journey, answers: Mapping, facts: Mapping | None = None) -> bool:
    """Whether a condition holds for these answers; no condition always holds."""
    if condition is None:
        return True
    if "fact" in condition:
        return bool((facts or {}).get(condition["fact"]))
    step = journey.steps[condition["step"]]
    if step.key not in answers:
        return False
    kind = STEP_TYPES[step.type]
    value = answers[step.key]
    if "has" in condition:
        return condition["has"] in kind.chosen(step, value)
    if "has-any" in condition:
        return bool(set(condition["has-any"]) & kind.chosen(step, value))
    number = kind.number(step, value)
    return number is not None and number < condition["below"]


def problems(condition: dict, journey_raw: dict, facts: set[str], types: Mapping) -> list[str]:
    """What is wrong with a condition: a step, answer or fact that does not exist."""
    if "fact" in condition:
        return [] if condition["fact"] in facts else [f"the fact {condition['fact']!r} is not declared under facts"]
    step = next((s for s in journey_raw["steps"] if s["id"] == condition["step"]), None)
    if step is None:
        return [f"the condition names a step {condition['step']!r} that does not exist"]
    kind = types[step["type"]]
    if "below" in condition:
        return [] if kind.numeric else [f"the condition compares {step['id']!r}, which is not a number"]
    values = [condition["has"]] if "has" in condition else condition["has-any"]
    allowed = kind.values(step)
    return [
        f"the condition names an answer {v!r} that {step['id']!r} does not have" for v in values if v not in allowed
    ]
