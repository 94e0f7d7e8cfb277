"""flask directory import / export: a good file goes in whole, a bad one not at all, and export comes back the same."""

import json

from sqlalchemy import func, select

from app.pathways import schema
from app.pathways.models import Organization, Service
from tests.pathways_builders import DEMO_FILE, changed, demo_records, make_record, write_json
from tests.site import make_app


def count(app, model=Service) -> int:
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            return session.scalar(select(func.count()).select_from(model))


def test_a_good_file_is_imported_and_counted(app, runner, tmp_path):
    records = [make_record(name="First test service"), make_record(name="Second test service")]
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "good.json", records))])
    assert result.exit_code == 0, result.output
    assert "Imported 2 services (2 new, 0 updated), 1 organizations and 1 locations." in result.output
    assert count(app) == 44 + 2


def test_a_page_of_records_imports_like_a_list(app, runner, tmp_path):
    path = write_json(tmp_path / "page.json", {"total_items": 1, "page_number": 1, "contents": [make_record()]})
    assert runner.invoke(args=["directory", "import", str(path)]).exit_code == 0
    assert count(app) == 45


def test_importing_again_updates_by_id(app, client, runner, tmp_path):
    record = make_record(name="Before the change")
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "one.json", [record]))])
    result = runner.invoke(
        args=["directory", "import", str(write_json(tmp_path / "two.json", [changed(record, name="After the change")]))]
    )
    assert "(0 new, 1 updated)" in result.output
    page = client.get(f"/services/{record['id']}").get_data(as_text=True)
    assert "After the change" in page and "Before the change" not in page
    assert count(app) == 45


def test_a_file_with_any_bad_record_imports_nothing_and_lists_every_problem(app, runner, tmp_path):
    good = make_record(name="A good service")
    bad_age = make_record(minimum_age=30, maximum_age=20)
    bad_symbol = changed(make_record(), **{"x_mywaytowork.symbol": "unicorn", "contacts.0.email": 7})
    result = runner.invoke(
        args=["directory", "import", str(write_json(tmp_path / "bad.json", [good, bad_age, bad_symbol]))]
    )
    assert result.exit_code == 1
    assert "Nothing was imported. 3 problem(s) to fix first:" in result.output
    assert f"record {bad_age['id']}, minimum_age: (30) is more than maximum_age (20)." in result.output
    assert f"record {bad_symbol['id']}, x_mywaytowork.symbol:" in result.output
    assert f"record {bad_symbol['id']}, contacts[0].email:" in result.output
    assert "Traceback" not in result.output
    assert count(app) == 44


def test_an_id_that_belongs_to_another_stored_service_is_a_problem(app, runner, tmp_path):
    first = make_record()
    runner.invoke(args=["directory", "import", str(write_json(tmp_path / "first.json", [first]))])
    second = make_record()
    second["contacts"][0]["id"] = first["contacts"][0]["id"]
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "second.json", [second]))])
    assert result.exit_code == 1 and f"already belongs to another service ({first['id']})" in result.output


def test_files_that_cannot_be_read_get_a_clear_message(runner, tmp_path):
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    for path, words in (
        (tmp_path / "missing.json", "There is no file at"),
        (tmp_path / "broken.json", "not valid JSON"),
        (tmp_path, "is a folder"),
    ):
        result = runner.invoke(args=["directory", "import", str(path)])
        assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output


def test_export_writes_valid_hsds_records_that_import_back_to_the_same_data(app, runner, tmp_path):
    runner.invoke(
        args=[
            "directory",
            "import",
            str(write_json(tmp_path / "extra.json", [make_record(), make_record(name="Other")])),
        ]
    )
    first = tmp_path / "first.json"
    result = runner.invoke(args=["directory", "export", str(first)])
    assert result.exit_code == 0 and "Exported 46 services" in result.output
    records = json.loads(first.read_text(encoding="utf-8"))
    for record in records:
        assert list(schema.validator().iter_errors(record)) == []
    other = make_app(tmp_path / "other", DATABASE_URL=f"sqlite:///{tmp_path}/other.db")
    other_runner = other.test_cli_runner()
    other_runner.invoke(args=["directory", "import", str(first)])
    second = tmp_path / "second.json"
    other_runner.invoke(args=["directory", "export", str(second)])
    assert json.loads(second.read_text(encoding="utf-8")) == records


def test_the_demo_file_is_exactly_what_the_exporter_writes(runner, tmp_path):
    path = tmp_path / "demo.json"
    runner.invoke(args=["directory", "export", str(path)])
    assert json.loads(path.read_text(encoding="utf-8")) == demo_records()


def test_export_to_a_place_that_cannot_be_written_says_so(runner, tmp_path):
    result = runner.invoke(args=["directory", "export", str(tmp_path / "no-such-folder" / "out.json")])
    assert result.exit_code == 1 and "cannot be written" in result.output


def test_demo_data_loads_once_through_the_importer(app):
    from demo.cli import load_demo_data

    assert count(app) == len(demo_records()) and count(app, Organization) == 24
    assert not any("Sandbridge" in line for line in load_demo_data(app))
    assert DEMO_FILE.exists()
