"""Find my way to work: the ladder, the directory of local services, and services for me."""

from flask import Flask


def setup_pathways(app: Flask) -> None:
    from app.endpoints import not_pages
    from app.pathways.api import bp as api_bp
    from app.pathways.cli import directory_cli
    from app.pathways.routes import bp

    app.register_blueprint(bp)
    app.register_blueprint(api_bp)
    api_endpoints = ("root", "openapi", "services", "service", "taxonomies", "taxonomy", "taxonomy_terms")
    api_endpoints += ("taxonomy_term", "organizations", "organization", "service_at_locations", "service_at_location")
    not_pages(app, *(f"pathways_api.{name}" for name in api_endpoints))
    app.cli.add_command(directory_cli)
