"""What the site knows about its audio clips, so any app server can build a missing one."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base


class AudioClip(Base):
    """A piece of page text that has audio, keyed by a hash of text, language, voice and rate."""

    __tablename__ = "audio_clip"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8))
    voice: Mapped[str] = mapped_column(String(32))
    rate: Mapped[int] = mapped_column(Integer)  # words per minute
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    built_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    # Set for text with words a person typed (search words): the purge removes the row and its file after it.
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
