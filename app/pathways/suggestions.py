"""Services for me, from the database: the few best at each step, then ranked by the rules in rules.py.

The database scores every service it may list with the rules' own conditions and weights (one pass over
the listing index) and keeps the best few at each step; rules.rank_services then ranks those few and
gives the reasons. Nothing here decides what fits: it only turns the rules into SQL, so the page stays
fast with thousands of services.
"""

from sqlalchemy import case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.checklists.profile import MatchProfile
from app.pathways.models import Service
from app.pathways.rules import (
    ENOUGH_ALONE,
    PER_STEP,
    START,
    WEIGHTS,
    ServiceFacts,
    StepGroup,
    can_use,
    group_by_step,
    possible_reasons,
    rank_services,
)
from app.pathways.search import HIDDEN_STATUSES
from app.pathways.taxonomies import parse_filter_terms


def _listed(profile: MatchProfile) -> list:
    """The directory lists the service, and the person can use it (rules.can_use)."""
    return [Service.status.not_in(HIDDEN_STATUSES), *(condition.sql() for condition in can_use(profile))]


def best_at_each_step(session: Session, profile: MatchProfile, per_step: int) -> list[ServiceFacts]:
    """Facts for the best few services at each step (and among those at no step), by the rules' score."""
    possible = possible_reasons(profile)
    enough = [condition.sql() for reason, condition in possible if reason.kind in ENOUGH_ALONE]
    if not enough:
        return []
    score = sum((case((condition.sql(), WEIGHTS[reason.kind]), else_=0) for reason, condition in possible), literal(0))
    # the order of rules.rank_services: Service.sort_name is rules.sort_key of the name
    place = func.row_number().over(
        partition_by=Service.ladder_step, order_by=(score.desc(), Service.sort_name, Service.id)
    )
    ranked = select(Service.id, place.label("place")).where(*_listed(profile), or_(*enough)).subquery()
    best = select(ranked.c.id).where(ranked.c.place <= per_step)
    rows = session.execute(
        select(
            Service.id,
            Service.name,
            Service.ladder_step,
            Service.minimum_age,
            Service.maximum_age,
            Service.hours,
            Service.filter_terms,
        ).where(Service.id.in_(best))
    )
    facts = []
    for service_id, name, step, minimum, maximum, hours, filter_terms in rows:
        terms = parse_filter_terms(filter_terms)
        facts.append(
            ServiceFacts(service_id, name, step, terms["kind"], terms["work"], terms["need"], minimum, maximum, hours)
        )
    return facts


def start_steps(session: Session, profile: MatchProfile) -> list[str]:
    """The steps with a service the person can use and wants to try first (rules.start_step picks the lowest)."""
    tries = [condition.sql() for reason, condition in possible_reasons(profile) if reason.kind == START]
    if not tries:
        return []
    return list(session.scalars(select(Service.ladder_step).where(*_listed(profile), or_(*tries)).distinct()))


def suggest(session: Session, profile: MatchProfile, per_step: int = PER_STEP) -> list[StepGroup]:
    """Services for me, grouped by step from where the person could start."""
    suggestions = rank_services(profile, best_at_each_step(session, profile, per_step))
    return group_by_step(suggestions, per_step, try_steps=start_steps(session, profile))


def services_by_id(session: Session, ids: list[str]) -> dict[str, Service]:
    return (
        {service.id: service for service in session.scalars(select(Service).where(Service.id.in_(ids)))} if ids else {}
    )
