"""Recovery codes on both databases: made, spent once (two sessions racing for one code, one wins), replaced,
and gone with the account's two-step sign-in."""

import threading
from datetime import UTC, datetime

import pyotp
from sqlalchemy import func, select

from app.staff.accounts import two_step
from app.staff.models import RecoveryCode, StaffUser
from demo.staff import DEMO_ACCOUNTS

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _account(session) -> StaffUser:
    return session.scalar(select(StaffUser).where(StaffUser.email == DEMO_ACCOUNTS["provider"]["email"]))


def test_a_code_raced_from_many_sessions_is_spent_once(site):
    factory, key = site.extensions["database"]["factory"], site.config["SECRET_KEY"]
    with site.app_context(), factory() as session:
        account = _account(session)
        codes = two_step.turn_on(session, account, SECRET, pyotp.TOTP(SECRET).at(AT), AT, key)
        assert len(codes) == 10
    won, barrier = [], threading.Barrier(6)

    def spend():
        with site.app_context(), factory() as session:
            account = _account(session)
            barrier.wait()
            won.append(two_step.use_recovery_code(session, account, codes[0], key, AT))

    threads = [threading.Thread(target=spend) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * 5 + [True]
    with site.app_context(), factory() as session:
        account = _account(session)
        assert two_step.recovery_codes_left(session, account) == 9
        new = two_step.new_recovery_codes(session, account, key)
        assert not set(new) & set(codes) and two_step.recovery_codes_left(session, account) == 10
        assert not two_step.use_recovery_code(session, account, codes[1], key, AT), "the old codes went"
        assert two_step.use_recovery_code(session, account, new[1], key, AT)
        two_step.turn_off(session, account)
        assert session.scalar(select(func.count()).select_from(RecoveryCode)) == 0
