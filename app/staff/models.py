"""Staff accounts, password resets, school pupils, and the audit trail."""

import secrets
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, event, func
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.database import Base
from app.pathways.limits import ID

ROLES = ("council-admin", "provider", "school", "commissioner", "directory-editor")
ROLE_NAMES = {
    "council-admin": "Council admin",
    "provider": "Provider staff",
    "school": "School staff",
    "commissioner": "Commissioner",
    "directory-editor": "Directory editor",
}


class School(Base):
    """A school whose staff start pupils' checklists in review meetings. Staff and pupils belong to one by its id:
    two schools may share a name and never see each other's pupils."""

    __tablename__ = "school"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    def __str__(self) -> str:
        return self.name


class StaffUser(Base):
    """A member of staff. Provider staff belong to one organisation; school staff to one school."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    organization_id: Mapped[str | None] = mapped_column(String(ID))  # provider staff: the HSDS organisation
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"), index=True)  # school staff: their school
    school: Mapped[School | None] = relationship(lazy="joined")
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the sign-in cookie: changing it (new password, sign out everywhere) ends every session.
    session_token: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_hex(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Two-step sign-in: the authenticator app's shared secret (base32), and the last time-step whose code was
    # used, so that no code is accepted twice. No secret: the second step is off.
    totp_secret: Mapped[str | None] = mapped_column(String(32))
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    # Flask-Login
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}.{self.session_token}"


class RecoveryCode(Base):
    """A one-use code that stands in for the authenticator app's code at sign-in, for a lost or broken phone.
    Only a keyed hash of it is kept; it is shown once, when made."""

    __tablename__ = "staff_recovery_code"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PasswordReset(Base):
    """A one-use link to set a new password. Only a hash of its token is kept."""

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SignInLink(Base):
    """A one-use emailed link that signs a member of staff in, for when wrong passwords mean a wait.
    Only a hash of its token is kept."""

    __tablename__ = "sign_in_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Pupil(Base):
    """A pupil whose checklists a school started in a review meeting, with the consent recorded."""

    __tablename__ = "pupil"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    school: Mapped[School] = relationship(lazy="joined")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    pupil_name: Mapped[str] = mapped_column(String(120))
    year_group: Mapped[str] = mapped_column(String(20))
    consent_by: Mapped[str] = mapped_column(String(20))  # pupil, parent, or pupil-and-parent
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    checklist_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_session.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AuditEntry(Base):
    """Who looked at or changed what. Rows are added, never changed or removed (see the guard below).
    object_ref is an id or a reference; detail is a code, never personal data."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40))  # view, change, denied, export, sign-in, ...
    object_type: Mapped[str] = mapped_column(String(40))  # referral, pupil, staff, outbox, ...
    object_ref: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[str | None] = mapped_column(String(200))


class AuditTrailIsAppendOnly(RuntimeError):
    pass


@event.listens_for(Session, "before_flush")
def _audit_is_append_only(session: Session, _context, _instances) -> None:
    for instance in (*session.dirty, *session.deleted):
        if isinstance(instance, AuditEntry) and (instance in session.deleted or session.is_modified(instance)):
            raise AuditTrailIsAppendOnly("Audit entries cannot be changed or removed.")
