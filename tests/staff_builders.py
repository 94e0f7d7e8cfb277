"""Builders for the staff tests: referrals and staff accounts written straight to the database."""

import secrets
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from app.referrals.models import Referral, ReferralEvent
from app.referrals.reference import new_reference
from app.staff.models import AuditEntry, StaffUser
from demo.staff import WORKS_ORG

HOSPITAL_ORG = "dd183d14-5e33-56e5-9dcf-4c37db48a219"  # Sandbridge Hospital (demo)
HOSPITAL_JOBS = "42fe1ea7-5128-5f7a-ac97-24b83f8d4d26"
WORKS_BIKES = "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Sandbridge Works: Supported employment with a job coach


def session_for(app):
    return app.extensions["database"]["factory"]()


def make_referral(app, **overrides) -> str:
    """A referral to a Sandbridge Works service, made today; returns its reference."""
    now = datetime.now(UTC)
    values = dict(
        reference=new_reference(),
        idempotency_key=secrets.token_hex(16),
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        service_id=WORKS_BIKES,
        service_name="Supported employment with a job coach",
        organization_id=WORKS_ORG,
        ladder_step="supported-employment",
        age_band="19-25",
        status="new",
        contact_due_on=date.today() + timedelta(days=7),
        asker="self",
        person_name="Test Person (demo)",
        age=20,
        contact_methods=["phone"],
        phone="01632 960999",
        email="test.person@example.org",
        contact_times=["morning"],
        needs=["bsl"],
        consent_at=now,
    )
    values.update(overrides)
    with session_for(app) as session:
        referral = Referral(**values)
        session.add(referral)
        session.flush()
        session.add(ReferralEvent(referral_id=referral.id, at=values["created_at"], kind="created", to_status="new"))
        session.commit()
        return referral.reference


def add_staff(
    app, email: str, role: str = "provider", organization_id: str | None = HOSPITAL_ORG, name: str = "Pat Jones (demo)"
) -> int:
    with session_for(app) as session:
        user = StaffUser(
            email=email,
            name=name,
            role=role,
            organization_id=organization_id,
            password_hash=generate_password_hash("a long test password"),
            active=True,
        )
        session.add(user)
        session.commit()
        return user.id


def referral(app, reference: str) -> Referral:
    with session_for(app) as session:
        found = session.scalar(select(Referral).where(Referral.reference == reference))
        session.expunge_all()
        return found


def events(app, reference: str) -> list[ReferralEvent]:
    with session_for(app) as session:
        found = list(
            session.scalars(
                select(ReferralEvent).join(Referral).where(Referral.reference == reference).order_by(ReferralEvent.id)
            )
        )
        session.expunge_all()
        return found


def audit_entries(app, **where) -> list[AuditEntry]:
    with session_for(app) as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        for name, value in where.items():
            query = query.where(getattr(AuditEntry, name) == value)
        found = list(session.scalars(query))
        session.expunge_all()
        return found


def count(app, query) -> int:
    with session_for(app) as session:
        return session.scalar(select(func.count()).select_from(query.subquery()))
