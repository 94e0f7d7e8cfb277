"""Limits on wrong passwords that a stranger cannot use against a member of staff: failures count per account
from one address and per address, waits grow instead of a lock, right passwords never count, and an owner who
has to wait can sign in with a one-use link from their email."""

import hashlib
import re
from urllib.parse import urlsplit

from sqlalchemy import func, select

from app.outbox.models import OutboxMessage
from app.staff.models import SignInLink
from demo.staff import DEMO_ACCOUNTS
from tests.site import PageCheckingClient

ADMIN = DEMO_ACCOUNTS["council-admin"]
SCHOOL = DEMO_ACCOUNTS["school"]


def _client(app, address: str):
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _sign_in(client, email: str, password: str):
    return client.post("/staff/sign-in", data={"email": email, "password": password})


def _db(app):
    return app.extensions["database"]["factory"]()


def test_wrong_passwords_from_other_addresses_never_stop_the_owner(app, moment):
    for number in range(2, 8):
        stranger = _client(app, f"127.0.0.{number}")
        for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"] + 2):
            _sign_in(stranger, ADMIN["email"], "a-wrong-guess-here")
        assert _sign_in(stranger, ADMIN["email"], ADMIN["password"]).status_code == 429
    owner = _client(app, "127.0.0.1")
    assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 302


def test_right_passwords_never_count(app, moment):
    owner = _client(app, "127.0.0.1")
    for _ in range(3 * app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 302
        moment.pass_(seconds=10)


def test_a_right_password_forgets_that_addresss_failures_for_the_account(app, moment):
    owner = _client(app, "127.0.0.1")
    free = app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]
    for _ in range(free - 1):
        assert _sign_in(owner, ADMIN["email"], "typed-it-wrong-again").status_code == 200
    assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 302
    for _ in range(free - 1):
        assert _sign_in(owner, ADMIN["email"], "typed-it-wrong-again").status_code == 200
    assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 302


def test_each_further_failure_doubles_the_wait_in_easy_words(app, moment):
    guesser = _client(app, "127.0.0.9")
    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        _sign_in(guesser, ADMIN["email"], "a-wrong-guess-here")
    for minutes in (1, 2, 4, 8):
        waiting = _sign_in(guesser, ADMIN["email"], "a-wrong-guess-here")
        page = waiting.get_data(as_text=True)
        assert waiting.status_code == 429
        unit = "minute" if minutes == 1 else "minutes"
        assert f"Try again in {minutes} {unit}." in page
        assert "Email me a link to sign in now" in page and 'href="/staff/sign-in-link"' in page
        moment.pass_(minutes=minutes)
        assert _sign_in(guesser, ADMIN["email"], "a-wrong-guess-here").status_code == 200


def test_the_wait_stops_growing_at_the_longest(app, moment):
    guesser = _client(app, "127.0.0.9")
    longest = app.config["SIGN_IN_LONGEST_WAIT_MINUTES"]
    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"] + 12):
        _sign_in(guesser, ADMIN["email"], "a-wrong-guess-here")
        moment.pass_(minutes=longest)
    _sign_in(guesser, ADMIN["email"], "a-wrong-guess-here")
    assert f"Try again in {longest} minutes." in _sign_in(guesser, ADMIN["email"], "x").get_data(as_text=True)


def test_an_office_on_one_address_signs_in_after_many_typing_mistakes(app, moment):
    office = [_client(app, "127.0.0.20") for _ in DEMO_ACCOUNTS]
    for client, account in zip(office, DEMO_ACCOUNTS.values(), strict=True):
        for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"] - 1):
            assert _sign_in(client, account["email"], "typed-it-wrong").status_code == 200
        assert _sign_in(client, account["email"], account["password"]).status_code == 302


def test_unknown_emails_from_one_address_count_towards_its_ceiling_only(tmp_path, moment):
    from tests.site import make_app

    app = make_app(tmp_path, SIGN_IN_FREE_FAILURES_PER_CLIENT=4)
    guesser = _client(app, "127.0.0.30")
    for number in range(4):
        assert _sign_in(guesser, f"guess{number}@example.org", "some-password-here").status_code == 200
    assert _sign_in(guesser, SCHOOL["email"], SCHOOL["password"]).status_code == 429
    assert _sign_in(_client(app, "127.0.0.31"), SCHOOL["email"], SCHOOL["password"]).status_code == 302


# The one-use sign-in link


def _ask_for_link(app, client, email: str) -> str | None:
    with _db(app) as session:
        before = session.scalar(select(func.max(OutboxMessage.id))) or 0
    response = client.post("/staff/sign-in-link", data={"email": email})
    assert response.status_code == 302 and response.headers["Location"] == "/staff/sign-in-link/sent"
    with _db(app) as session:
        message = session.scalar(select(OutboxMessage).where(OutboxMessage.id > before))
    if message is None:
        return None
    assert message.kind == "sign-in-link" and message.to_address == email
    return re.search(r"https?://\S+/staff/sign-in-link/\S+", message.body).group(0)


def test_a_waiting_owner_signs_in_with_a_one_use_link_from_their_email(app, moment):
    owner = _client(app, "127.0.0.1")
    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        _sign_in(owner, ADMIN["email"], "typed-it-wrong")
    assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 429
    link = _ask_for_link(app, owner, ADMIN["email"])
    assert link.startswith(app.config["PUBLIC_URL"] + "/staff/sign-in-link/")
    sent = owner.get("/staff/sign-in-link/sent").get_data(as_text=True)
    assert f"The link works once, for {app.config['SIGN_IN_LINK_MINUTES']} minutes." in sent
    token = link.rsplit("/", 1)[1]
    with _db(app) as session:
        stored = session.scalar(select(SignInLink))
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    path = urlsplit(link).path
    opened = owner.get(path)  # opening it (as a mail scanner would) does not use it
    assert opened.status_code == 200 and opened.headers["Referrer-Policy"] == "no-referrer"
    assert owner.get("/staff/").status_code == 302
    used = owner.post(path)
    assert used.status_code == 302 and used.headers["Location"] == "/staff/"
    assert owner.get("/staff/").status_code == 200
    assert "This link does not work" in owner.get(path).get_data(as_text=True)
    assert "This link does not work" in owner.post(path).get_data(as_text=True)
    owner.post("/staff/sign-out")
    assert _sign_in(owner, ADMIN["email"], ADMIN["password"]).status_code == 302, "the link forgot the failures"


def test_a_sign_in_link_stops_working_after_its_minutes(app, moment):
    client = _client(app, "127.0.0.1")
    path = urlsplit(_ask_for_link(app, client, ADMIN["email"])).path
    moment.pass_(minutes=app.config["SIGN_IN_LINK_MINUTES"])
    assert "This link does not work" in client.post(path).get_data(as_text=True)
    assert client.get("/staff/").status_code == 302


def test_using_one_link_ends_the_others(app, moment):
    client = _client(app, "127.0.0.1")
    first = urlsplit(_ask_for_link(app, client, ADMIN["email"])).path
    second = urlsplit(_ask_for_link(app, client, ADMIN["email"])).path
    assert client.post(second).status_code == 302
    assert "This link does not work" in client.get(first).get_data(as_text=True)


def test_an_unknown_email_gets_the_same_answer_and_no_link(app, moment):
    assert _ask_for_link(app, _client(app, "127.0.0.1"), "nobody@example.org") is None


def test_a_deactivated_account_gets_no_link_and_its_links_stop(app, runner, moment):
    client = _client(app, "127.0.0.1")
    path = urlsplit(_ask_for_link(app, client, SCHOOL["email"])).path
    assert runner.invoke(args=["staff", "deactivate", "--email", SCHOOL["email"]]).exit_code == 0
    assert "This link does not work" in client.post(path).get_data(as_text=True)
    assert _ask_for_link(app, client, SCHOOL["email"]) is None


def test_only_a_few_link_emails_an_hour_reach_one_account_whoever_asks(app, moment):
    most = app.config["LINK_EMAILS_PER_ACCOUNT"]
    links = [_ask_for_link(app, _client(app, f"127.0.0.{n}"), ADMIN["email"]) for n in range(2, 2 + most + 2)]
    assert all(links[:most]) and links[most:] == [None, None]
    moment.pass_(hours=1)
    assert _ask_for_link(app, _client(app, "127.0.0.1"), ADMIN["email"])


def test_asking_for_a_sign_in_link_checks_the_email(app, moment):
    client = _client(app, "127.0.0.1")
    page = client.post("/staff/sign-in-link", data={"email": "person@example.org?cc=x%40evil.example"})
    assert page.status_code == 200 and "Write an email address, like name@example.org." in page.get_data(as_text=True)
