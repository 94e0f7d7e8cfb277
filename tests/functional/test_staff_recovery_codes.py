"""Recovery codes for two-step sign-in: ten one-use codes, shown once when it is turned on, that stand in for
the app's code when a phone is lost; only a keyed hash of each is kept, a used code never works again, wrong
ones count with wrong passwords, and new codes (which need the password) replace the old."""

import re

import pyotp
from sqlalchemy import select

from app.staff.accounts import two_step
from app.staff.models import AuditEntry, RecoveryCode
from tests.functional.test_staff_two_step import PROVIDER, _account, _actions, _client, _db, _sign_in, _signed_in

CODE = re.compile(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>")


def _turn_on(app, client, moment) -> tuple[str, list[str]]:
    """Sign in, set up two-step sign-in, and read the recovery codes from the page that shows them."""
    _sign_in(client, PROVIDER)
    page = client.get("/staff/two-step").get_data(as_text=True)
    secret = re.search(r'<p class="setup-key"><code>([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    shown = client.post("/staff/two-step", data={"code": pyotp.TOTP(secret).at(moment.at)}).get_data(as_text=True)
    return secret, CODE.findall(shown)


def _recovery(client, code: str):
    return client.post("/staff/sign-in/code", data={"recovery-code": code})


def test_turning_it_on_shows_ten_different_codes_once_and_keeps_only_keyed_hashes(app, moment):
    client = _client(app)
    _secret, codes = _turn_on(app, client, moment)
    assert len(codes) == len(set(codes)) == two_step.RECOVERY_CODES
    with _db(app) as session:
        kept = list(session.scalars(select(RecoveryCode.code_hash)))
    assert len(kept) == 10 and not any(code in kept or code.replace("-", "") in kept for code in codes)
    assert sorted(kept) == sorted(two_step.recovery_digest(code, app.config["SECRET_KEY"]) for code in codes)
    page = client.get("/staff/two-step").get_data(as_text=True)
    assert "You have 10 recovery codes left." in page and not CODE.search(page), "never shown again"


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(app, moment):
    client = _client(app)
    _secret, codes = _turn_on(app, client, moment)
    client.post("/staff/sign-out")
    assert _sign_in(client, PROVIDER).headers["Location"] == "/staff/sign-in/code"
    page = client.get("/staff/sign-in/code").get_data(as_text=True)
    assert "Lost your phone? Use a recovery code" in page and 'name="recovery-code"' in page
    used = _recovery(client, codes[3].upper().replace("-", " "))  # typed in capitals, with a space
    assert used.status_code == 302 and used.headers["Location"] == "/staff/two-step?done=recovery"
    assert _signed_in(client)
    page = client.get("/staff/two-step?done=recovery").get_data(as_text=True)
    assert "You signed in with a recovery code." in page and "You have 9 recovery codes left." in page
    assert "two-step-recovery-code" in _actions(app)
    client.post("/staff/sign-out")
    _sign_in(client, PROVIDER)
    again = _recovery(client, codes[3])
    assert again.status_code == 200 and "That recovery code is not right, or it was used before" in again.get_data(
        as_text=True
    )
    assert 'value="' + codes[3] + '"' in again.get_data(as_text=True), "what was typed is kept"
    assert '<details class="recovery-choice" open>' in again.get_data(as_text=True)
    assert not _signed_in(client)
    assert _recovery(client, codes[4]).status_code == 302 and _signed_in(client)


def test_a_code_of_the_wrong_shape_gets_an_easy_read_error_and_counts_nothing(app, moment):
    client = _client(app)
    _turn_on(app, client, moment)
    client.post("/staff/sign-out")
    _sign_in(client, PROVIDER)
    for typed in ("hello", "abcde-fghij-klm", "0oil1-23456", "", "<script>", "x" * 5000):
        response = _recovery(client, typed)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "There is a problem" in page, typed[:20]
    assert "two-step-failed" not in _actions(app)


def test_wrong_recovery_codes_mean_the_same_waits_as_wrong_passwords(app, moment):
    client = _client(app)
    _secret, codes = _turn_on(app, client, moment)
    client.post("/staff/sign-out")
    _sign_in(client, PROVIDER)
    for _ in range(app.config["SIGN_IN_FREE_FAILURES_PER_ACCOUNT"]):
        assert _recovery(client, "abcde-fghjk").status_code == 200
    waiting = _recovery(client, codes[0])
    assert waiting.status_code == 429 and "Try again in 1 minute." in waiting.get_data(as_text=True)
    assert not _signed_in(client)
    with _db(app) as session:
        assert session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "two-step-failed")) == (
            "recovery-code"
        )
    moment.pass_(minutes=1)
    _sign_in(client, PROVIDER)
    assert _recovery(client, codes[0]).status_code == 302, "the code was not spent by the wait"


def test_new_codes_need_the_password_and_replace_the_old(app, moment):
    client = _client(app)
    _secret, old = _turn_on(app, client, moment)
    wrong = client.post("/staff/two-step/recovery-codes", data={"codes-password": "not-my-password-at-all"})
    assert wrong.status_code == 200 and "That password is not right" in wrong.get_data(as_text=True)
    assert "two-step-recovery-codes-failed" in _actions(app)
    empty = client.post("/staff/two-step/recovery-codes", data={"codes-password": ""})
    assert empty.status_code == 200 and "Write your password." in empty.get_data(as_text=True)
    made = client.post("/staff/two-step/recovery-codes", data={"codes-password": PROVIDER["password"]})
    new = CODE.findall(made.get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)
    assert "two-step-new-recovery-codes" in _actions(app)
    client.post("/staff/sign-out")
    _sign_in(client, PROVIDER)
    assert _recovery(client, old[0]).status_code == 200, "the old codes stopped working"
    assert _recovery(client, new[0]).status_code == 302


def test_turning_it_off_removes_the_codes(app, moment):
    client = _client(app)
    _turn_on(app, client, moment)
    assert client.post("/staff/two-step/off", data={"password": PROVIDER["password"]}).status_code == 302
    assert _account(app, PROVIDER["email"]).totp_secret is None
    with _db(app) as session:
        assert session.scalars(select(RecoveryCode)).all() == []


def test_one_code_sent_twice_at_once_signs_in_only_once(app, moment):
    """The code is spent in one UPDATE: a second use, from another session, finds it gone."""
    client = _client(app)
    _secret, codes = _turn_on(app, client, moment)
    key = app.config["SECRET_KEY"]
    with _db(app) as first, _db(app) as second:
        account = first.get(type(_account(app, PROVIDER["email"])), _account(app, PROVIDER["email"]).id)
        same = second.get(type(account), account.id)
        assert two_step.use_recovery_code(first, account, codes[0], key, moment.at)
        assert not two_step.use_recovery_code(second, same, codes[0], key, moment.at)
    assert two_step.recovery_shape("HK4SW 9TMRA") and not two_step.recovery_shape("hk4sw-9tmr0")
