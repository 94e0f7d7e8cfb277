"""Find my way to work: the ladder, the directory of local services, and services for me."""
from flask import Flask


def setup_pathways(app: Flask) -> None:
    from app import demo
    from app.pathways.api import bp as api_bp
    from app.pathways.cli import directory_cli
    from app.pathways.demo import directory_is_empty, load_demo
    from app.pathways.routes import bp

    app.register_blueprint(bp)
    app.register_blueprint(api_bp)
    app.cli.add_command(directory_cli)
    demo.register(load_demo, directory_is_empty)
