"""Ask for help: the easy-read referral journey and the service layer that saves a referral."""

from flask import Flask


def setup_referrals(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.journeys.loader import symbols_from
    from app.referrals import journey, sharing_routes, status  # noqa: F401  (their routes join the blueprint)
    from app.referrals.routes import bp

    journey.check(symbols_from(app.config["SYMBOL_INDEX"]))
    app.register_blueprint(bp)
    not_pages(app, "referrals.reference_audio", "referrals.say", "referrals.status_code_audio")
