"""Services for me: rank services by what a person told us, with the reasons, grouped by ladder step.

Pure functions: plain facts about services in, suggestions out. The reasons are codes; the page turns
them into easy-read sentences ("Because you said you like animals.").
"""
from dataclasses import dataclass

from app.checklists.profile import MatchProfile
from app.pathways.text import fold
from app.vocab import AGE_RANGES, LADDER_STEPS

# How much each kind of match counts. What a person wants to try first matters most.
WEIGHTS = {"try": 6, "interest": 4, "help": 3, "need": 2, "age": 1, "hours": 1}
# Age and hours add to a match, but are not a reason to suggest a service on their own.
TERM_REASONS = {"try", "interest", "help", "need"}
STEP_ORDER = list(LADDER_STEPS)
TEENS_AND_TWENTIES = (14, 25)  # a service limited to ages inside this is set up for young people


@dataclass(frozen=True)
class ServiceFacts:
    """What the rules need to know about one service."""

    id: str
    name: str
    step: str | None = None
    kinds: frozenset[str] = frozenset()  # KINDS_OF_SUPPORT ids
    work: frozenset[str] = frozenset()  # KINDS_OF_WORK ids
    needs: frozenset[str] = frozenset()  # SUPPORT_NEEDS ids
    minimum_age: int | None = None
    maximum_age: int | None = None
    hours: str | None = None  # HOURS id


@dataclass(frozen=True)
class Reason:
    kind: str  # a key of WEIGHTS
    term: str  # the vocabulary id it is about ("" for age)


@dataclass(frozen=True)
class Suggestion:
    service: ServiceFacts
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class StepGroup:
    step: str | None
    suggestions: tuple[Suggestion, ...]
    is_start: bool


def fits_age(profile: MatchProfile, service: ServiceFacts) -> bool:
    """Can someone in the person's age band use the service at all?"""
    if profile.age_band not in AGE_RANGES:
        return True
    youngest, oldest = AGE_RANGES[profile.age_band]
    too_young = service.minimum_age is not None and oldest < service.minimum_age
    too_old = service.maximum_age is not None and youngest > service.maximum_age
    return not (too_young or too_old)


def reasons_for(profile: MatchProfile, service: ServiceFacts) -> tuple[Reason, ...]:
    """Why the service suits the person, most important first."""
    reasons = [Reason("try", kind) for kind in sorted(profile.try_first & service.kinds)]
    reasons += [Reason("interest", work) for work in sorted(profile.interests & service.work)]
    reasons += [Reason("help", kind) for kind in sorted((profile.helps & service.kinds) - profile.try_first)]
    reasons += [Reason("need", need) for need in sorted(profile.support_needs & service.needs)]
    if profile.age_band in AGE_RANGES and _for_young_people(service):
        reasons.append(Reason("age", profile.age_band))
    if profile.hours and profile.hours == service.hours:
        reasons.append(Reason("hours", profile.hours))
    return tuple(reasons)


def _for_young_people(service: ServiceFacts) -> bool:
    low, high = TEENS_AND_TWENTIES
    return service.maximum_age is not None and service.maximum_age <= high and (service.minimum_age or 0) >= low


def rank_services(profile: MatchProfile, services: list[ServiceFacts]) -> list[Suggestion]:
    """The services that suit the person, best first; none that their age rules out, none that match no answer."""
    suggestions = []
    for service in services:
        if not fits_age(profile, service):
            continue
        reasons = reasons_for(profile, service)
        if any(reason.kind in TERM_REASONS for reason in reasons):
            score = sum(WEIGHTS[reason.kind] for reason in reasons)
            suggestions.append(Suggestion(service, score, reasons))
    return sorted(suggestions, key=lambda s: (-s.score, sort_key(s.service.name), s.service.id))


def sort_key(name: str) -> str:
    """Names in the order the directory lists them (the database keeps the same key)."""
    return fold(name)[:255]


def start_step(suggestions: list[Suggestion], try_steps: list[str] | None = None) -> str | None:
    """Where the person could start: the lowest step with a service they want to try first.

    try_steps: those steps, when they are known from more services than the suggestions hold."""
    if try_steps is None:
        try_steps = [s.service.step for s in suggestions if any(r.kind == "try" for r in s.reasons)]
    steps = [step for step in try_steps if step in STEP_ORDER]
    return min(steps, key=STEP_ORDER.index) if steps else None


def group_by_step(suggestions: list[Suggestion], per_step: int = 3, try_steps: list[str] | None = None) -> list[StepGroup]:
    """The best few at the starting step and at every step above it; all steps when there is no start."""
    start = start_step(suggestions, try_steps)
    steps = STEP_ORDER[STEP_ORDER.index(start):] if start else STEP_ORDER
    groups = [
        StepGroup(step, tuple(s for s in suggestions if s.service.step == step)[:per_step], step == start)
        for step in steps
    ]
    others = tuple(s for s in suggestions if s.service.step not in STEP_ORDER)[:per_step]
    if others:
        groups.append(StepGroup(None, others, False))
    return groups
