"""Every answer under /api is JSON that any web page may read: errors too, even for paths that do not exist."""

import logging

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.http import HTTP_STATUS_CODES

from app.errors import json_errors_for
from app.pathways.api_params import BadParameter

log = logging.getLogger(__name__)
MESSAGES = {
    404: "There is nothing at this address. The API's paths are listed at /api/openapi.json.",
    405: "This address only answers GET.",
    500: "Something went wrong on our side. Try again in a few minutes.",
}


def json_error(code: int, message: str, **more):
    """A JSON error: its status, a name for it, and a sentence saying what went wrong."""
    name = HTTP_STATUS_CODES.get(code, "error").lower().replace(" ", "_").replace("-", "_")
    return jsonify(status=code, error=name, message=message, **more), code


def _http_error(error: HTTPException):
    code = error.code or 500
    response, _ = json_error(code, MESSAGES.get(code) or error.description or HTTP_STATUS_CODES.get(code, ""))
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response, code


def setup_api_errors(bp: Blueprint) -> None:
    """JSON errors for the blueprint's own views and for any /api path that matches none of them, and CORS."""
    prefix = bp.url_prefix or ""

    def under_api() -> bool:
        return request.path == prefix or request.path.startswith(prefix + "/")

    @bp.errorhandler(BadParameter)
    def bad_parameter(error: BadParameter):
        return json_error(400, str(error), parameter=error.name)

    @bp.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _http_error(error)

    @bp.errorhandler(Exception)
    def unexpected_error(error: Exception):
        # The message can hold what someone sent, so only the type is logged.
        log.error("Unhandled %s in the API", type(error).__name__)
        return json_error(500, MESSAGES[500])

    @bp.record_once
    def json_errors_under_prefix(state):
        json_errors_for(state.app, prefix + "/", _http_error)

    @bp.before_app_request
    def unknown_path():
        # Routing failed before any view or blueprint was chosen, so the site's HTML handlers would answer.
        error = request.routing_exception
        if isinstance(error, NotFound | MethodNotAllowed) and under_api():
            return _http_error(error)
        return None

    @bp.after_app_request
    def allow_any_origin(response):
        if under_api():
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response
