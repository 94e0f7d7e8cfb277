"""`format=ndjson`: every record a list finds, one JSON object a line, with no pages, in constant memory.

The ids come from one query read a batch at a time (a server-side cursor on PostgreSQL); each batch's
records are then loaded whole, written out and forgotten (the session lets go of them) before the next
batch is read, so 10,000 services cost no more memory than a few hundred.
"""

from collections.abc import Callable, Iterator, Sequence

from flask import Response, current_app, stream_with_context
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

BATCH = 200  # records loaded at a time
MIMETYPE = "application/x-ndjson"


def lines(session: Session, query: Select, order: tuple, record: Callable, options: Sequence = ()) -> Iterator[str]:
    dumps = current_app.json.dumps
    entity = query.column_descriptions[0]["entity"]
    ids = session.execute(query.with_only_columns(entity.id).order_by(*order).execution_options(yield_per=BATCH))
    try:
        for batch in ids.partitions():
            wanted = [row[0] for row in batch]
            loaded = {
                row.id: row for row in session.scalars(select(entity).where(entity.id.in_(wanted)).options(*options))
            }
            yield "".join(dumps(record(loaded[i]), separators=(",", ":")) + "\n" for i in wanted if i in loaded)
            loaded.clear()
            session.expunge_all()  # a read-only answer: let go of the records sent
    finally:
        ids.close()
        # The request's own teardown closed this session before the stream began; reading reopened it, so it
        # is closed again here, or its connection stays checked out until the garbage collector finds it.
        session.close()


def ndjson(session: Session, query: Select, order: tuple, record: Callable, options: Sequence = ()) -> Response:
    """A streamed answer: the query's rows in order, each as its record."""
    return Response(stream_with_context(lines(session, query, order, record, options)), mimetype=MIMETYPE)
