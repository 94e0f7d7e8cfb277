"""The one clock: moments are stored in UTC, days are counted as they are in the UK."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def now() -> datetime:
    """This moment, in UTC, with its time zone."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in the UK, whatever the server's own time zone."""
    return datetime.now(UK).date()


def aware(moment: datetime) -> datetime:
    """A stored moment with its time zone: SQLite gives datetimes back without one, always in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def uk_time(moment: datetime) -> datetime:
    """A stored moment as a clock in the UK shows it."""
    return aware(moment).astimezone(UK)
