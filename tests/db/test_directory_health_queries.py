"""The content audit of stored services reads the same on SQLite and PostgreSQL, in batches."""

from datetime import date

from app.migrate import upgrade
from app.pathways import health_records
from app.pathways.health_records import audit_directory, stored_records
from app.pathways.importing import import_records, symbol_concepts
from tests.pathways_builders import make_record, new_id


def test_stored_records_audit_like_the_records_imported(empty_app, monkeypatch):
    upgrade(empty_app)
    monkeypatch.setattr(health_records, "BATCH", 2)  # several batches from 5 services
    records = [
        make_record(name="A full one", assured_date="2026-11-30", email="jobs@example.org", url="https://example.org"),
        make_record(name="B short", description="Jobs.", assured_date="2026-11-30"),
        make_record(name="C no contact", contacts=[{"id": new_id(), "name": "Desk"}], assured_date="2026-11-30"),
        make_record(name="D old", assured_date="2026-01-01", phones=[{"id": new_id(), "number": "call us"}]),
        make_record(name="E no summary", assured_date="2026-11-30"),
    ]
    del records[4]["x_mywaytowork"]
    with empty_app.app_context():
        with empty_app.extensions["database"]["factory"]() as session:
            counts = import_records(session, records, symbol_concepts(empty_app.config["SYMBOL_INDEX"]))
            stored = list(stored_records(session))
            everything = audit_directory(session, today=date(2026, 12, 2))
    assert [record["name"] for record in stored] == ["A full one", "B short", "C no contact", "D old", "E no summary"]
    assert stored[0]["email"] == "jobs@example.org" and stored[0]["contacts"][0]["phones"] == [
        {"number": "01632 960999"}
    ]
    assert [(f.service_name, f.rule) for f in everything] == [
        ("B short", "short-description"),
        ("C no contact", "no-contact"),
        ("D old", "bad-phone"),
        ("D old", "not-checked"),
        ("E no summary", "no-easy-read"),
    ]
    assert {f.rule for f in counts.findings} >= {"short-description", "no-contact", "bad-phone", "no-easy-read"}
