"""Directory health findings are stored and refreshed for exactly the services that change: an import, a pull,
every staff edit; a removed service keeps none; a finding about a date appears when the day comes, with no
new audit; services never audited are audited by the page a batch at a time, and it says how many are left."""

import html
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, or_, select

from app import clock
from app.pathways.extension import KEY
from app.pathways.health import counts
from app.pathways.health_records import audit_directory
from app.pathways.models import HealthChecked, HealthFinding, Service
from app.staff.directory_health import service as health_page
from demo.pages.staff import DEMO_EASY_READ_SERVICE as SERVICE
from tests.oruk_feed_server import Feed, FeedServer
from tests.pathways_builders import make_record, write_json
from tests.site import sign_in_as
from tests.staff_builders import session_for

DETAILS = f"/staff/directory/{SERVICE}/details"
WORDS = f"/staff/directory/{SERVICE}/easy-read"


def stored(app, service_id: str | None = None, today: date | None = None) -> list[tuple[str, str, str]]:
    """The stored findings (service, rule, message) that apply today, of one service or all, in the page's order."""
    today = today or clock.today()
    with session_for(app) as session:
        query = (
            select(HealthFinding.service_id, HealthFinding.rule, HealthFinding.message)
            .where(or_(HealthFinding.starts.is_(None), HealthFinding.starts <= today))
            .order_by(HealthFinding.sort_name, HealthFinding.service_id, HealthFinding.position)
        )
        if service_id:
            query = query.where(HealthFinding.service_id == service_id)
        return [tuple(row) for row in session.execute(query)]


def recomputed(app, service_id: str | None = None, today: date | None = None) -> list[tuple[str, str, str]]:
    with session_for(app) as session:
        found = audit_directory(session, today=today, ids=[service_id] if service_id else None)
        return [(f.service_id, f.rule, f.message) for f in found]


def worked_out_at(app, service_id: str) -> datetime | None:
    with session_for(app) as session:
        moment = session.scalar(select(HealthChecked.worked_out_at).where(HealthChecked.service_id == service_id))
        return clock.aware(moment) if moment else None


def csrf(client, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def details_form(client, **changes) -> dict:
    page = client.get(DETAILS).get_data(as_text=True)
    data = {"csrf_token": csrf(client, DETAILS)}
    for name in ("name", "name_cy", "email", "url", "phone", "minimum_age", "maximum_age"):
        data[name] = html.unescape(re.search(rf'name="{name}" type="text" value="([^"]*)"', page).group(1))
    for name in ("description", "description_cy", "eligibility_description"):
        data[name] = html.unescape(re.search(rf'name="{name}"[^>]*>([^<]*)</textarea>', page).group(1))
    return {**data, **changes}


def fresh(**overrides) -> dict:
    return make_record(**{"assured_date": clock.today().isoformat(), **overrides})


def import_records(runner, tmp_path, records, name="records.json") -> None:
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / name, records))])
    assert result.exit_code == 0, result.output


def test_the_demo_data_is_stored_as_a_fresh_audit_finds_it(app, admin):
    assert stored(app) and stored(app) == recomputed(app)
    with session_for(app) as session:
        shown = health_page.directory_health(session, health_page.HealthFilters(), 50)
        assert shown.counts == counts(audit_directory(session)) and shown.not_audited == 0
    page = admin.get("/staff/directory-health").get_data(as_text=True)
    assert f"{len({service_id for service_id, *_ in stored(app)})} of the services have something to fix." in page


def test_a_staff_edit_of_the_details_stores_that_service_s_findings_again(app, client, moment):
    sign_in_as(client, "directory-editor")
    other = next(service_id for service_id, *_ in stored(app) if service_id != SERVICE)
    others_before = (stored(app, other), worked_out_at(app, other))
    moment.pass_(minutes=5)
    assert client.post(DETAILS, data=details_form(client, description="Jobs for you.")).status_code == 302
    assert "short-description" in [rule for _, rule, _ in stored(app, SERVICE)]
    assert stored(app, SERVICE) == recomputed(app, SERVICE)
    assert worked_out_at(app, SERVICE) == moment.at
    assert (stored(app, other), worked_out_at(app, other)) == others_before
    long = "A job coach helps you find a paid job and keep it."
    assert client.post(DETAILS, data=details_form(client, description=long)).status_code == 302
    assert "short-description" not in [rule for _, rule, _ in stored(app, SERVICE)]


def test_the_easy_read_review_stores_findings_again_as_the_step_and_words_change(app, client, moment):
    sign_in_as(client, "directory-editor")
    data = {
        "summary_en": "You get a job coach. They help you find a paid job.",
        "summary_cy": "Rydych chi'n cael hyfforddwr swydd. Maen nhw'n eich helpu i gael swydd â thâl.",
        "who_for_en": "People aged 18 or over.",
        "who_for_cy": "Pobl 18 oed neu hŷn.",
        "symbol": "job-coach",
        "step": "",
        "kinds": ["job-coaching"],
        "action": "save",
        "csrf_token": csrf(client, WORDS),
    }
    moment.pass_(minutes=5)
    assert client.post(WORDS, data=data).status_code == 302
    assert ("ladder-step", "The service has no step on the ladder") in [
        (rule, message[:37]) for _, rule, message in stored(app, SERVICE)
    ]
    assert worked_out_at(app, SERVICE) == moment.at
    assert stored(app, SERVICE) == recomputed(app, SERVICE)


def test_saving_a_service_s_times_works_its_findings_out_again(app, client, moment):
    sign_in_as(client, "directory-editor")
    times = f"/staff/directory/{SERVICE}/times"
    moment.pass_(minutes=5)
    response = client.post(times, data={"csrf_token": csrf(client, times), "opens_MO": "9:00", "closes_MO": "12:00"})
    assert response.status_code == 302
    assert worked_out_at(app, SERVICE) == moment.at


def test_an_import_stores_the_findings_of_what_it_wrote_and_again_when_it_comes_back(app, runner, tmp_path):
    weak = fresh(name="Weak test service", description="Jobs.", url="mailto:jobs@example.org")
    import_records(runner, tmp_path, [weak])
    assert [rule for _, rule, _ in stored(app, weak["id"])] == ["short-description", "bad-url"]
    import_records(runner, tmp_path, [{**weak, "url": "https://example.org"}], name="again.json")
    assert [rule for _, rule, _ in stored(app, weak["id"])] == ["short-description"]
    assert stored(app) == recomputed(app)


def test_an_import_that_changes_an_organisation_stores_its_other_services_findings_again(app, runner, tmp_path):
    first, second = fresh(name="First of two"), fresh(name="Second of two")
    import_records(runner, tmp_path, [first, second])
    assert stored(app, second["id"]) == []
    website = {**first["organization"], "website": "tel:01632960000"}
    import_records(runner, tmp_path, [{**first, "organization": website}], name="again.json")
    assert [rule for _, rule, _ in stored(app, second["id"])] == ["bad-url"]
    assert stored(app) == recomputed(app)


@pytest.fixture
def server():
    feed_server = FeedServer().start()
    yield feed_server
    feed_server.stop()


def test_a_pull_stores_the_findings_of_the_services_it_brings(app, runner, server):
    record = make_record(name="Council service")
    del record[KEY]
    record["attributes"] = []
    server.feed = Feed(records=[record], page_size=10)
    result = runner.invoke(args=["directory", "pull", server.url])
    assert result.exit_code == 0, result.output
    assert [rule for _, rule, _ in stored(app, record["id"])] == ["ladder-step", "not-checked", "no-easy-read"]
    server.feed.records = [
        {**record, "assured_date": clock.today().isoformat(), "last_modified": "2026-11-20T09:00:00Z"}
    ]
    assert runner.invoke(args=["directory", "pull", server.url]).exit_code == 0
    assert [rule for _, rule, _ in stored(app, record["id"])] == ["ladder-step", "no-easy-read"]


def test_a_removed_service_leaves_no_findings(app, admin):
    weak = stored(app)[0][0]
    with session_for(app) as session:
        session.execute(delete(Service).where(Service.id == weak))
        session.commit()
        assert session.scalar(select(func.count()).where(HealthFinding.service_id == weak)) == 0
        assert session.scalar(select(func.count()).where(HealthChecked.service_id == weak)) == 0
    assert f"/services/{weak}" not in admin.get("/staff/directory-health").get_data(as_text=True)


def test_a_finding_about_the_date_of_the_check_appears_when_its_day_comes_without_a_new_audit(
    app, admin, runner, tmp_path, monkeypatch
):
    checked = clock.today()
    service = fresh(name="Checked today", assured_date=checked.isoformat())
    import_records(runner, tmp_path, [service])
    before = worked_out_at(app, service["id"])
    rule = "/staff/directory-health?rule=not-checked"
    assert "Checked today" not in admin.get(rule).get_data(as_text=True)
    monkeypatch.setattr(clock, "today", lambda: checked + timedelta(days=95))
    page = html.unescape(admin.get(rule).get_data(as_text=True))
    assert "Checked today" in page and f"last checked on {checked.day} {checked:%B %Y}" in page
    assert worked_out_at(app, service["id"]) == before
    later = checked + timedelta(days=95)
    assert stored(app, service["id"], today=later) == recomputed(app, service["id"], today=later)


def test_services_never_audited_are_audited_by_the_page_a_batch_at_a_time(app, admin, monkeypatch):
    with session_for(app) as session:  # a database from before findings were stored
        session.execute(delete(HealthFinding))
        session.execute(delete(HealthChecked))
        services = session.scalar(select(func.count()).select_from(Service))
        session.commit()
    monkeypatch.setattr(health_page, "FILL", 20)
    first = admin.get("/staff/directory-health").get_data(as_text=True)
    assert f"{services - 20} services are not checked yet. Each time you open this page, we check 20 more." in first
    assert "Some services are not checked yet. The numbers below leave them out." in first
    for _ in range((services - 20) // 20 + 1):
        page = admin.get("/staff/directory-health").get_data(as_text=True)
    assert "not checked yet" not in page
    assert stored(app) == recomputed(app)


def test_the_page_says_when_the_oldest_check_was(app, admin, runner, tmp_path, moment):
    moment.at = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)
    with session_for(app) as session:
        session.execute(delete(HealthFinding))
        session.execute(delete(HealthChecked))
        session.commit()
    page = admin.get("/staff/directory-health").get_data(as_text=True)
    assert "The oldest check here is from 30 November 2026 at 14:05." in page


def test_directory_audit_stores_every_service_s_findings_again(app, runner):
    with session_for(app) as session:  # findings lost, as after an upgrade
        session.execute(delete(HealthFinding))
        session.execute(delete(HealthChecked))
        session.commit()
    result = runner.invoke(args=["directory", "audit"])
    assert result.exit_code == 0 and "Content audit:" in result.output
    assert stored(app) == recomputed(app)
    with session_for(app) as session:
        checked = session.scalar(select(func.count()).select_from(HealthChecked))
        assert checked == session.scalar(select(func.count()).select_from(Service))


def test_a_finding_of_a_rule_there_is_no_longer_is_left_out(app, admin):
    service_id = stored(app)[0][0]
    with session_for(app) as session:  # stored by an older version of the rules
        session.add(
            HealthFinding(
                service_id=service_id,
                sort_name="",
                position=0,
                rule="old-rule",
                severity="warning",
                message="A check there is no longer.",
                worked_out_at=clock.now(),
            )
        )
        session.commit()
    response = admin.get("/staff/directory-health")
    assert response.status_code == 200 and "A check there is no longer." not in response.get_data(as_text=True)
