"""Password hashing, the new-password rules, reset tokens, and which next pages are safe after sign-in."""

import hashlib

import pytest

from app.staff.accounts.passwords import hash_password, new_token, password_matches, password_problem, token_digest
from app.staff.accounts.routes import safe_next


def test_hashes_use_scrypt_and_a_salt():
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first.startswith("scrypt:") and second.startswith("scrypt:")
    assert first != second
    assert "correct horse battery" not in first


def test_a_password_matches_only_its_own_hash():
    stored = hash_password("correct horse battery")
    assert password_matches(stored, "correct horse battery")
    assert not password_matches(stored, "Correct horse battery")
    assert not password_matches(stored, "")


def test_no_account_never_matches_but_still_checks_a_hash(monkeypatch):
    import app.staff.accounts.passwords as passwords

    checked = []
    monkeypatch.setattr(passwords, "check_password_hash", lambda stored, password: checked.append(stored) or True)
    assert not password_matches(None, "anything at all")
    assert len(checked) == 1 and checked[0].startswith("scrypt:")


@pytest.mark.parametrize(
    "password, problem",
    [
        ("elevenchars", "Use at least 12 characters."),
        ("x" * 201, "Use 200 characters or fewer."),
        (" Sam@Example.org ", "Do not use your email address as your password."),
        ("twelve chars", None),
        ("a long and unusual passphrase", None),
    ],
)
def test_new_password_rules(password, problem):
    assert password_problem(password, "sam@example.org", 12) == problem


def test_reset_tokens_are_long_random_and_stored_only_as_a_hash():
    token, digest = new_token()
    other, _ = new_token()
    assert len(token) >= 43 and token != other
    assert digest == hashlib.sha256(token.encode()).hexdigest() == token_digest(token)
    assert token not in digest


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/staff/", "/staff/"),
        ("/staff", "/staff"),
        ("/staff/referrals?status=new", "/staff/referrals?status=new"),
        (None, None),
        ("", None),
        ("/staffroom", None),
        ("/my-work/", None),
        ("https://evil.example/staff/", None),
        ("//evil.example/staff/", None),
        ("///evil.example/staff/", None),
        ("/\\evil.example", None),
        ("/staff/../my-work/", None),
        ("/staff/\r\nLocation: https://evil.example", None),
        ("javascript:alert(1)", None),
    ],
)
def test_only_staff_paths_on_this_site_are_safe_to_go_to_after_sign_in(target, expected):
    assert safe_next(target) == expected
