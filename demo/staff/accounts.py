"""The demo staff accounts, one per role, with the public demo passwords from demo/staff/__init__.py."""

from functools import cache

from flask import Flask
from sqlalchemy import func, select

from app.staff.accounts.passwords import hash_password
from app.staff.models import School, StaffUser
from demo.staff import DEMO_ACCOUNTS


@cache
def _demo_hash(password: str) -> str:
    """Hashing is slow on purpose; the tests load the demo data many times in one process."""
    return hash_password(password)


def load(app: Flask) -> str:
    with app.extensions["database"]["factory"]() as session:
        schools = {}
        for account in DEMO_ACCOUNTS.values():
            if account["school"] and account["school"] not in schools:
                schools[account["school"]] = School(name=account["school"])
                session.add(schools[account["school"]])
        for role, account in DEMO_ACCOUNTS.items():
            session.add(
                StaffUser(
                    email=account["email"],
                    name=account["name"],
                    role=role,
                    password_hash=_demo_hash(account["password"]),
                    organization_id=account["organization_id"],
                    school=schools.get(account["school"]),
                    active=True,
                )
            )
        session.commit()
    return f"Staff: {len(DEMO_ACCOUNTS)} demo accounts, one for each role."


def is_empty(app: Flask) -> bool:
    with app.extensions["database"]["factory"]() as session:
        return not session.scalar(select(func.count()).select_from(StaffUser))
