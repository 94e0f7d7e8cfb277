"""Repeat requests to the API cost a few hundred bytes: a weak ETag from the answer itself and the time the
directory last changed, and 304 Not Modified when the caller already has them.

A streamed (ndjson) answer has no body to hash until it is sent, so it carries only Last-Modified.
Last-Modified is the newest `last_modified` of any service: a service that is changed, hidden or added
moves it on. If-None-Match, when sent, is the exact check and wins over If-Modified-Since.
"""

import hashlib
from datetime import UTC, datetime

from flask import Blueprint, Response, request
from sqlalchemy import func, select
from werkzeug.http import is_resource_modified

from app.extensions import db
from app.pathways.models import Service


def directory_changed() -> datetime | None:
    moment = db.session.scalar(select(func.max(Service.last_modified)))
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite keeps no time zone


def setup_api_caching(bp: Blueprint) -> None:
    @bp.after_request
    def add_validators(response):
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.cache_control.public = True
        response.cache_control.no_cache = True  # keep it, but ask each time
        changed = directory_changed()
        if changed is not None:
            response.last_modified = changed
        if response.is_streamed:
            # make_conditional would read the whole stream into memory to count its length.
            if is_resource_modified(request.environ, last_modified=changed):
                return response
            response.close()
            return Response(status=304, headers={"Last-Modified": response.headers.get("Last-Modified", "")})
        response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32], weak=True)
        return response.make_conditional(request)
