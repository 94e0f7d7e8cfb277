"""Conditions are data in a definition; this is the one place they are read.

{step: who, has: professional}         the answer to a step includes a value
{step: contact-ways, has-any: [phone, text]}
{step: age, below: 16}                 the answer is a number under 16
{step: age, outside: service-ages}     the answer is a number outside the (youngest, oldest) a fact holds
{fact: has-plan}                       something the journey's service knows (declared under `facts`)
"""

from collections.abc import Mapping

from app.journeys.model import Journey
from app.journeys.types import STEP_TYPES

KINDS = ("has", "has-any", "below", "outside", "fact")


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
    if "outside" in condition:
        return number is not None and outside(number, (facts or {}).get(condition["outside"]))
    return number is not None and number < condition["below"]


def outside(number: int, ages) -> bool:
    """Whether a number is outside (youngest, oldest); either may be None, and no range holds every number."""
    youngest, oldest = ages if isinstance(ages, (tuple, list)) and len(ages) == 2 else (None, None)
    return (youngest is not None and number < youngest) or (oldest is not None and number > oldest)


def may_hold(condition: dict | None, journey: Journey, answers: Mapping, facts: Mapping | None = None) -> bool:
    """Whether a condition holds, or may still hold because the step it names has no answer yet."""
    if condition is None or "fact" in condition:
        return holds(condition, journey, answers, facts)
    step = journey.steps[condition["step"]]
    if step.key not in answers:
        return may_hold(step.when, journey, answers, facts)  # unknown while the step it names may still be asked
    return holds(condition, journey, answers, facts)


def problems(condition: dict, journey_raw: dict, facts: set[str], types: Mapping) -> list[str]:
    """What is wrong with a condition: a step, answer or fact that does not exist."""
    if "fact" in condition:
        return [] if condition["fact"] in facts else [f"the fact {condition['fact']!r} is not declared under facts"]
    step = next((s for s in journey_raw["steps"] if s["id"] == condition["step"]), None)
    if step is None:
        return [f"the condition names a step {condition['step']!r} that does not exist"]
    kind = types[step["type"]]
    if "below" in condition or "outside" in condition:
        found = [] if kind.numeric else [f"the condition compares {step['id']!r}, which is not a number"]
        if "outside" in condition and condition["outside"] not in facts:
            found.append(f"the fact {condition['outside']!r} is not declared under facts")
        return found
    values = [condition["has"]] if "has" in condition else condition["has-any"]
    allowed = kind.values(step)
    return [
        f"the condition names an answer {v!r} that {step['id']!r} does not have" for v in values if v not in allowed
    ]
