"""Offline: a web app manifest, a service worker that keeps visited public pages, the word list and (only when
the person chooses) My work plan, and an easy-read page for when there is no internet. See decision 0027."""

from flask import Flask, request


def offline_signal() -> str:
    """'forget' on the pages that follow closing or deleting the checklists, so the page tells the worker to
    drop a kept plan; the header Clear-Site-Data does the same where browsers support it."""
    forget = (
        request.endpoint == "checklists.deleted"
        or (request.endpoint == "checklists.hub" and request.args.get("closed") == "1")
        or (request.endpoint == "checklists.plan" and request.args.get("kept") == "0")
    )
    return "forget" if forget else ""


def setup_offline(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.offline.routes import bp

    app.register_blueprint(bp)
    not_pages(app, "offline.service_worker", "offline.manifest")
    app.jinja_env.globals["offline_signal"] = offline_signal
