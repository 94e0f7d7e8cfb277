"""Models shared across the site. Each blueprint keeps its own models beside it."""
from app.easyread.models import AudioClip  # noqa: F401  (imported so Alembic sees every table)
