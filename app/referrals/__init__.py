"""Ask for help: the easy-read referral journey and the service layer that saves a referral."""
from flask import Flask


def setup_referrals(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.referrals.routes import bp

    app.register_blueprint(bp)
    not_pages(app, "referrals.reference_audio")
