"""`format=ndjson`: every record a list finds, one JSON object a line, with no pages, in constant memory.

Rows come from the database a batch at a time (a server-side cursor on PostgreSQL) and each is written
out and forgotten before the next batch is read, so 10,000 services cost no more memory than 200.
"""

from collections.abc import Callable, Iterator

from flask import Response, current_app, stream_with_context
from sqlalchemy import Select
from sqlalchemy.orm import Session

BATCH = 200  # rows read from the database at a time
MIMETYPE = "application/x-ndjson"


def lines(session: Session, query: Select, order: tuple, record: Callable) -> Iterator[str]:
    dumps = current_app.json.dumps
    rows = session.scalars(query.order_by(*order).execution_options(yield_per=BATCH))
    try:
        for row in rows:
            yield dumps(record(row), separators=(",", ":")) + "\n"
    finally:
        rows.close()


def ndjson(session: Session, query: Select, order: tuple, record: Callable) -> Response:
    """A streamed answer: the query's rows in order, each as its record."""
    return Response(stream_with_context(lines(session, query, order, record)), mimetype=MIMETYPE)
