"""Settings, read from the environment in one place."""
import os
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"


class ConfigError(RuntimeError):
    """A setting is missing or wrong, so the site must not start."""


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-not-secret")
    DATABASE_URL = os.environ.get("DATABASE_URL") or _sqlite_url(INSTANCE_DIR / "mywaytowork.db")
    CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "help@example.org")
    ACCESSIBILITY_CHECKED_ON = date(2026, 11, 23)  # the last full accessibility check
    LANGUAGES = ("en", "cy")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    LANG_COOKIE_DAYS = 365  # days
    READING_COOKIE_DAYS = 365  # days
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_TIME_LIMIT = None  # no time limit may lose work; the token lives as long as the session
    MAX_CONTENT_LENGTH = 64 * 1024  # bytes; every form here is small
    SYMBOLS_DIR = str(PROJECT_ROOT / "easyread_assets" / "symbols")
    SYMBOL_INDEX = str(PROJECT_ROOT / "easyread_assets" / "symbols.json")
    AUDIO_DIR = os.environ.get("AUDIO_DIR") or str(PROJECT_ROOT / "easyread_assets" / "audio")
    AUDIO_VOICES = {"en": "gmw/en", "cy": "cel/cy"}
    AUDIO_RATE = int(os.environ.get("AUDIO_RATE", "150"))  # words per minute
    AUDIO_BITRATE = 32  # kbps, mono
    AUDIO_ENABLED = os.environ.get("AUDIO_ENABLED", "1") != "0"
    STATIC_MAX_AGE = 365 * 24 * 3600  # seconds, for files whose name carries their hash
    CHECKLIST_DAYS = int(os.environ.get("CHECKLIST_DAYS", "180"))  # days after the last change
    SHARE_LINK_DAYS = int(os.environ.get("SHARE_LINK_DAYS", "30"))  # days
    RESUME_TRIES_PER_CLIENT = 10  # tries per window from one address
    RESUME_TRIES_PER_CODE = 5  # tries per window at one code
    RESUME_WINDOW_MINUTES = 15  # minutes


class DevelopmentConfig(Config):
    pass


class ProductionConfig(Config):
    ENV_NAME = "production"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SESSION_COOKIE_SECURE = True


class TestConfig(Config):
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-only-not-secret"
    WTF_CSRF_ENABLED = False  # tests that check CSRF switch it back on
    DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")


CONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig, "test": TestConfig}


def load_config(overrides: dict | None = None) -> dict:
    """Pick the settings class from APP_ENV, apply overrides and check secrets."""
    overrides = dict(overrides or {})
    env_name = overrides.pop("APP_ENV", None) or os.environ.get("APP_ENV", "development")
    if env_name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}, not {env_name!r}.")
    cls = CONFIGS[env_name]
    settings = {key: getattr(cls, key) for key in dir(cls) if key.isupper()}
    settings.update(overrides)
    if env_name == "production" and not settings.get("SECRET_KEY"):
        raise ConfigError(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example: python -c 'import secrets; print(secrets.token_hex(32))') "
            "before starting the site in production."
        )
    return settings
