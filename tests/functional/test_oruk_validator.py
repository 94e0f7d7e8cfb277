"""The API passes a check made the way the Open Referral UK validator makes it (tests/oruk_validator.py):
the version from the root, pages 1, middle and last of every list, ten random ids of each checked against
the profile's schemas, required and optional endpoints graded apart, and an empty feed warned about."""

import pytest

from app import create_app
from app.extensions import db
from app.migrate import upgrade
from app.pathways.importing import import_records, symbol_concepts
from tests.oruk_directory import generate
from tests.oruk_validator import IDS_TO_TEST, validate

GENERATED = 1000  # services; bench/oruk_validator.py checks 10,000
LISTS = ("/services", "/taxonomies", "/taxonomy_terms", "/organizations", "/service_at_locations")


def _directory_app(tmp_path, records):
    app = create_app({"APP_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path}/api.db", "AUDIO_ENABLED": False})
    upgrade(app)
    if records:
        with app.app_context():
            import_records(db.session, records, symbol_concepts(app.config["SYMBOL_INDEX"]))
    return app


def _ids_asked_for(report, path: str) -> list[str]:
    return [r for r in report.requests if r.startswith(path + "/")]


def test_the_demo_directory_passes_with_no_errors_and_no_warnings(client):
    report = validate(client, seed=1)
    assert report.version == "HSDS-UK-3.0"
    assert report.errors == [] and report.warnings == []
    for path in LISTS:
        assert f"{path}?page=1" in report.requests
        assert 0 < len(_ids_asked_for(report, path)) <= IDS_TO_TEST


def test_a_generated_directory_passes_on_its_first_middle_and_last_pages(tmp_path):
    app = _directory_app(tmp_path, generate(GENERATED))
    report = validate(app.test_client(), seed=2)
    assert report.errors == [] and report.warnings == []
    pages = -(-GENERATED // 50)
    for number in (1, pages // 2, pages):
        assert f"/services?page={number}" in report.requests
    assert len(_ids_asked_for(report, "/services")) == IDS_TO_TEST
    assert len(set(_ids_asked_for(report, "/service_at_locations"))) == IDS_TO_TEST


def test_an_empty_directory_is_warned_about_as_an_empty_feed_but_has_no_errors(tmp_path):
    report = validate(_directory_app(tmp_path, []).test_client())
    assert report.errors == []
    assert sorted(path for path, message in report.warnings if message.startswith("EMPTY_FEED")) == sorted(LISTS)
    assert sorted(path for path, message in report.warnings if message.startswith("NO_IDS")) == sorted(
        f"{path}/{{id}}" for path in LISTS
    )


def test_a_service_that_breaks_the_schema_is_an_error(client, monkeypatch):
    from app.pathways.exporting import list_record

    def broken(service):
        return {**list_record(service), "id": "not-a-uuid", "status": None}

    monkeypatch.setattr("app.pathways.api.list_record", broken)
    report = validate(client)
    assert report.errors and all(path.startswith("/services") for path, _ in report.errors)
    assert any("uuid" in message for _, message in report.errors)
    assert any("None is not of type 'string'" in message for _, message in report.errors)


@pytest.mark.parametrize("broken", ["taxonomy_record", "service_at_location_item", "organization_record"])
def test_an_optional_endpoint_that_fails_is_a_warning(client, monkeypatch, broken):
    def fails(_row):
        raise RuntimeError("broken")

    monkeypatch.setattr(f"app.pathways.api.records.{broken}", fails)
    report = validate(client)
    assert report.errors == []
    assert any("Optional endpoint returned non-success status 500" in m for _, m in report.warnings)


def test_a_required_endpoint_that_fails_is_an_error(client, monkeypatch):
    def fails(*_args, **_kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr("app.pathways.api.search.get_service", fails)
    report = validate(client)
    assert report.errors and all(path.startswith("/services/") for path, _ in report.errors)
    assert all("Required endpoint returned non-success status 500" in m for _, m in report.errors)


def test_a_root_that_names_another_version_is_an_error(client, monkeypatch):
    monkeypatch.setattr("app.pathways.api.VERSION", "HSDS-UK-9.9")
    report = validate(client)
    assert report.errors == [("/", "no Open Referral UK description for version 'HSDS-UK-9.9'")]
