"""Generated bad input posted to every public form and sent to every public filter, on SQLite and
PostgreSQL: text with control characters and NUL, very long words, huge and negative numbers, odd dates and
any unicode. Nothing gives a server error, and a form that is not accepted is shown again."""

import os
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.checklists import current as checklists
from app.config import Config
from app.referrals.journey import STEPS
from tests.site import sign_in_as

SERVICE = "5ec69b07-4433-591e-a591-34f8423d4d5d"
# `make test` tries the same 30 examples of each test on each database every run (derandomized), so a run
# that passed here passes in CI; HYPOTHESIS_EXAMPLES=2000 searches deeper, with new random examples each time,
# and what it finds becomes an @example.
DEEPER = os.environ.get("HYPOTHESIS_EXAMPLES")
CHECKED = settings(
    max_examples=int(DEEPER or "30"),
    derandomize=DEEPER is None,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Anything a browser can send: every character but lone surrogates, which UTF-8 cannot carry.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
controls = st.text(st.characters(max_codepoint=0x9F, exclude_categories=("Cs",)), max_size=20)
long_text = st.builds(
    lambda part, times: part * times, st.sampled_from(["a", "é", "\x00", "字", "1 "]), st.integers(0, 5000)
)
numbers = st.integers(-(2**70), 2**70).map(str)
dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(["9999-12-31", "0000-01-01", "2026-02-30", "2026-13-01", "-1-01-01", "99999-01-01", "1-1-1"]),
)
odd_digits = st.sampled_from(
    ["²", "١٩", "½", "𝟗𝟗", "19\x00", " 19 ", "-0", "1e9", "0x1F"]
)  # digits int() refuses or reads
bad = st.one_of(any_text, controls, long_text, numbers, dates, odd_digits)

ASK_FOR_HELP_FIELDS = ["answer", "age", "day", "month", "year", "parent_name"]
ASK_FOR_HELP_FIELDS += ["asker_name", "asker_organisation", "asker_role", "asker_email"]
DIRECTORY = ["q", "age", "ask", "hours", "page", "area", "pay", "step", "try", "work", "help", "kind", "need"]
INBOX = ["status", "service", "step", "age", "from", "to", "overdue", "page"]


def shown_again(response) -> None:
    """Accepted (a redirect), or the form again with what was wrong; never a server error. A body larger than
    any form here can hold gets the easy-read "too big" page instead."""
    if int(response.request.environ.get("CONTENT_LENGTH") or 0) > Config.MAX_CONTENT_LENGTH:
        assert response.status_code == 413, response.status_code
        assert "What you sent is too big" in response.get_data(as_text=True)
        return
    assert response.status_code in (200, 302, 429), response.status_code
    if response.status_code != 302:
        assert "<form" in response.get_data(as_text=True)


@pytest.fixture
def client(site):
    return site.test_client()


def _checklist_steps(site) -> list[tuple[str, str]]:
    with site.test_request_context():
        return [(c.id, s) for c in checklists.definitions().values() for s in c.steps]


@CHECKED
@given(data=st.data())
def test_checklist_steps_never_fail(site, client, data):
    checklist, step = data.draw(st.sampled_from(_checklist_steps(site)))
    answers = data.draw(st.one_of(bad, st.lists(bad, max_size=4)))
    action = data.draw(st.sampled_from(["continue", "save", "skip", "x\x00"]))
    shown_again(client.post(f"/my-work/{checklist}/{step}", data={"answer": answers, "action": action}))


@CHECKED
@given(step=st.sampled_from(STEPS), values=st.fixed_dictionaries({}, optional=dict.fromkeys(ASK_FOR_HELP_FIELDS, bad)))
def test_ask_for_help_questions_never_fail(client, step, values):
    client.get("/ask-for-help/start", query_string={"service": SERVICE})
    client.post("/ask-for-help/who", data={"answer": "parent"})
    response = client.post(f"/ask-for-help/{step.id}", data=values)
    if step.otherwise:  # a page shown instead of the question when it does not apply
        assert response.status_code in (200, 302)
    else:
        shown_again(response)
    assert client.get("/ask-for-help/check").status_code in (200, 302)


@CHECKED
@given(values=st.fixed_dictionaries({name: bad for name in ("reference", "code", "day", "month", "year")}))
def test_the_request_status_form_never_fails(site, client, values):
    site.config.update(STATUS_TRIES_PER_CLIENT=10**6, STATUS_TRIES_PER_BROWSER=10**6, STATUS_TRIES_PER_REFERENCE=10**6)
    shown_again(client.post("/ask-for-help/status", data=values))


@CHECKED
@given(answer=bad)
def test_the_answer_to_a_sharing_link_never_fails(client, answer):
    response = client.post("/ask-for-help/share/demo-share-consent-for-trying-out", data={"answer": answer})
    shown_again(response)


@CHECKED
@given(code=bad)
def test_the_resume_code_form_never_fails(client, code):
    response = client.post("/my-work/resume", data={"code": code})
    shown_again(response)
    assert client.get("/my-work/resume", query_string={"code": code}).status_code == 200


@CHECKED
@given(query=st.dictionaries(st.sampled_from(DIRECTORY), st.one_of(bad, st.lists(bad, max_size=3)), max_size=5))
def test_directory_filters_and_search_never_fail(client, query):
    assert client.get("/services", query_string=query).status_code == 200
    assert client.get("/services-for-me", query_string=query).status_code == 200


@CHECKED
@given(part=bad)
def test_addresses_with_any_part_are_a_page_or_not_found(client, part):
    quoted = part.replace("%", "%25").replace("/", "%2F").replace("?", "%3F").replace("#", "%23")
    for path in (f"/services/{quoted}", f"/find-work/{quoted}", f"/my-work/{quoted}"):
        response = client.get(path)
        if response.status_code == 308:  # a doubled slash, sent on to the same address with one
            sent_to = urlsplit(response.location)
            assert sent_to.netloc in ("", "localhost") and "//" not in sent_to.path, response.location
            continue
        assert response.status_code in (200, 404), path
    assert client.get("/ask-for-help/start", query_string={"service": part}).status_code in (200, 404)


@CHECKED
@given(email=bad, password=bad, form=st.sampled_from(["/staff/sign-in", "/staff/forgot-password"]))
def test_staff_sign_in_and_forgot_password_never_fail(client, email, password, form):
    shown_again(client.post(form, data={"email": email, "password": password}))


@CHECKED
@given(query=st.dictionaries(st.sampled_from(INBOX), bad, max_size=4), number=st.integers(-(2**70), 2**70))
def test_the_inbox_filters_and_staff_ids_never_fail(client, query, number):
    sign_in_as(client, "council-admin")
    assert client.get("/staff/referrals", query_string=query).status_code == 200
    assert client.get("/staff/referrals/export.csv", query_string=query).status_code == 200
    assert client.post(f"/staff/messages/{number}/send-again").status_code in (302, 404)
    assert client.get(f"/staff/pupils/{number}").status_code in (200, 403, 404)


PERSONAL_DATA = ["reference", "email", "phone", "person_name", "born_day", "born_month", "born_year"]


@CHECKED
@given(data=st.dictionaries(st.sampled_from(PERSONAL_DATA), bad, max_size=7), confirm=bad)
def test_the_personal_data_search_and_the_erase_confirmation_never_fail(client, data, confirm):
    from demo.staff.referrals import DEMO_REFERENCE

    sign_in_as(client, "council-admin")
    found = client.post("/staff/personal-data", data=data)
    assert found.status_code in (200, 400, 413), found.status_code
    if found.status_code != 413:
        assert "<form" in found.get_data(as_text=True)
    erase = client.post(f"/staff/personal-data/{DEMO_REFERENCE}/erase", data={"confirm": confirm})
    assert erase.status_code in (400, 413), erase.status_code
