"""The content audit from the command line: after every import, and as `flask directory audit`."""

import json

from sqlalchemy import delete, func, select, update

from app import clock
from app.pathways.health_store import audit_after_import
from app.pathways.models import Service
from tests.pathways_builders import make_record, new_id, write_json


def session_of(app):
    return app.extensions["database"]["factory"]()


def only(app) -> None:
    """An empty directory."""
    with app.app_context(), session_of(app) as session:
        session.execute(delete(Service))
        session.commit()


def fresh(**overrides) -> dict:
    return make_record(**{"assured_date": clock.today().isoformat(), **overrides})


def test_an_import_lists_the_audit_as_warnings_and_still_imports_everything(app, runner, tmp_path):
    # The importer takes a mailto: link as a service's url; the national validator wants a web address.
    weak = fresh(name="Weak test service", description="Jobs.", url="mailto:jobs@example.org")
    path = write_json(tmp_path / "two.json", [fresh(name="Good test service"), weak])
    result = runner.invoke(args=["directory", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 services (2 new, 0 updated)" in result.output
    assert "Content audit: 2 finding(s). They are warnings; nothing was refused." in result.output
    assert "Description too short (short-description, warning)" in result.output
    assert f"Weak test service ({weak['id']}), bad-url: The web address “mailto:jobs@example.org”" in result.output
    assert "Good test service" not in result.output.split("Content audit:")[1]
    with app.app_context(), session_of(app) as session:
        assert session.scalar(select(func.count()).select_from(Service).where(Service.id == weak["id"])) == 1


def test_a_clean_import_says_nothing_about_the_audit(app, runner, tmp_path):
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [fresh()]))])
    assert result.exit_code == 0 and "Content audit" not in result.output


def test_a_long_audit_after_an_import_lists_the_first_twenty(app, runner, tmp_path):
    records = [fresh(name=f"Short {n}", description="Jobs.") for n in range(23)]
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "many.json", records))])
    assert result.output.count(", short-description: ") == 20
    assert "... and 3 more: flask --app wsgi directory audit lists them all." in result.output


def test_the_hook_audits_just_the_services_it_is_given(app, runner, tmp_path):
    weak, other = fresh(description="Jobs."), fresh(description="Cafe.")
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "two.json", [weak, other]))])
    with app.app_context(), session_of(app) as session:
        findings = audit_after_import(session, [weak["id"]])
    assert [(f.service_id, f.rule) for f in findings] == [(weak["id"], "short-description")]


def test_directory_audit_counts_each_rule_and_lists_each_finding(app, runner, tmp_path):
    only(app)
    weak = fresh(name="Weak test service", url="tel:01632960000", phones=[{"id": new_id(), "number": "ring us"}])
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [weak, fresh()]))])
    result = runner.invoke(args=["directory", "audit"])
    assert result.exit_code == 0
    assert "Content audit: 2 finding(s)." in result.output
    assert "     1  Web address does not look right (bad-url, error)" in result.output
    assert "     1  Phone number does not look right (bad-phone, warning)" in result.output
    assert f"Weak test service ({weak['id']}), bad-phone: The phone number “ring us”" in result.output


def test_directory_audit_as_json_and_strict(app, runner, tmp_path):
    only(app)
    weak = fresh()
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [weak]))])
    with app.app_context(), session_of(app) as session:  # stored before the importer checked emails
        session.execute(update(Service).where(Service.id == weak["id"]).values(email="nobody"))
        session.commit()
    result = runner.invoke(args=["directory", "audit", "--json"])
    answer = json.loads(result.output)
    assert result.exit_code == 0
    assert answer["counts"]["bad-email"] == 1 and sum(answer["counts"].values()) == 1
    assert answer["findings"][0] | {"message": ""} == {
        "service_id": weak["id"],
        "service_name": weak["name"],
        "rule": "bad-email",
        "severity": "error",
        "message": "",
    }
    assert runner.invoke(args=["directory", "audit", "--strict"]).exit_code == 1


def test_a_healthy_directory_passes_strict(app, runner, tmp_path):
    only(app)
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [fresh()]))])
    result = runner.invoke(args=["directory", "audit", "--strict"])
    assert result.exit_code == 0, result.output
    assert "No findings: every service passes every check." in result.output


def test_the_date_of_the_last_check_is_kept_and_exported(app, client, runner, tmp_path):
    record = make_record(assured_date="2026-10-01", assurer_email="checker@example.org")
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [record]))])
    exported = client.get(f"/api/services/{record['id']}").get_json()
    assert (exported["assured_date"], exported["assurer_email"]) == ("2026-10-01", "checker@example.org")
