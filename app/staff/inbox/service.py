"""The inbox's work: the referrals a member of staff may see, filtered, a page at a time or as CSV rows."""

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from app.outcomes.ledger import outcomes as outcomes_of
from app.outcomes.rules import Programme
from app.referrals.models import JobStart, Referral
from app.staff.inbox.csv_export import ExportRow
from app.staff.inbox.filters import InboxFilters, apply_filters, parse_filters
from app.staff.paging import Page, page_of
from app.staff.referral.service import staff_names
from app.staff.scope import visible_referrals

NEWEST_FIRST = (Referral.created_at.desc(), Referral.id.desc())


def visible_services(session: Session, user) -> list[tuple[str, str]]:
    """(id, name) of each service that has referrals this member of staff may see, by name."""
    seen = visible_referrals(user).subquery()
    rows = session.execute(select(seen.c.service_id, func.max(seen.c.service_name)).group_by(seen.c.service_id)).all()
    return sorted(((service_id, name) for service_id, name in rows), key=lambda row: row[1].lower())


def filtered(
    session: Session, user, args: Mapping[str, str], today: date
) -> tuple[Select, InboxFilters, list[tuple[str, str]]]:
    """The query for the referrals these address arguments ask for, the filters read, and the services to choose from."""
    services = visible_services(session, user)
    filters = parse_filters(args, {service_id for service_id, _ in services}, user.id)
    return apply_filters(visible_referrals(user), filters, today), filters, services


def referrals_page(session: Session, query: Select, asked: int, size: int) -> Page:
    """One page of the referrals, newest first."""
    return page_of(session, query.order_by(*NEWEST_FIRST), asked, size)


def export_rows(session: Session, query: Select, today: date, programmes: Sequence[Programme] = ()) -> list[ExportRow]:
    """Every referral of the query, newest first, with the reference of the one it was signposted from,
    who is working on it, and the day each programme's outcome was met."""
    origin = aliased(Referral)
    query = (
        query.add_columns(origin.reference)
        .outerjoin(origin, Referral.signposted_from_id == origin.id)
        .options(selectinload(Referral.jobs).selectinload(JobStart.check_ins))
        .order_by(*NEWEST_FIRST)
    )
    found = session.execute(query).all()
    workers = staff_names(session, {referral.assigned_to_id for referral, _ in found})
    rows = []
    for referral, origin_reference in found:
        progress = outcomes_of(referral, programmes, today)
        outcomes = tuple((programme.name, progress[programme.id].met_on) for programme in programmes)
        rows.append(ExportRow(referral, origin_reference, workers.get(referral.assigned_to_id), outcomes))
    return rows
