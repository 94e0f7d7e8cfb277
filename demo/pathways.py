"""The demo local offer of Sandbridge, a made-up council area: loaded through the same importer as real data."""

from pathlib import Path

from flask import Flask
from sqlalchemy import select

from app.pathways.importing import import_file, symbol_concepts
from app.pathways.models import Service

DEMO_FILE = Path(__file__).resolve().parent / "sandbridge.json"


def load_demo(app: Flask) -> str:
    with app.app_context():
        factory = app.extensions["database"]["factory"]
        with factory() as session:
            counts = import_file(session, DEMO_FILE, symbol_concepts(app.config["SYMBOL_INDEX"]))
    return f"Demo directory (Sandbridge): {counts}"


def directory_is_empty(app: Flask) -> bool:
    with app.app_context():
        factory = app.extensions["database"]["factory"]
        with factory() as session:
            return session.scalar(select(Service.id).limit(1)) is None
