"""Services for me: the rules that decide whether a service fits a person, how well, and why, written once.

The rules read a person's match profile (app/checklists/profile.py):

- Can use: a service fits only if someone in the person's age band may use it: its lowest age is not
  above the band's oldest age, and its highest age is not below the band's youngest (AGE_RANGES).
  With no age band, or one we do not know, no service is ruled out.
- Reasons: each answer a service matches is a reason, worth
      try       6  a kind of help the person wants to try first            (kind-of-support)
      interest  4  a kind of work the person likes                         (kind-of-work)
      help      3  a kind of help that would help them, unless it is a try (kind-of-support)
      need      2  a support need the service is set up for                (support-need)
      age       1  the person gave an age band and the service is for young people: it has
                   a highest age of 25 or less and a lowest age of 14 or more
      hours     1  the service gives the hours a week the person wants
  Only codes in our vocabularies count. Age and hours add to a match but never suggest a service on
  their own: it needs at least one of the first four.
- Score: the sum of the weights of all its reasons. Order: highest score first, then the name as the
  directory sorts it, then the id. Reasons: in the order of the table, codes A to Z within a kind.
- Steps: the person could start at the lowest ladder step with a service they can use and want to try
  first; show that step and every step above it, the best 3 at each. With no such step, every step.
  Services at no step come last, as other help.

RULES holds the table. For one person, `possible_reasons` turns it into every reason they could have,
each with the Condition a service must meet to give it, and `can_use` into the conditions every
suggestion must meet. Each Condition says once, side by side, what it means for a service's facts
(`holds`) and in SQL (`sql`): the database's first pass (app/pathways/suggestions.py) and the ranking
here are both read from these rules. Reasons are codes; app/pathways/reasons.py gives their sentences.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, func, or_

from app.checklists.profile import MatchProfile
from app.pathways.models import Service
from app.pathways.search import has_term
from app.pathways.taxonomies import VOCABULARIES
from app.pathways.text import fold
from app.vocab import AGE_RANGES, LADDER_STEPS

STEP_ORDER = list(LADDER_STEPS)
TEENS_AND_TWENTIES = (14, 25)  # a service limited to ages inside this is set up for young people
PER_STEP = 3


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

    def terms(self, vocabulary: str) -> frozenset[str]:
        """The service's codes in one vocabulary (a VOCABULARIES key)."""
        return {"kind-of-support": self.kinds, "kind-of-work": self.work, "support-need": self.needs}[vocabulary]


@dataclass(frozen=True)
class HasTerm:
    """The service is tagged with this code of a vocabulary."""

    vocabulary: str  # a VOCABULARIES key
    code: str

    def holds(self, service: ServiceFacts) -> bool:
        return self.code in service.terms(self.vocabulary)

    def sql(self):
        return has_term(self.vocabulary, self.code)


@dataclass(frozen=True)
class AgesAllow:
    """Someone aged youngest to oldest may use the service: no lowest age above oldest, no highest below youngest."""

    youngest: int
    oldest: int

    def holds(self, service: ServiceFacts) -> bool:
        too_young = service.minimum_age is not None and service.minimum_age > self.oldest
        too_old = service.maximum_age is not None and service.maximum_age < self.youngest
        return not (too_young or too_old)

    def sql(self):
        return and_(
            or_(Service.minimum_age.is_(None), Service.minimum_age <= self.oldest),
            or_(Service.maximum_age.is_(None), Service.maximum_age >= self.youngest),
        )


@dataclass(frozen=True)
class AgesWithin:
    """The service takes only people aged low to high: it has a highest age, and no lowest age counts as 0."""

    low: int
    high: int

    def holds(self, service: ServiceFacts) -> bool:
        return (
            service.maximum_age is not None
            and service.maximum_age <= self.high
            and (service.minimum_age or 0) >= self.low
        )

    def sql(self):
        return and_(
            Service.maximum_age.is_not(None),
            Service.maximum_age <= self.high,
            func.coalesce(Service.minimum_age, 0) >= self.low,
        )


@dataclass(frozen=True)
class HoursAre:
    """The service gives these hours a week."""

    hours: str  # HOURS id

    def holds(self, service: ServiceFacts) -> bool:
        return service.hours == self.hours

    def sql(self):
        return Service.hours == self.hours


Condition = HasTerm | AgesAllow | AgesWithin | HoursAre


@dataclass(frozen=True)
class Reason:
    kind: str  # a Rule's kind
    term: str  # the vocabulary id it is about (the age band for age)


@dataclass(frozen=True)
class Rule:
    """One kind of reason: what it is worth, whether it can suggest a service alone, and what it asks of one."""

    kind: str
    weight: int
    enough_alone: bool
    conditions: Callable[[MatchProfile], list[tuple[str, Condition]]]  # (term, condition) for one person


def _has_one_of(vocabulary: str, answers: Callable[[MatchProfile], frozenset[str]]):
    """A condition for each of the person's answers in the vocabulary: the service has that term."""
    known = VOCABULARIES[vocabulary].terms
    return lambda profile: [(code, HasTerm(vocabulary, code)) for code in sorted(answers(profile)) if code in known]


def _for_young_people(profile: MatchProfile) -> list[tuple[str, Condition]]:
    return [(profile.age_band, AgesWithin(*TEENS_AND_TWENTIES))] if profile.age_band in AGE_RANGES else []


def _your_hours(profile: MatchProfile) -> list[tuple[str, Condition]]:
    return [(profile.hours, HoursAre(profile.hours))] if profile.hours else []


RULES = (
    Rule("try", 6, True, _has_one_of("kind-of-support", lambda p: p.try_first)),
    Rule("interest", 4, True, _has_one_of("kind-of-work", lambda p: p.interests)),
    Rule("help", 3, True, _has_one_of("kind-of-support", lambda p: p.helps - p.try_first)),
    Rule("need", 2, True, _has_one_of("support-need", lambda p: p.support_needs)),
    Rule("age", 1, False, _for_young_people),
    Rule("hours", 1, False, _your_hours),
)
WEIGHTS = {rule.kind: rule.weight for rule in RULES}
ENOUGH_ALONE = frozenset(rule.kind for rule in RULES if rule.enough_alone)
START = "try"  # the kind of reason that says where on the ladder the person could start


def can_use(profile: MatchProfile) -> list[Condition]:
    """What every service suggested to the person must meet: their age band is not ruled out."""
    return [AgesAllow(*AGE_RANGES[profile.age_band])] if profile.age_band in AGE_RANGES else []


def possible_reasons(profile: MatchProfile) -> list[tuple[Reason, Condition]]:
    """Every reason the person could have for a service, most important first, each with what the service must meet."""
    return [(Reason(rule.kind, term), condition) for rule in RULES for term, condition in rule.conditions(profile)]


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
    return all(condition.holds(service) for condition in can_use(profile))


def reasons_for(profile: MatchProfile, service: ServiceFacts) -> tuple[Reason, ...]:
    """Why the service suits the person, most important first."""
    return tuple(reason for reason, condition in possible_reasons(profile) if condition.holds(service))


def rank_services(profile: MatchProfile, services: list[ServiceFacts]) -> list[Suggestion]:
    """The services that suit the person, best first; none that their age rules out, none that match no answer."""
    suggestions = []
    for service in services:
        if not fits_age(profile, service):
            continue
        reasons = reasons_for(profile, service)
        if any(reason.kind in ENOUGH_ALONE for reason in reasons):
            suggestions.append(Suggestion(service, sum(WEIGHTS[reason.kind] for reason in reasons), reasons))
    return sorted(suggestions, key=lambda s: (-s.score, sort_key(s.service.name), s.service.id))


def sort_key(name: str) -> str:
    """Names in the order the directory lists them (the database keeps the same key)."""
    return fold(name)[:255]


def start_step(suggestions: list[Suggestion], try_steps: list[str] | None = None) -> str | None:
    """Where the person could start: the lowest step with a service they want to try first.

    try_steps: those steps, when they are known from more services than the suggestions hold."""
    if try_steps is None:
        try_steps = [s.service.step for s in suggestions if any(r.kind == START for r in s.reasons)]
    steps = [step for step in try_steps if step in STEP_ORDER]
    return min(steps, key=STEP_ORDER.index) if steps else None


def group_by_step(
    suggestions: list[Suggestion], per_step: int = PER_STEP, try_steps: list[str] | None = None
) -> list[StepGroup]:
    """The best few at the starting step and at every step above it; all steps when there is no start."""
    start = start_step(suggestions, try_steps)
    steps = STEP_ORDER[STEP_ORDER.index(start) :] if start else STEP_ORDER
    groups = [
        StepGroup(step, tuple(s for s in suggestions if s.service.step == step)[:per_step], step == start)
        for step in steps
    ]
    others = tuple(s for s in suggestions if s.service.step not in STEP_ORDER)[:per_step]
    if others:
        groups.append(StepGroup(None, others, False))
    return groups
