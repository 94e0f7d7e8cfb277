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

    # Referrals
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")  # for links in messages
    CONTACT_WITHIN_WORKING_DAYS = int(os.environ.get("CONTACT_WITHIN_WORKING_DAYS", "5"))  # the agreed time to first contact
    HOLIDAYS = tuple(day for day in os.environ.get("HOLIDAYS", "2026-12-25,2026-12-28,2027-01-01").split(",") if day)  # not working days
    REFERRAL_KEEP_DAYS = int(os.environ.get("REFERRAL_KEEP_DAYS", str(3 * 365)))  # after the referral is closed or last changed
    COUNCIL_TEAM_NAME = os.environ.get("COUNCIL_TEAM_NAME", "Sandbridge Council supported employment team (demo)")
    COUNCIL_TEAM_EMAIL = os.environ.get("COUNCIL_TEAM_EMAIL", "supported-employment-team@example.org")
    COUNCIL_ORGANIZATION_ID = os.environ.get("COUNCIL_ORGANIZATION_ID", "b8971a6b-17ea-52e8-9a2f-4cb7a097b01e")  # the council in the directory (demo: Sandbridge Council)
    INBOX_PAGE_SIZE = 25  # referrals a page

    # Staff sign-in
    SIGN_IN_TRIES_PER_ACCOUNT = 5  # tries per window at one email address
    SIGN_IN_TRIES_PER_CLIENT = 20  # tries per window from one address
    SIGN_IN_WINDOW_MINUTES = 15  # minutes
    PASSWORD_RESET_MINUTES = 60  # minutes a reset link works
    PASSWORD_MIN_LENGTH = 12  # characters

    # Outbox: SMTP or GOV.UK Notify
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")  # smtp or notify
    MAIL_FROM = os.environ.get("MAIL_FROM", "My Way to Work <no-reply@example.org>")
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "0") == "1"
    SMTP_TIMEOUT = 10  # seconds
    NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
    NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")  # an email template with ((subject)) and ((body))
    NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
    OUTBOX_MAX_ATTEMPTS = 20  # with waits doubling to a 6-hour cap, about 3 days of tries; then failed and shown to staff
    OUTBOX_BACKOFF_SECONDS = 60  # the first wait; it doubles after each failed try
    OUTBOX_LOOP_SECONDS = 10  # how often the worker looks for messages


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
