"""A person's checklist answers, kept without an account, found again by a resume code."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base


class ChecklistSession(Base):
    """One person's checklists. Only a keyed hash of the resume code is stored."""

    __tablename__ = "checklist_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    answers: Mapped[list["ChecklistAnswer"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )
    share_links: Mapped[list["ShareLink"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )
    open_links: Mapped[list["OpenLink"]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )


class ChecklistAnswer(Base):
    """The answer to one step: the chosen option ids, or the words typed, or skipped."""

    __tablename__ = "checklist_answer"
    __table_args__ = (UniqueConstraint("session_id", "checklist_id", "step_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("checklist_session.id", ondelete="CASCADE"), index=True)
    checklist_id: Mapped[str] = mapped_column(String(40))
    step_id: Mapped[str] = mapped_column(String(40))
    choices: Mapped[list] = mapped_column(JSON, default=list)
    text: Mapped[str | None] = mapped_column(Text)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    session: Mapped[ChecklistSession] = relationship(back_populates="answers")


class ShareLink(Base):
    """A read-only link to a plan, made by the person, that expires or can be stopped."""

    __tablename__ = "share_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("checklist_session.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stopped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    session: Mapped[ChecklistSession] = relationship(back_populates="share_links")


class OpenLink(Base):
    """The square code on the save page: opens these checklists once, for a short time, on another phone.

    The address carries a random token, never the resume code. The row keeps a hash of the token and the code
    sealed with a key made from the token (app.checklists.open_links), so only the phone that has the token can
    open the checklists and be shown their code."""

    __tablename__ = "open_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("checklist_session.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    sealed_code: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    session: Mapped[ChecklistSession] = relationship(back_populates="open_links")
