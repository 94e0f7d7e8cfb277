"""The directory health page: council admins only; counts for each check, and findings a page at a time."""

import html

import pytest
from sqlalchemy import delete, update

from app import clock
from app.pathways.health_store import refresh_findings
from app.pathways.models import Service
from tests.pathways_builders import make_record, write_json
from tests.site import sign_in_as


def only(app, runner, tmp_path, records) -> None:
    """A directory of just these services."""
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        session.execute(delete(Service))
        session.commit()
    result = runner.invoke(args=["directory", "import", str(write_json(tmp_path / "records.json", records))])
    assert result.exit_code == 0, result.output


def fresh(**overrides) -> dict:
    return make_record(**{"assured_date": clock.today().isoformat(), **overrides})


def test_a_council_admin_sees_counts_and_findings_linked_to_each_service(app, admin, runner, tmp_path):
    weak = fresh(name="Weak test service", description="Jobs.")
    only(
        app,
        runner,
        tmp_path,
        [weak, fresh(name="Good test service"), fresh(name="Old test", assured_date="2025-01-01")],
    )
    page = html.unescape(admin.get("/staff/directory-health").get_data(as_text=True))
    assert "2 of the services have something to fix." in page
    assert (
        '<th scope="row" data-label="Check"><a class="table-link table-link-wrap" href="/staff/directory-health?rule=short-description#results">Description too short</a></th>'
        in page
    )
    assert "Showing 1 to 2 of 2 findings" in page
    assert f'href="/services/{weak["id"]}">Weak test service</a>' in page
    assert "The description has 1 different words." in page
    assert "last checked on 1 January 2025" in page
    assert "Good test service" not in page


def test_findings_can_be_shown_for_one_check(app, admin, runner, tmp_path):
    only(
        app,
        runner,
        tmp_path,
        [fresh(name="Weak test service", description="Jobs."), fresh(name="Old", assured_date="2025-01-01")],
    )
    page = admin.get("/staff/directory-health?rule=not-checked").get_data(as_text=True)
    assert "Showing 1 finding" in page and "Weak test service" not in page
    assert '<option value="not-checked" selected>' in page


def test_a_check_that_is_not_ours_is_left_out_and_said(admin):
    page = admin.get("/staff/directory-health?rule=<b>nope").get_data(as_text=True)
    assert "We did not know that check, so we left it out." in page
    assert "<b>nope" not in page


def test_findings_come_fifty_a_page(app, admin, runner, tmp_path):
    only(app, runner, tmp_path, [fresh(name=f"Short {n:02d}", description="Jobs.") for n in range(53)])
    first = admin.get("/staff/directory-health").get_data(as_text=True)
    second = admin.get("/staff/directory-health?page=2").get_data(as_text=True)
    past = admin.get("/staff/directory-health?page=99").get_data(as_text=True)
    assert "Showing 1 to 50 of 53 findings" in first and "Page 1 of 2" in first and "Short 49" in first
    assert "Showing 51 to 53 of 53 findings" in second and "Short 50" in second and "Short 49" not in second
    assert "Showing 51 to 53 of 53 findings" in past


def test_a_healthy_directory_has_nothing_to_fix(app, admin, runner, tmp_path):
    only(app, runner, tmp_path, [fresh()])
    page = admin.get("/staff/directory-health").get_data(as_text=True)
    assert "Nothing to fix" in page and "Every service passes these checks." in page


def test_a_finding_in_stored_data_shows_even_when_the_importer_would_refuse_it(app, admin):
    with app.app_context(), app.extensions["database"]["factory"]() as session:
        service_id = session.scalar(Service.__table__.select().with_only_columns(Service.id).limit(1))
        session.execute(update(Service).where(Service.id == service_id).values(email="jobs at example"))
        refresh_findings(session, [service_id])  # what every write through the app does in its transaction
        session.commit()
    page = html.unescape(admin.get("/staff/directory-health?rule=bad-email").get_data(as_text=True))
    assert "The email “jobs at example” does not look right." in page


@pytest.mark.parametrize("role", ["provider", "school", "commissioner"])
def test_other_roles_are_refused(client, role):
    sign_in_as(client, role)
    assert client.get("/staff/directory-health").status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get("/staff/directory-health")
    assert response.status_code == 302 and "/staff/sign-in" in response.location


def test_the_staff_home_links_to_it_for_council_admins_only(admin, client):
    assert 'href="/staff/directory-health"' in admin.get("/staff/").get_data(as_text=True)
    other = client.application.test_client()
    sign_in_as(other, "provider")
    assert 'href="/staff/directory-health"' not in other.get("/staff/").get_data(as_text=True)
