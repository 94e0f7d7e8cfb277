"""Staff sign-in, sign-out, lock-out, password reset through the outbox, and the staff account commands."""

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

import pytest
from sqlalchemy import select, update

from app.outbox.models import OutboxMessage
from app.ratelimit import RateLimit
from app.staff.accounts.forms import WRONG_EMAIL_OR_PASSWORD
from app.staff.models import AuditEntry, PasswordReset, StaffUser
from app.staff.permissions import Permission, requires
from demo.staff import DEMO_ACCOUNTS, WORKS_ORG
from tests.site import PageCheckingClient, make_app, sign_in_as

ADMIN = DEMO_ACCOUNTS["council-admin"]
NEW_PASSWORD = "a-brand-new-password-42"


def _db(app):
    return app.extensions["database"]["factory"]()


def _account(app, email: str) -> StaffUser:
    with _db(app) as session:
        return session.scalar(select(StaffUser).where(StaffUser.email == email))


def _audit(app, action: str) -> list[AuditEntry]:
    with _db(app) as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)).all()


def _sign_in(client, email: str, password: str, next_url: str | None = None):
    path = "/staff/sign-in" + (f"?next={next_url}" if next_url else "")
    return client.post(path, data={"email": email, "password": password})


def _without(response, typed_email: str) -> str:
    """The page without what differs on every request (the CSRF token) or was typed (the email)."""
    page = response.get_data(as_text=True).replace(typed_email, "")
    return re.sub(r'name="csrf_token" value="[^"]*"', "", page)


def _signed_in(client) -> bool:
    response = client.get("/staff/")
    return response.status_code == 200


@pytest.mark.parametrize("role", sorted(DEMO_ACCOUNTS))
def test_each_demo_account_signs_in_and_sees_its_staff_home(app, client, role):
    account = DEMO_ACCOUNTS[role]
    response = _sign_in(client, account["email"].upper(), account["password"])
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"
    page = client.get("/staff/").get_data(as_text=True)
    assert account["name"] in page and "Sign out" in page
    signed_in = _account(app, account["email"])
    assert signed_in.last_sign_in_at is not None
    assert [(e.staff_id, e.object_ref) for e in _audit(app, "sign-in")] == [(signed_in.id, str(signed_in.id))]


def test_staff_home_says_the_role_and_where_the_person_works(client):
    sign_in_as(client, "provider")
    page = client.get("/staff/").get_data(as_text=True)
    assert "Provider staff" in page and "Sandbridge Works" in page
    sign_in_as(client, "school")
    page = client.get("/staff/").get_data(as_text=True)
    assert "School staff" in page and DEMO_ACCOUNTS["school"]["school"] in page


def test_staff_pages_have_no_language_switch_and_a_staff_bar(client):
    sign_in_as(client, "council-admin")
    page = client.get("/staff/").get_data(as_text=True)
    assert '<html lang="en"' in page
    assert "Cymraeg" not in page and "Reading settings" in page
    bar = page.split('aria-label="Staff pages"')[1].split("</form>")[0]
    assert 'href="/staff/"' in bar and 'action="/staff/sign-out"' in bar and 'name="csrf_token"' in bar
    assert "Cymraeg" in client.get("/").get_data(as_text=True)


def test_staff_pages_are_english_even_after_choosing_welsh(client):
    client.get("/?lang=cy")
    page = client.get("/staff/sign-in").get_data(as_text=True)
    assert '<html lang="en"' in page and "Sign in to the staff pages" in page


def test_wrong_password_and_unknown_email_get_the_same_message(app, client):
    wrong = _sign_in(client, ADMIN["email"], "not-the-password-at-all")
    unknown = _sign_in(client, "nobody@example.org", ADMIN["password"])
    for response in (wrong, unknown):
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert WRONG_EMAIL_OR_PASSWORD in page and "<title>Error:" in page
    assert _without(wrong, ADMIN["email"]) == _without(unknown, "nobody@example.org")
    assert not _signed_in(client)
    admin_id = _account(app, ADMIN["email"]).id
    assert [e.object_ref for e in _audit(app, "sign-in-failed")] == [str(admin_id), None]


def test_an_unknown_email_still_costs_a_password_check(client, monkeypatch):
    import app.staff.accounts.passwords as passwords

    checked = []
    real = passwords.check_password_hash
    monkeypatch.setattr(passwords, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    _sign_in(client, "nobody@example.org", "some-password-here")
    assert len(checked) == 1 and checked[0].startswith("scrypt:")


def test_empty_sign_in_form_says_what_is_missing(client):
    page = client.post("/staff/sign-in", data={"email": " ", "password": ""}).get_data(as_text=True)
    assert "Write your email address." in page and "Write your password." in page


def test_after_the_free_failures_this_address_waits_before_any_password_is_checked(app, client, monkeypatch):
    import app.staff.accounts.service as accounts

    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        assert _sign_in(client, ADMIN["email"], "not-the-password-at-all").status_code == 200
    checks = []
    real = accounts.password_matches
    monkeypatch.setattr(accounts, "password_matches", lambda h, p: checks.append(1) or real(h, p))
    waiting = _sign_in(client, ADMIN["email"], ADMIN["password"])
    assert waiting.status_code == 429
    assert "Try again in 1 minute." in waiting.get_data(as_text=True)
    assert checks == [], "no password is checked while waiting"
    assert not _signed_in(client)
    with _db(app) as session:
        session.execute(update(RateLimit).values(window_start=datetime.now(UTC) - timedelta(minutes=1)))
        session.commit()
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 302
    assert checks == [1]


def test_one_client_is_locked_out_across_many_emails(tmp_path):
    app = make_app(tmp_path, SIGN_IN_FREE_FAILURES_PER_CLIENT=3)
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    for number in range(3):
        assert _sign_in(client, f"guess{number}@example.org", "some-password-here").status_code == 200
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 429
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.0.0.9"
    assert _sign_in(other, ADMIN["email"], ADMIN["password"]).status_code == 302


@pytest.mark.parametrize(
    "next_url, goes_to",
    [
        ("/staff/?page=2", "/staff/?page=2"),
        ("/staff", "/staff"),
        ("https://evil.example/staff/", "/staff/"),
        ("//evil.example/staff/", "/staff/"),
        ("/\\evil.example/staff/", "/staff/"),
        ("/my-work/", "/staff/"),
        ("/staff/../my-work/", "/staff/"),
        ("javascript:alert(1)", "/staff/"),
    ],
)
def test_after_sign_in_only_a_staff_page_on_this_site_is_followed(client, next_url, goes_to):
    response = _sign_in(client, ADMIN["email"], ADMIN["password"], quote(next_url, safe=""))
    assert response.status_code == 302 and response.headers["Location"] == goes_to


def test_anonymous_people_are_sent_to_sign_in_and_come_back(client):
    response = client.get("/staff/?from=home")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/sign-in?next=/staff/?from%3Dhome"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    action = re.search(r'<form class="inline-form" method="post" action="([^"]+)"', page).group(1).replace("&amp;", "&")
    signed_in = client.post(action, data={"email": ADMIN["email"], "password": ADMIN["password"]})
    assert signed_in.headers["Location"] == "/staff/?from=home"


def test_a_role_without_the_permission_gets_403_and_an_audit_entry(tmp_path):
    app = make_app(tmp_path)

    @requires(Permission.VIEW_AUDIT)
    def audit_only():
        return "audit only", 200, {"Content-Type": "text/plain"}

    app.add_url_rule("/staff/audit-only", endpoint="staff.audit_only", view_func=audit_only)
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    sign_in_as(client, "school")
    response = client.get("/staff/audit-only")
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "You cannot see this page" in page and "audit only" not in page
    school_id = _account(app, DEMO_ACCOUNTS["school"]["email"]).id
    assert [(e.staff_id, e.object_ref, e.detail) for e in _audit(app, "denied")] == [
        (school_id, "staff.audit_only", Permission.VIEW_AUDIT.value)
    ]
    sign_in_as(client, "council-admin")
    assert client.get("/staff/audit-only").get_data(as_text=True) == "audit only"


def test_sign_out_ends_this_and_every_other_session(app, client):
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 302
    other_device = app.test_client()
    sign_in_as(other_device, "council-admin")
    assert _signed_in(other_device)
    response = client.post("/staff/sign-out")
    assert response.status_code == 302 and response.headers["Location"] == "/staff/sign-in?done=signed-out"
    assert "You have signed out." in client.get(response.headers["Location"]).get_data(as_text=True)
    assert not _signed_in(client) and not _signed_in(other_device)
    assert len(_audit(app, "sign-out")) == 1


def test_sign_out_needs_a_post(client):
    sign_in_as(client, "council-admin")
    assert client.get("/staff/sign-out").status_code == 405
    assert _signed_in(client)


def test_sign_in_form_needs_its_csrf_token(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    refused = client.post("/staff/sign-in", data={"email": ADMIN["email"], "password": ADMIN["password"]})
    assert refused.status_code == 400 and "We could not take your answers" in refused.get_data(as_text=True)
    page = client.get("/staff/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    accepted = client.post(
        "/staff/sign-in", data={"csrf_token": token, "email": ADMIN["email"], "password": ADMIN["password"]}
    )
    assert accepted.status_code == 302


def test_sign_in_attempts_never_log_emails_or_passwords(client, caplog):
    caplog.set_level(logging.DEBUG)
    _sign_in(client, ADMIN["email"], "not-the-password-at-all")
    _sign_in(client, "nobody@example.org", "typed-secret-words")
    _sign_in(client, ADMIN["email"], ADMIN["password"])
    client.post("/staff/forgot-password", data={"email": ADMIN["email"]})
    for secret in (
        ADMIN["email"],
        "nobody@example.org",
        "not-the-password-at-all",
        "typed-secret-words",
        ADMIN["password"],
    ):
        assert secret not in caplog.text


# Password reset through the outbox


def _ask_for_reset(app, client, email: str) -> str | None:
    """Ask for a link; the link from the outbox message, or None when no message was queued."""
    with _db(app) as session:
        before = session.scalar(select(OutboxMessage.id).order_by(OutboxMessage.id.desc()).limit(1)) or 0
    response = client.post("/staff/forgot-password", data={"email": email})
    assert response.status_code == 302 and response.headers["Location"] == "/staff/forgot-password/sent"
    with _db(app) as session:
        message = session.scalar(select(OutboxMessage).where(OutboxMessage.id > before))
    if message is None:
        return None
    assert message.kind == "password-reset" and message.status == "queued" and message.to_address == email
    return re.search(r"https?://\S+/staff/reset-password/\S+", message.body).group(0)


def _path(link: str) -> str:
    return urlsplit(link).path


def test_the_whole_password_reset_goes_through_the_outbox(app, client):
    link = _ask_for_reset(app, client, ADMIN["email"])
    assert link.startswith(app.config["PUBLIC_URL"] + "/staff/reset-password/")
    sent = client.get("/staff/forgot-password/sent").get_data(as_text=True)
    assert "If that is a staff email, we have sent a link to it." in sent
    token = link.rsplit("/", 1)[1]
    with _db(app) as session:
        reset = session.scalar(select(PasswordReset))
        assert reset.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in reset.token_hash
    form = client.get(_path(link))
    assert form.status_code == 200 and form.headers["Referrer-Policy"] == "no-referrer"
    assert 'autocomplete="new-password"' in form.get_data(as_text=True)
    done = client.post(_path(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"] == "/staff/sign-in?done=password-changed"
    assert "Your new password is saved." in client.get(done.headers["Location"]).get_data(as_text=True)
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 200
    assert _sign_in(client, ADMIN["email"], NEW_PASSWORD).status_code == 302
    with _db(app) as session:
        assert session.scalar(select(PasswordReset)).used_at is not None
    admin_id = _account(app, ADMIN["email"]).id
    assert [e.object_ref for e in _audit(app, "password-reset-requested")] == [str(admin_id)]
    assert [e.object_ref for e in _audit(app, "password-reset")] == [str(admin_id)]


def test_an_unknown_email_gets_the_same_answer_and_no_message(app, client):
    assert _ask_for_reset(app, client, "nobody@example.org") is None
    with _db(app) as session:
        assert session.scalar(select(PasswordReset)) is None


@pytest.mark.parametrize(
    "password, confirm, message",
    [
        ("short-pass", "short-pass", "Use at least 12 characters."),
        (ADMIN["email"], ADMIN["email"], "Do not use your email address as your password."),
        (NEW_PASSWORD, NEW_PASSWORD + "x", "The two passwords are not the same."),
        ("", "", "Write a new password."),
    ],
)
def test_a_new_password_must_follow_the_rules(app, client, password, confirm, message):
    link = _ask_for_reset(app, client, ADMIN["email"])
    response = client.post(_path(link), data={"password": password, "confirm": confirm})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "<title>Error:" in page
    assert not password or f'value="{password}"' not in page, "a typed password is never sent back"
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 302


def test_every_problem_with_a_new_password_is_shown_at_once(app, client):
    link = _ask_for_reset(app, client, ADMIN["email"])
    page = client.post(_path(link), data={"password": "short-pass", "confirm": "other-pass"}).get_data(as_text=True)
    assert "Use at least 12 characters." in page and "The two passwords are not the same." in page


def test_a_used_link_does_not_work_again(app, client):
    link = _ask_for_reset(app, client, ADMIN["email"])
    client.post(_path(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    again = client.post(_path(link), data={"password": "another-new-password-1", "confirm": "another-new-password-1"})
    assert "This link does not work" in again.get_data(as_text=True)
    assert _sign_in(client, ADMIN["email"], NEW_PASSWORD).status_code == 302


def test_an_expired_link_does_not_work(app, client):
    link = _ask_for_reset(app, client, ADMIN["email"])
    with _db(app) as session:
        session.execute(update(PasswordReset).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
        session.commit()
    page = client.get(_path(link)).get_data(as_text=True)
    assert "This link does not work" in page and "Ask for a new link" in page
    client.post(_path(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert _sign_in(client, ADMIN["email"], ADMIN["password"]).status_code == 302


def test_a_new_password_ends_old_sessions_and_older_links(app, client):
    first = _ask_for_reset(app, client, ADMIN["email"])
    second = _ask_for_reset(app, client, ADMIN["email"])
    signed_in_elsewhere = app.test_client()
    sign_in_as(signed_in_elsewhere, "council-admin")
    assert _signed_in(signed_in_elsewhere)
    client.post(_path(second), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert not _signed_in(signed_in_elsewhere)
    assert "This link does not work" in client.get(_path(first)).get_data(as_text=True)


def test_asking_for_links_is_rate_limited_from_one_address(app, client):
    for _ in range(app.config["LINK_REQUESTS_PER_CLIENT"]):
        assert client.post("/staff/forgot-password", data={"email": "guess@example.org"}).status_code == 302
    response = client.post("/staff/forgot-password", data={"email": ADMIN["email"]})
    assert response.status_code == 429 and "You have asked for too many links." in response.get_data(as_text=True)
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "127.0.0.7"
    assert other.post("/staff/forgot-password", data={"email": ADMIN["email"]}).status_code == 302


def test_forgot_password_checks_the_email_looks_right(client):
    page = client.post("/staff/forgot-password", data={"email": "not an email"}).get_data(as_text=True)
    assert "Write an email address, like name@example.org." in page and 'value="not an email"' in page


# The staff commands


def test_staff_create_makes_an_account_that_can_sign_in(app, runner, client, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "a-scripted-password-1")
    result = runner.invoke(
        args=[
            "staff",
            "create",
            "--email",
            "New.Person@Example.org",
            "--name",
            "New Person",
            "--role",
            "provider",
            "--organization",
            WORKS_ORG,
        ]
    )
    assert result.exit_code == 0, result.output
    assert "new.person@example.org" in result.output and "a-scripted-password-1" not in result.output
    account = _account(app, "new.person@example.org")
    assert account.role == "provider" and account.organization_id == WORKS_ORG
    assert account.password_hash.startswith("scrypt:")
    assert _sign_in(client, "new.person@example.org", "a-scripted-password-1").status_code == 302
    assert [e.object_ref for e in _audit(app, "account-created")] == [str(account.id)]


def test_staff_create_asks_for_the_password_twice_without_showing_it(app, runner, monkeypatch):
    monkeypatch.delenv("STAFF_PASSWORD", raising=False)
    result = runner.invoke(
        args=[
            "staff",
            "create",
            "--email",
            "head@example.org",
            "--name",
            "Head Teacher",
            "--role",
            "school",
            "--new-school",
            "Sandbridge High School (demo)",
        ],
        input="typed-twice-password\ntyped-twice-password\n",
    )
    assert result.exit_code == 0, result.output
    assert "typed-twice-password" not in result.output
    account = _account(app, "head@example.org")
    assert account.school.name == "Sandbridge High School (demo)"
    assert f"with id {account.school_id}" in result.output
    demo_school_id = _account(app, DEMO_ACCOUNTS["school"]["email"]).school_id
    assert account.school_id != demo_school_id, "a new school is a school of its own, whatever its name"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (
            ["--email", ADMIN["email"], "--name", "Again", "--role", "council-admin"],
            "There is already a staff account with that email.",
        ),
        (["--email", "x@example.org", "--name", "X", "--role", "boss"], "Invalid value for '--role'"),
        (["--email", "x@example.org", "--name", "X", "--role", "provider"], "Provider staff need --organization"),
        (
            ["--email", "x@example.org", "--name", "X", "--role", "provider", "--organization", "no-such-org"],
            "There is no organisation with that id.",
        ),
        (["--email", "x@example.org", "--name", "X", "--role", "school"], "School staff need --school-id"),
        (
            ["--email", "x@example.org", "--name", "X", "--role", "council-admin", "--new-school", "A School"],
            "Only school staff belong to a school.",
        ),
        (
            ["--email", "x@example.org", "--name", "X", "--role", "council-admin", "--school-id", "1"],
            "Only school staff belong to a school.",
        ),
        (
            ["--email", "x@example.org", "--name", "X", "--role", "school", "--school-id", "999"],
            "There is no school with that id.",
        ),
        (
            ["--email", "x@example.org", "--name", "X", "--role", "school", "--school-id", "1", "--new-school", "B"],
            "not both",
        ),
        (["--email", "not-an-email", "--name", "X", "--role", "council-admin"], "That is not an email address."),
    ],
)
def test_staff_create_refuses_what_is_wrong(app, runner, monkeypatch, arguments, message):
    monkeypatch.setenv("STAFF_PASSWORD", "a-scripted-password-1")
    with _db(app) as session:
        before = len(session.scalars(select(StaffUser)).all())
    result = runner.invoke(args=["staff", "create", *arguments])
    assert result.exit_code != 0 and message in result.output
    with _db(app) as session:
        assert len(session.scalars(select(StaffUser)).all()) == before


def test_staff_create_reports_wrong_details_before_asking_for_a_password(runner, monkeypatch):
    monkeypatch.delenv("STAFF_PASSWORD", raising=False)
    result = runner.invoke(
        args=["staff", "create", "--email", ADMIN["email"], "--name", "Again", "--role", "council-admin"]
    )
    assert result.exit_code != 0 and "There is already a staff account with that email." in result.output
    assert "Password" not in result.output


def test_staff_create_refuses_a_short_password(runner, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "short")
    result = runner.invoke(
        args=["staff", "create", "--email", "x@example.org", "--name", "X", "--role", "council-admin"]
    )
    assert result.exit_code != 0 and "Use at least 12 characters." in result.output and "short\n" not in result.output


def test_staff_list_shows_emails_and_roles_but_no_hashes(runner):
    result = runner.invoke(args=["staff", "list"])
    assert result.exit_code == 0
    for role, account in DEMO_ACCOUNTS.items():
        assert re.search(rf"^{re.escape(account['email'])}\t{role}\t", result.output, re.MULTILINE)
    assert "scrypt" not in result.output and "$" not in result.output


def test_a_deactivated_account_cannot_sign_in_and_is_signed_out(app, runner, client):
    signed_in = app.test_client()
    sign_in_as(signed_in, "provider")
    provider = DEMO_ACCOUNTS["provider"]
    result = runner.invoke(args=["staff", "deactivate", "--email", provider["email"]])
    assert result.exit_code == 0 and "can no longer sign in" in result.output
    assert not _signed_in(signed_in)
    response = _sign_in(client, provider["email"], provider["password"])
    assert response.status_code == 200 and WRONG_EMAIL_OR_PASSWORD in response.get_data(as_text=True)
    assert "deactivated" in runner.invoke(args=["staff", "list"]).output
    assert _ask_for_reset(app, client, provider["email"]) is None


def test_deactivating_an_unknown_email_says_so(runner):
    result = runner.invoke(args=["staff", "deactivate", "--email", "nobody@example.org"])
    assert result.exit_code != 0 and "There is no staff account with that email." in result.output


def test_a_sent_reset_link_is_not_kept_in_the_outbox(app, client, smtp_server):
    from tests.functional.test_outbox import use_smtp

    use_smtp(app, smtp_server.port)
    link = _ask_for_reset(app, client, ADMIN["email"])
    assert app.test_cli_runner().invoke(args=["outbox", "send"]).output.startswith("Sent")
    [received] = [m for m in smtp_server.messages if m.rcpt_tos == [ADMIN["email"]]]
    assert link in received.message.get_content()  # the link reached the mailbox
    with _db(app) as session:
        kept = session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "password-reset"))
        assert kept.status == "sent" and _path(link) not in kept.body
