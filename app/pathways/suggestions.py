"""Services for me, from the database: the few best at each step, then ranked by the pure rules in rules.py.

The database scores every service with the same weights as rules.py (one pass over the listing
index) and keeps the best few at each step. rules.rank_services then ranks those few and gives
the reasons, so the rules live in one place and the page stays fast with thousands of services.
"""
from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.checklists.profile import MatchProfile
from app.pathways.models import Service
from app.pathways.rules import TEENS_AND_TWENTIES, WEIGHTS, ServiceFacts, StepGroup, group_by_step, rank_services
from app.pathways.search import HIDDEN_STATUSES, has_term
from app.pathways.taxonomies import parse_filter_terms
from app.vocab import AGE_RANGES, KINDS_OF_SUPPORT, KINDS_OF_WORK, SUPPORT_NEEDS


def term_weights(profile: MatchProfile) -> list[tuple[str, str, int]]:
    """(vocabulary, code, weight) for every answer that can match a service, as rules.reasons_for counts them."""
    weights = [("kind-of-support", code, WEIGHTS["try"]) for code in sorted(profile.try_first) if code in KINDS_OF_SUPPORT]
    weights += [("kind-of-support", code, WEIGHTS["help"]) for code in sorted(profile.helps - profile.try_first) if code in KINDS_OF_SUPPORT]
    weights += [("kind-of-work", code, WEIGHTS["interest"]) for code in sorted(profile.interests) if code in KINDS_OF_WORK]
    weights += [("support-need", code, WEIGHTS["need"]) for code in sorted(profile.support_needs) if code in SUPPORT_NEEDS]
    return weights


def _can_use(profile: MatchProfile) -> list:
    """Visible, and the person's age band is not ruled out (rules.fits_age)."""
    conditions = [Service.status.not_in(HIDDEN_STATUSES)]
    if profile.age_band in AGE_RANGES:
        youngest, oldest = AGE_RANGES[profile.age_band]
        conditions += [or_(Service.minimum_age.is_(None), Service.minimum_age <= oldest),
                       or_(Service.maximum_age.is_(None), Service.maximum_age >= youngest)]
    return conditions


def _score(profile: MatchProfile, weights: list[tuple[str, str, int]]):
    """The same sum as rules.rank_services: terms, then age and hours."""
    low, high = TEENS_AND_TWENTIES
    score = sum((case((has_term(key, code), weight), else_=0) for key, code, weight in weights), literal(0))
    if profile.age_band in AGE_RANGES:
        young = and_(Service.maximum_age.is_not(None), Service.maximum_age <= high, func.coalesce(Service.minimum_age, 0) >= low)
        score = score + case((young, WEIGHTS["age"]), else_=0)
    if profile.hours:
        score = score + case((Service.hours == profile.hours, WEIGHTS["hours"]), else_=0)
    return score


def best_at_each_step(session: Session, profile: MatchProfile, per_step: int) -> list[ServiceFacts]:
    """Facts for the best few services at each step (and among those at no step)."""
    weights = term_weights(profile)
    if not weights:
        return []
    matches_an_answer = or_(*(has_term(key, code) for key, code, _ in weights))
    score = _score(profile, weights).label("score")
    place = func.row_number().over(partition_by=Service.ladder_step, order_by=(score.desc(), Service.sort_name, Service.id))
    ranked = select(Service.id, place.label("place")).where(*_can_use(profile), matches_an_answer).subquery()
    best = select(ranked.c.id).where(ranked.c.place <= per_step)
    rows = session.execute(
        select(Service.id, Service.name, Service.ladder_step, Service.minimum_age, Service.maximum_age, Service.hours, Service.filter_terms)
        .where(Service.id.in_(best))
    )
    facts = []
    for service_id, name, step, minimum, maximum, hours, filter_terms in rows:
        terms = parse_filter_terms(filter_terms)
        facts.append(ServiceFacts(service_id, name, step, terms["kind"], terms["work"], terms["need"], minimum, maximum, hours))
    return facts


def lowest_try_step(session: Session, profile: MatchProfile) -> list[str]:
    """The steps that have a service the person wants to try first (rules.start_step picks the lowest)."""
    tries = [has_term("kind-of-support", code) for code in profile.try_first if code in KINDS_OF_SUPPORT]
    if not tries:
        return []
    return list(session.scalars(select(Service.ladder_step).where(*_can_use(profile), or_(*tries)).distinct()))


def suggest(session: Session, profile: MatchProfile, per_step: int = 3) -> list[StepGroup]:
    """Services for me, grouped by step from where the person could start."""
    suggestions = rank_services(profile, best_at_each_step(session, profile, per_step))
    return group_by_step(suggestions, per_step, try_steps=lowest_try_step(session, profile))


def services_by_id(session: Session, ids: list[str]) -> dict[str, Service]:
    return {service.id: service for service in session.scalars(select(Service).where(Service.id.in_(ids)))} if ids else {}
