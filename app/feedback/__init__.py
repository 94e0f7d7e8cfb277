"""Feedback at key points: a one-use link after a first contact, a job start and an outcome, to an easy-read
journey for the person and a short form for an employer; the answers go to staff and the dashboard."""

from flask import Flask


def setup_feedback(app: Flask) -> None:
    from app.feedback import journey
    from app.feedback.routes import bp
    from app.journeys.loader import symbols_from

    journey.check(symbols_from(app.config["SYMBOL_INDEX"]))
    app.register_blueprint(bp)
