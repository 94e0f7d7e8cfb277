"""Stored directory health findings equal a fresh audit, on SQLite and PostgreSQL: generated directories are
imported, edited and cut down, and the staff page's counts and pages read from the stored rows are what
auditing every service again finds, today and on later days, with no new audit."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, update

from app.migrate import upgrade
from app.pathways.health import counts
from app.pathways.health_records import audit_directory
from app.pathways.health_store import refresh_findings, store_directory
from app.pathways.importing import import_records, symbol_concepts
from app.pathways.models import Service
from app.staff.directory_health.service import HealthFilters, directory_health
from tests.db.test_input_properties import CHECKED
from tests.pathways_builders import make_record, new_id

TODAY = date(2026, 12, 2)
DAYS = [TODAY, TODAY + timedelta(days=30), TODAY + timedelta(days=400)]

service = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Café jobs", "cafe jobs", "Garden work", "Áble", "zoo", "Job club"]),
        "description": st.sampled_from(["Jobs.", "A test service. It helps people into work.", ""]),
        "url": st.sampled_from([None, "https://example.org", "mailto:jobs@example.org"]),
        "phone": st.sampled_from(["01632 960999", "ring us"]),
        "contacts": st.booleans(),
        "assured_date": st.sampled_from([None, "not a date", "2026-11-30", "2026-10-15", "2026-09-02", "2025-01-01"]),
        "step": st.booleans(),
        "summary": st.booleans(),
    }
)


def record_of(drawn: dict) -> dict:
    record = make_record(name=drawn["name"], description=drawn["description"])
    if drawn["assured_date"]:
        record["assured_date"] = drawn["assured_date"]
    if drawn["url"]:
        record["url"] = drawn["url"]
    record["phones"] = [{"id": new_id(), "number": drawn["phone"]}]
    if not drawn["contacts"]:
        record["contacts"] = []
    if not drawn["step"]:
        record["attributes"] = [a for a in record["attributes"] if "ladder" not in str(a["taxonomy_term"])]
    if not drawn["summary"]:
        del record["x_mywaytowork"]
    return record


@pytest.fixture
def directory(empty_app):
    upgrade(empty_app)
    with empty_app.app_context():
        yield empty_app


def page_of_everything(session, today: date, rule: str | None = None) -> list[tuple[str, str, str]]:
    shown, number = [], 1
    while True:
        health = directory_health(session, HealthFilters(rule=rule, page=number), 7, today=today)
        shown += [(f.service_id, f.rule, f.message) for f in health.findings.items]
        if number >= health.findings.pages:
            return shown
        number += 1


def same_as_a_fresh_audit(session) -> None:
    for today in DAYS:
        fresh = audit_directory(session, today=today)
        health = directory_health(session, HealthFilters(), 7, today=today)
        assert health.counts == counts(fresh) and health.not_audited == 0
        assert health.services == len({f.service_id for f in fresh})
        assert page_of_everything(session, today) == [(f.service_id, f.rule, f.message) for f in fresh]
        assert page_of_everything(session, today, "not-checked") == [
            (f.service_id, f.rule, f.message) for f in fresh if f.rule == "not-checked"
        ]


@CHECKED
@given(
    services=st.lists(service, min_size=1, max_size=12),
    edits=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["email", "name", "url", "remove"])), max_size=4),
)
def test_stored_findings_are_what_a_fresh_audit_finds(directory, monkeypatch, services, edits):
    monkeypatch.setattr("app.clock.today", lambda: TODAY)
    factory = directory.extensions["database"]["factory"]
    with factory() as session:
        session.execute(delete(Service))
        session.commit()
        records = [record_of(drawn) for drawn in services]
        import_records(session, records, symbol_concepts(directory.config["SYMBOL_INDEX"]))
        same_as_a_fresh_audit(session)
        for position, edit in edits:  # as staff edits do: the change and its findings in one transaction
            service_id = records[position % len(records)]["id"]
            change = update(Service).where(Service.id == service_id)
            if edit == "remove":
                session.execute(delete(Service).where(Service.id == service_id))
            else:
                values = {"email": "jobs at example", "name": "Aaa renamed", "url": "tel:01632960000"}
                session.execute(change.values(**{edit: values[edit]}))
                if edit == "name":
                    session.execute(change.values(sort_name="aaa renamed"))
            refresh_findings(session, [service_id])
            session.commit()
        same_as_a_fresh_audit(session)
        store_directory(session)
        same_as_a_fresh_audit(session)
