"""My Way to Work: an easy-read website for finding a way into paid work."""

import logging

from flask import Flask
from jinja2 import StrictUndefined

from app.config import INSTANCE_DIR, load_config
from app.extensions import babel, csrf, db


def create_app(config_overrides: dict | None = None) -> Flask:
    """Build the app from the environment's settings and any overrides."""
    app = Flask(__name__, instance_path=str(INSTANCE_DIR))
    app.config.update(load_config(config_overrides))
    setup_logging()
    setup_delivery(app)
    setup_extensions(app)
    setup_templates(app)
    setup_blueprints(app)
    setup_cli(app)
    return app


def setup_logging() -> None:
    """One handler on the root logger, set up by us: a library that calls logging.debug() would
    otherwise add its own, and every line would be printed twice."""
    from app import redaction

    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    for handler in root.handlers:  # tokens and codes in addresses never reach a log line
        redaction.install(handler)
    logging.getLogger("werkzeug").addFilter(redaction.RedactSecrets())


def setup_delivery(app: Flask) -> None:
    """Compression, the page cache and ETags, registered first so they run last, on a response every other hook
    has finished."""
    from app.caching import setup_caching
    from app.compression import setup_compression
    from app.pagecache import setup_page_cache

    setup_compression(app)
    setup_page_cache(app)
    setup_caching(app)


def setup_extensions(app: Flask) -> None:
    from app.i18n import select_locale, setup_i18n
    from app.input import setup_input
    from app.security import setup_security

    setup_input(app)
    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    setup_i18n(app)
    setup_security(app)


def setup_templates(app: Flask) -> None:
    from flask_babel import format_date

    from app.assets import asset_url, cache_static_files, preload_fonts
    from app.nation import plan_view

    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["asset_url"] = asset_url
    app.jinja_env.globals["format_date"] = format_date
    app.jinja_env.globals["has_endpoint"] = lambda name: name in app.view_functions
    app.jinja_env.globals["plan_view"] = plan_view
    app.after_request(cache_static_files)
    app.after_request(preload_fonts)


def setup_blueprints(app: Flask) -> None:
    from app.checklists import setup_checklists
    from app.easyread import setup_easyread
    from app.endpoints import not_pages
    from app.errors import setup_errors
    from app.feedback import setup_feedback
    from app.main.routes import bp as main_bp
    from app.offline import setup_offline
    from app.outbox import setup_outbox
    from app.pathways import setup_pathways
    from app.referrals import setup_referrals
    from app.reports.routes import setup_reports
    from app.staff import setup_staff

    app.register_blueprint(main_bp)
    not_pages(app, "static", "main.healthz")
    setup_easyread(app)
    setup_checklists(app)
    setup_pathways(app)
    setup_referrals(app)
    setup_feedback(app)
    setup_reports(app)
    setup_staff(app)
    setup_offline(app)
    setup_outbox(app)
    setup_errors(app)


def setup_cli(app: Flask) -> None:
    from app.cli import db_cli, demo_cli, example_page_paths, translate_cli
    from app.endpoints import set_page_paths
    from app.purge import data_cli

    app.cli.add_command(db_cli)
    app.cli.add_command(translate_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(data_cli)
    set_page_paths(app, example_page_paths)
