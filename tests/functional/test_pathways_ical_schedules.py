"""A feed from another council with iCal schedules: it imports, its pages say when in both languages,
and the export and the API give every schedule field back as it came."""

import json
import re

from app.pathways import schema
from tests.functional.test_pathways_pages import text
from tests.pathways_builders import ICAL_FEED as FEED
from tests.pathways_builders import changed, make_record, schedules_of, write_json
from tests.pathways_builders import ical_feed as feed

JOB_CLUB = "b4e7f05e-06e9-5b9d-b41c-a59b32721898"
WORK_SKILLS = "d9a8f144-43ce-5054-a6d5-bd316617ad6c"
LIBRARY_HELP = "255711b7-fe0c-5536-90b7-3d9160a59320"  # no times of its own: the library's opening times


def test_the_feed_is_valid_hsds(app):
    for record in feed():
        assert list(schema.validator().iter_errors(record)) == []


def test_a_feed_with_ical_schedules_imports_and_its_pages_say_when_in_english_and_welsh(runner, client):
    result = runner.invoke(args=["directory", "import", str(FEED)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 services (3 new, 0 updated)" in result.output

    english = text(client.get(f"/services/{JOB_CLUB}", query_string={"lang": "en"}).get_data(as_text=True))
    assert "First and third Wednesday of the month, 10am to 12 noon." in english
    assert "It runs from 1 September 2026 to 31 July 2027." in english
    assert "In person at the library." in english
    assert "The last Friday of the month, 1pm to 3pm." in english

    welsh_page = client.get(f"/services/{JOB_CLUB}", query_string={"lang": "cy"}).get_data(as_text=True)
    welsh = text(welsh_page)
    assert "Dydd Mercher cyntaf a thrydydd dydd Mercher y mis, 10 y bore tan 12 hanner dydd." in welsh
    assert "Mae'n digwydd o 1 Medi 2026 tan 31 Gorffennaf 2027." in welsh
    assert "Dydd Gwener olaf y mis, 1 y prynhawn tan 3 y prynhawn." in welsh
    assert re.search(r'<div lang="en"><div class="row">(?:(?!</div>).)*>In person at the library\.<', welsh_page, re.S)

    english = text(client.get(f"/services/{WORK_SKILLS}", query_string={"lang": "en"}).get_data(as_text=True))
    assert "Every Monday and Thursday, 9:30am to 3pm." in english
    assert "It happens 12 times." in english
    assert "Every other Tuesday." in english
    assert "The first session is on 8 September 2026." in english
    assert "On the 1st and 15th of the month." in english
    assert "Taster weeks in October half term." in english
    welsh = text(client.get(f"/services/{WORK_SKILLS}", query_string={"lang": "cy"}).get_data(as_text=True))
    assert "Bob dydd Llun a dydd Iau, 9:30 y bore tan 3 y prynhawn." in welsh
    assert "Bob yn ail ddydd Mawrth." in welsh
    assert "Ar y 1af a'r 15fed o'r mis." in welsh

    english = text(client.get(f"/services/{LIBRARY_HELP}", query_string={"lang": "en"}).get_data(as_text=True))
    assert "Monday to Saturday, 9am to 5:30pm." in english
    assert "Monday to Saturday, 9am to 5:30pm." not in text(
        client.get(f"/services/{JOB_CLUB}", query_string={"lang": "en"}).get_data(as_text=True)
    )
    welsh = text(client.get(f"/services/{LIBRARY_HELP}", query_string={"lang": "cy"}).get_data(as_text=True))
    assert "Dydd Llun i ddydd Sadwrn, 9 y bore tan 5:30 y prynhawn." in welsh


def test_every_schedule_field_comes_back_unchanged_in_the_export_and_the_api(runner, client, tmp_path):
    runner.invoke(args=["directory", "import", str(FEED)])
    out = tmp_path / "export.json"
    assert runner.invoke(args=["directory", "export", str(out)]).exit_code == 0
    exported = {r["id"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    for record in feed():
        assert schedules_of(record)
        assert schedules_of(exported[record["id"]]) == schedules_of(record)
        from_api = client.get(f"/api/services/{record['id']}").get_json()
        assert schedules_of(from_api) == schedules_of(record)


def test_a_feed_with_one_bad_schedule_or_link_imports_nothing_and_lists_every_problem(app, runner, tmp_path):
    job_club, work_skills, _ = feed()
    bad = [
        changed(job_club, **{"schedules.0.byday": "1WE,9WE", "url": "javascript:alert(1)"}),
        changed(work_skills, **{"schedules.1.until": "2026-13-40", "schedules.0.freq": "DAILY"}),
    ]
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "bad.json", bad))])
    assert result.exit_code == 1
    assert "Nothing was imported. 4 problem(s) to fix first:" in result.output
    assert f"record {JOB_CLUB}, schedules[0].byday: must be days like" in result.output
    assert f"record {JOB_CLUB}, url: must be a web address" in result.output
    assert f"record {WORK_SKILLS}, schedules[1].until: must be a date" in result.output
    assert f"record {WORK_SKILLS}, schedules[0].freq:" in result.output
    assert client_status(app, JOB_CLUB) == 404


def test_a_schedule_id_used_twice_in_a_feed_is_a_problem(runner, tmp_path):
    job_club, work_skills, library_help = feed()
    library_id = job_club["service_at_locations"][0]["location"]["schedules"][0]["id"]
    clash = changed(work_skills, **{"schedules.0.id": library_id})
    result = runner.invoke(
        args=["directory", "import", str(write_json(tmp_path / "clash.json", [job_club, clash, library_help]))]
    )
    assert result.exit_code == 1
    assert f"{library_id} is also the id of another schedule in the file." in result.output


def client_status(app, service_id: str) -> int:
    return app.test_client().get(f"/services/{service_id}").status_code


def test_importing_the_feed_again_replaces_its_schedules_and_a_stored_schedule_id_cannot_move(runner, tmp_path):
    assert runner.invoke(args=["directory", "import", str(FEED)]).exit_code == 0
    again = runner.invoke(args=["directory", "import", str(FEED)])
    assert again.exit_code == 0 and "(0 new, 3 updated)" in again.output, again.output
    library_id = feed()[0]["service_at_locations"][0]["location"]["schedules"][0]["id"]
    taker = make_record(schedules=[{"id": library_id, "freq": "WEEKLY", "byday": "MO"}])
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "taker.json", [taker]))])
    assert result.exit_code == 1
    assert f"schedules[0].id: {library_id} already belongs to another service" in result.output
