"""A page of rows from a query: the staff lists (inbox, audit trail, outbox) show a page at a time."""

from dataclasses import dataclass
from math import ceil

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Page:
    items: list
    number: int  # 1 for the first page
    pages: int
    total: int  # rows on every page together
    size: int  # rows a page

    @property
    def first(self) -> int:
        """The place of the first row on this page, counting from 1 (0 when there are none)."""
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last(self) -> int:
        return (self.number - 1) * self.size + len(self.items)


def page_of(session: Session, query: Select, asked: int, size: int, total: int | None = None) -> Page:
    """The asked-for page of an ordered query (the last page when asked for one past it). A total already
    known saves counting; a query of one entity gives the entities, otherwise rows."""
    if total is None:
        total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    pages = max(1, ceil(total / size))
    number = min(max(asked, 1), pages)
    result = session.execute(query.limit(size).offset((number - 1) * size))
    items = result.scalars().all() if len(query.column_descriptions) == 1 else result.all()
    return Page(list(items), number, pages, total, size)
