"""Find my way to work: the ladder, the directory of local services, and services for me."""

from flask import Flask


def setup_pathways(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.pathways.api import bp as api_bp
    from app.pathways.cli import directory_cli
    from app.pathways.routes import bp

    app.register_blueprint(bp)
    app.register_blueprint(api_bp)
    not_pages(
        app, "pathways_api.services", "pathways_api.service", "pathways_api.taxonomies", "pathways_api.taxonomy_terms"
    )
    app.cli.add_command(directory_cli)
