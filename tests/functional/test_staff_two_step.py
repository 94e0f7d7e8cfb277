"""Two-step sign-in: a code from an authenticator app after the password or a sign-in link, set up on its
own page, never accepted twice, counted with wrong passwords, and required for the roles a setting names."""

import re
from urllib.parse import urlsplit

import pyotp
from sqlalchemy import select

from app.staff.models import AuditEntry, StaffUser
from demo.staff import DEMO_ACCOUNTS
from tests.functional.test_staff_sign_in_limits import _ask_for_link
from tests.site import PageCheckingClient

PROVIDER = DEMO_ACCOUNTS["provider"]
ADMIN = DEMO_ACCOUNTS["council-admin"]
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _db(app):
    return app.extensions["database"]["factory"]()


def _client(app):
    app.test_client_class = PageCheckingClient
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    return client


def _account(app, email: str) -> StaffUser:
    with _db(app) as session:
        return session.scalar(select(StaffUser).where(StaffUser.email == email))


def _give_two_step(app, email: str, secret: str = SECRET) -> None:
    with _db(app) as session:
        account = session.scalar(select(StaffUser).where(StaffUser.email == email))
        account.totp_secret = secret
        session.commit()


def _actions(app) -> list[str]:
    with _db(app) as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def _sign_in(client, account: dict):
    return client.post("/staff/sign-in", data={"email": account["email"], "password": account["password"]})


def _code(client, code: str):
    return client.post("/staff/sign-in/code", data={"code": code})


def _signed_in(client) -> bool:
    return client.get("/staff/").status_code == 200


def test_setting_it_up_then_signing_in_needs_the_code(app, moment):
    client = _client(app)
    _sign_in(client, PROVIDER)
    page = client.get("/staff/two-step").get_data(as_text=True)
    assert "Set up two-step sign-in" in page and "<svg" in page
    secret = re.search(r'<p class="setup-key"><code>([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    assert len(secret) == 32 and _account(app, PROVIDER["email"]).totp_secret is None
    wrong = client.post("/staff/two-step", data={"code": "000000"})
    assert "That code is not right" in wrong.get_data(as_text=True) and 'value="000000"' in wrong.get_data(as_text=True)
    assert (
        client.get("/staff/two-step").get_data(as_text=True).count(" ".join(secret[i : i + 4] for i in range(0, 32, 4)))
        == 1
    ), "the same secret until it is saved"
    saved = client.post("/staff/two-step", data={"code": pyotp.TOTP(secret).at(moment.at)})
    page = saved.get_data(as_text=True)
    assert saved.status_code == 200 and "Your recovery codes" in page, "the recovery codes, shown once"
    assert 'href="/staff/two-step?done=on"' in page
    assert _account(app, PROVIDER["email"]).totp_secret == secret and "two-step-on" in _actions(app)
    client.post("/staff/sign-out")

    moment.pass_(seconds=30)
    password = _sign_in(client, PROVIDER)
    assert password.status_code == 302 and password.headers["Location"] == "/staff/sign-in/code"
    assert not _signed_in(client), "not signed in until the code"
    assert "Type the code from your phone" in client.get("/staff/sign-in/code").get_data(as_text=True)
    right = _code(client, pyotp.TOTP(secret).at(moment.at))
    assert right.status_code == 302 and right.headers["Location"] == "/staff/"
    assert _signed_in(client)
    with _db(app) as session:
        last = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "sign-in").order_by(AuditEntry.id.desc())
        ).first()
        assert last.detail == "two-step"


def test_a_code_or_an_earlier_step_is_never_accepted_twice(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    totp = pyotp.TOTP(SECRET)
    _sign_in(client, PROVIDER)
    assert _code(client, totp.at(moment.at)).status_code == 302
    client.post("/staff/sign-out")
    _sign_in(client, PROVIDER)
    again = _code(client, totp.at(moment.at))
    assert again.status_code == 200 and "That code is not right" in again.get_data(as_text=True)
    moment.pass_(seconds=30)
    assert _code(client, totp.at(moment.at, counter_offset=-1)).status_code == 200, "the step before is used up"
    assert _code(client, totp.at(moment.at)).status_code == 302


def test_a_code_works_one_step_either_side_and_no_further(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    totp = pyotp.TOTP(SECRET)
    _sign_in(client, PROVIDER)
    assert _code(client, totp.at(moment.at, counter_offset=2)).status_code == 200
    assert _code(client, totp.at(moment.at, counter_offset=1)).status_code == 302


def test_wrong_codes_mean_the_same_waits_as_wrong_passwords(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    _sign_in(client, PROVIDER)
    right = pyotp.TOTP(SECRET).at(moment.at)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        assert _code(client, wrong).status_code == 200
    waiting = _code(client, right)
    assert waiting.status_code == 429 and "Try again in 1 minute." in waiting.get_data(as_text=True)
    assert not _signed_in(client)
    assert _sign_in(client, PROVIDER).status_code == 429, "the right password does not forget wrong codes"
    assert "two-step-failed" in _actions(app)
    moment.pass_(minutes=1)
    assert _sign_in(client, PROVIDER).status_code == 302
    assert _code(client, pyotp.TOTP(SECRET).at(moment.at)).status_code == 302 and _signed_in(client)


def test_a_half_done_sign_in_ends_after_its_minutes(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    _sign_in(client, PROVIDER)
    moment.pass_(minutes=app.config["STAFF_TOTP_PENDING_MINUTES"])
    late = _code(client, pyotp.TOTP(SECRET).at(moment.at))
    assert late.status_code == 200 and "Signing in took too long" in late.get_data(as_text=True)
    assert not _signed_in(client)


def test_a_sign_in_link_needs_the_code_too(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    path = urlsplit(_ask_for_link(app, client, PROVIDER["email"])).path
    used = client.post(path)
    assert used.status_code == 302 and used.headers["Location"] == "/staff/sign-in/code"
    assert not _signed_in(client)
    assert _code(client, pyotp.TOTP(SECRET).at(moment.at)).status_code == 302 and _signed_in(client)


def test_a_role_that_needs_it_sets_it_up_before_signing_in(app, moment):
    app.config["STAFF_TOTP_REQUIRED_ROLES"] = ("council-admin",)
    client = _client(app)
    first = _sign_in(client, ADMIN)
    assert first.status_code == 302 and first.headers["Location"] == "/staff/sign-in/two-step"
    assert not _signed_in(client)
    page = client.get("/staff/sign-in/two-step").get_data(as_text=True)
    assert "Your role needs two-step sign-in" in page
    secret = re.search(r'<p class="setup-key"><code>([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    saved = client.post("/staff/sign-in/two-step", data={"code": pyotp.TOTP(secret).at(moment.at)})
    assert saved.status_code == 200 and "Your recovery codes" in saved.get_data(as_text=True)
    assert 'href="/staff/"' in saved.get_data(as_text=True)
    assert _signed_in(client)
    refused = client.post("/staff/two-step/off", data={"password": ADMIN["password"]})
    assert refused.status_code == 403 and "you cannot turn it off" in refused.get_data(as_text=True)
    assert _account(app, ADMIN["email"]).totp_secret == secret


def test_turning_it_off_needs_the_password(app, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    _sign_in(client, PROVIDER)
    _code(client, pyotp.TOTP(SECRET).at(moment.at))
    assert "Turn off two-step sign-in" in client.get("/staff/two-step").get_data(as_text=True)
    wrong = client.post("/staff/two-step/off", data={"password": "not-my-password-at-all"})
    assert wrong.status_code == 200 and "That password is not right" in wrong.get_data(as_text=True)
    assert _account(app, PROVIDER["email"]).totp_secret == SECRET
    off = client.post("/staff/two-step/off", data={"password": PROVIDER["password"]})
    assert off.status_code == 302 and _account(app, PROVIDER["email"]).totp_secret is None
    assert "two-step-off" in _actions(app)
    client.post("/staff/sign-out")
    assert _sign_in(client, PROVIDER).headers["Location"] == "/staff/"


def test_a_command_turns_it_off_for_a_lost_phone_and_signs_the_account_out(app, runner, moment):
    _give_two_step(app, PROVIDER["email"])
    client = _client(app)
    _sign_in(client, PROVIDER)
    _code(client, pyotp.TOTP(SECRET).at(moment.at))
    assert _signed_in(client)
    result = runner.invoke(args=["staff", "two-step-off", "--email", PROVIDER["email"]])
    assert result.exit_code == 0, result.output
    assert _account(app, PROVIDER["email"]).totp_secret is None and not _signed_in(client)
    with _db(app) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "two-step-off")).one()
        assert entry.staff_id is None and entry.detail == "command"
    assert runner.invoke(args=["staff", "two-step-off", "--email", "nobody@example.org"]).exit_code != 0
