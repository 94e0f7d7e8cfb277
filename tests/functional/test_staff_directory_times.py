"""When one of the council's own services runs, as a directory editor changes it: a week of times becomes the
service's weekly HSDS schedules and its public page says them; wrong times are explained and kept; a rule a week
cannot show is kept until it is removed; a pulled service's times are changed in its own directory."""

import re

from sqlalchemy import select

from app.pathways.models import Schedule, Service
from app.staff.models import AuditEntry
from demo.pages.staff import DEMO_EASY_READ_SERVICE as SERVICE
from tests.site import sign_in_as
from tests.staff_builders import session_for

TIMES = f"/staff/directory/{SERVICE}/times"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


def form(client, **typed) -> dict:
    html = client.get(TIMES).get_data(as_text=True)
    return {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1), **typed}


def schedules(app) -> list[tuple]:
    with session_for(app) as session:
        rows = session.scalars(select(Schedule).where(Schedule.service_id == SERVICE).order_by(Schedule.byday))
        return [(s.freq, s.byday, s.opens_at, s.closes_at, s.notes, s.bymonthday) for s in rows]


def test_a_week_of_times_becomes_weekly_schedules_the_public_page_says(app, client):
    sign_in_as(client, "directory-editor")
    week = {f"opens_{day}": "9:30" for day in WEEKDAYS} | {f"closes_{day}": "16.00" for day in WEEKDAYS}
    week |= {"opens_SA": "10", "closes_SA": "12:00", "notes": "Closed on bank holidays."}
    response = client.post(TIMES, data=form(client, **week))
    assert response.status_code == 302
    assert schedules(app) == [
        ("WEEKLY", "MO,TU,WE,TH,FR", "09:30", "16:00", "Closed on bank holidays.", None),
        ("WEEKLY", "SA", "10:00", "12:00", "Closed on bank holidays.", None),
    ]
    page = client.get(TIMES).get_data(as_text=True)
    assert "The times are saved." in page and 'value="09:30"' in page and 'value="10:00"' in page
    public = client.get(f"/services/{SERVICE}?lang=en").get_data(as_text=True)
    assert "Monday to Friday" in public and "Saturday" in public
    with session_for(app) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.detail.like("times %"))).one()
        assert (entry.action, entry.object_ref) == ("change", SERVICE)

    emptied = {f"opens_{day}": "" for day in WEEKDAYS} | {f"closes_{day}": "" for day in WEEKDAYS}
    assert client.post(TIMES, data=form(client, **emptied, opens_SA="10", closes_SA="12:00")).status_code == 302
    assert schedules(app) == [("WEEKLY", "SA", "10:00", "12:00", None, None)]


def test_wrong_times_are_explained_and_what_was_typed_is_kept(app, client):
    sign_in_as(client, "directory-editor")
    typed = {"opens_MO": "25:00", "closes_MO": "17:00", "opens_TU": "9", "closes_TU": "", "opens_WE": "14:00"}
    typed |= {"closes_WE": "09:00", "opens_TH": "nine", "closes_TH": "5pm"}
    response = client.post(TIMES, data=form(client, **typed))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.count("Write the time like 09:30 or 17:00.") == 2 * 3  # in the summary and by the box, 3 boxes
    assert html.count("Write both times for this day, or leave both empty.") == 2
    assert html.count("The closing time must be after the opening time.") == 2
    for value in ("25:00", "nine", "5pm", "14:00"):
        assert f'value="{value}"' in html
    assert schedules(app) == []


def test_a_rule_a_week_cannot_show_is_kept_until_it_is_removed(app, client):
    with session_for(app) as session:  # the first and third Wednesday, as another council's feed may give it
        session.add(Schedule(id="rule-1", service_id=SERVICE, freq="MONTHLY", byday="1WE,3WE", opens_at="10:00"))
        session.commit()
    sign_in_as(client, "directory-editor")
    page = client.get(TIMES).get_data(as_text=True)
    assert "Remove: First and third Wednesday of the month" in page
    client.post(TIMES, data=form(client, opens_FR="9", closes_FR="12"))
    assert [row[1] for row in schedules(app)] == ["1WE,3WE", "FR"]
    client.post(TIMES, data=form(client, opens_FR="9", closes_FR="12", remove="rule-1"))
    assert [row[1] for row in schedules(app)] == ["FR"]
    response = client.post(TIMES, data=form(client, remove="not-one-of-them"))
    assert response.status_code == 400 and "Choose times to remove from the list." in response.get_data(as_text=True)


def test_a_pulled_service_s_times_are_read_only(app, client):
    with session_for(app) as session:
        session.get(Service, SERVICE).source = "https://directory.example.org/api"
        session.commit()
    sign_in_as(client, "directory-editor")
    html = client.get(TIMES).get_data(as_text=True)
    assert "Change its times there." in html and "Save the times" not in html
    assert client.post(TIMES, data=form(client, opens_MO="9", closes_MO="17")).status_code == 403
    assert schedules(app) == []


def test_only_directory_editors_and_council_admins_change_times(client):
    sign_in_as(client, "provider")
    assert client.get(TIMES).status_code == 403
