"""Settings, read from the environment in one place. Production has no made-up values: it refuses to start
until every setting that names the council, its addresses and its mail is set."""

import json
import os
import secrets
from datetime import date
from functools import cache
from pathlib import Path

from app import clock
from app.outcomes.definitions import ProgrammeError, reported

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"
BANK_HOLIDAYS_FILE = PROJECT_ROOT / "app" / "data" / "bank-holidays-england-and-wales.json"


class ConfigError(RuntimeError):
    """A setting is missing or wrong, so the site must not start."""


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _days(value: str) -> tuple[str, ...]:
    return tuple(day.strip() for day in value.split(",") if day.strip())


@cache
def bank_holidays(path: Path = BANK_HOLIDAYS_FILE) -> tuple[str, ...]:
    """The England and Wales bank holidays (Wales shares England's), from the published list the project ships."""
    with open(path, encoding="utf-8") as handle:
        return tuple(event["date"] for event in json.load(handle)["events"])


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    # Development without SECRET_KEY makes a random key here once and keeps it (readable by its owner only).
    SECRET_KEY_FILE = os.environ.get("SECRET_KEY_FILE") or str(INSTANCE_DIR / "secret_key")
    DATABASE_URL = os.environ.get("DATABASE_URL") or _sqlite_url(INSTANCE_DIR / "mywaytowork.db")
    CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL")  # shown on the accessibility and privacy pages
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
    AUDIO_WORKERS = int(os.environ.get("AUDIO_WORKERS", "2"))  # speech processes per web process
    AUDIO_TIMEOUT = float(os.environ.get("AUDIO_TIMEOUT", "20"))  # seconds a text may take, plus 1 s per 100 characters
    AUDIO_SPEECH_MAKER = "app.easyread.pool:make_speech"  # what each speech process runs (tests put a fake here)
    AUDIO_TYPED_ARGS = ("q",)  # query values a person types: audio with these words is kept a short time only
    AUDIO_TYPED_HOURS = int(os.environ.get("AUDIO_TYPED_HOURS", "24"))  # hours, then the purge removes them
    AUDIO_TYPED_PER_CLIENT = int(os.environ.get("AUDIO_TYPED_PER_CLIENT", "30"))  # new typed clips an hour per address
    AUDIO_TYPED_MAX_CLIPS = int(os.environ.get("AUDIO_TYPED_MAX_CLIPS", "2000"))  # typed clips stored at once
    AUDIO_PRIVATE_PER_CLIENT = int(os.environ.get("AUDIO_PRIVATE_PER_CLIENT", "300"))  # private readings an hour
    AUDIO_MAX_DISK_MB = int(os.environ.get("AUDIO_MAX_DISK_MB", "2000"))  # MB of clips; beyond it, no new clips
    # Pages whose audio the build makes first, in this order; then every other page.
    AUDIO_BUILD_FIRST = ("/", "/my-work", "/find-work", "/services")
    DB_BUSY_TIMEOUT_MS = int(os.environ.get("DB_BUSY_TIMEOUT_MS", "5000"))  # ms a write waits for a lock
    # Whole public pages kept in memory in each process (app/pagecache.py); 0 entries turns the cache off.
    PAGE_CACHE_ENTRIES = int(os.environ.get("PAGE_CACHE_ENTRIES", "300"))  # pages per process, least used dropped
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # seconds a kept page lives at most
    PAGE_CACHE_CHECK_SECONDS = 1.0  # seconds between looks at whether another process changed the directory
    PAGE_CACHE_AUDIO_WAIT_SECONDS = 30  # seconds a page that says its audio is not ready is kept
    STATIC_MAX_AGE = 365 * 24 * 3600  # seconds, for files whose name carries their hash
    # The nation the council works in: "england" (EHCP) or "wales" (IDP, under the ALN (Wales) Act 2018).
    NATION = os.environ.get("NATION", "england").strip().lower()
    # The programmes whose job outcomes this council reports: ids of app/outcomes/programmes/*.yaml, comma-separated.
    OUTCOME_PROGRAMMES = tuple(
        name.strip() for name in os.environ.get("OUTCOME_PROGRAMMES", "lse").split(",") if name.strip()
    )
    # A folder of the council's own rule files, in the same shape, for programmes whose numbers are in its grant
    # agreement (Connect to Work's sustained outcome): OUTCOME_PROGRAMMES may then name them. Empty: none.
    OUTCOME_RULES_DIR = os.environ.get("OUTCOME_RULES_DIR", "")
    # A journey's answers before Send (ask for help, feedback) are kept on the server this long after the last one.
    DRAFT_HOURS = int(
        os.environ.get("DRAFT_HOURS", "24")
    )  # hours, then the answers are lost and the purge removes them
    CHECKLIST_DAYS = int(os.environ.get("CHECKLIST_DAYS", "180"))  # days after the last change
    SHARE_LINK_DAYS = int(os.environ.get("SHARE_LINK_DAYS", "30"))  # days
    OPEN_LINK_MINUTES = int(
        os.environ.get("OPEN_LINK_MINUTES", "60")
    )  # the save page's square code works once, this long
    # Wrong resume codes before waits begin; each further one doubles the wait (1, 2, 4 ... minutes) to the longest.
    # Codes that open checklists never count.
    RESUME_FREE_FAILURES_PER_BROWSER = 5  # from one browser
    RESUME_FREE_FAILURES_PER_WORDS = 10  # at one code's words, from anywhere
    RESUME_FREE_FAILURES_PER_CLIENT = 150  # from one address: a class of 30 on a school's address stays far below
    RESUME_LONGEST_WAIT_MINUTES = 60  # minutes

    # Referrals
    PUBLIC_URL = os.environ.get("PUBLIC_URL")  # for links in messages
    CONTACT_WITHIN_WORKING_DAYS = int(
        os.environ.get("CONTACT_WITHIN_WORKING_DAYS", "5")
    )  # the agreed time to first contact
    # Days the council is closed (YYYY-MM-DD, comma separated), added to the bank holidays: load_config
    # makes HOLIDAYS every day that is not a working day.
    HOLIDAYS = _days(os.environ.get("HOLIDAYS", ""))
    REFERRAL_KEEP_DAYS = int(
        os.environ.get("REFERRAL_KEEP_DAYS", str(3 * 365))
    )  # after the referral is closed or last changed
    COUNCIL_TEAM_NAME = os.environ.get("COUNCIL_TEAM_NAME")
    COUNCIL_TEAM_EMAIL = os.environ.get("COUNCIL_TEAM_EMAIL")
    COUNCIL_TEAM_PHONE = os.environ.get("COUNCIL_TEAM_PHONE")  # optional: shown after Send with the team's email
    COUNCIL_ORGANIZATION_ID = os.environ.get("COUNCIL_ORGANIZATION_ID")  # the council in the directory
    INBOX_PAGE_SIZE = 25  # referrals a page
    # Feedback: a link asked for at first contact, a job start and an outcome works once, for this long.
    FEEDBACK_LINK_DAYS = int(os.environ.get("FEEDBACK_LINK_DAYS", "28"))  # days

    # "Where is my request?": tries at a reference and code or date of birth
    STATUS_TRIES_PER_CLIENT = 10  # tries per window from one address
    STATUS_TRIES_PER_BROWSER = 10  # tries per window from one browser
    STATUS_TRIES_PER_REFERENCE = 5  # tries per window at one reference
    STATUS_WINDOW_MINUTES = 15  # minutes

    # Staff sign-in
    STAFF_IDLE_MINUTES = int(os.environ.get("STAFF_IDLE_MINUTES", "30"))  # minutes without a staff page
    STAFF_MAX_HOURS = int(os.environ.get("STAFF_MAX_HOURS", "12"))  # hours after signing in, however busy
    # Wrong passwords before waits begin; each further one doubles the wait (1, 2, 4 ... minutes) to the longest.
    SIGN_IN_FREE_FAILURES_PER_ACCOUNT = 5  # for one account from one address
    SIGN_IN_FREE_FAILURES_PER_CLIENT = 50  # from one address, which a whole office may share
    SIGN_IN_LONGEST_WAIT_MINUTES = 60  # minutes
    LINK_REQUESTS_PER_CLIENT = 20  # asks for a reset or sign-in link per window from one address
    LINK_EMAILS_PER_ACCOUNT = 5  # link emails an hour to one account; more asks get the same answer, no email
    SIGN_IN_WINDOW_MINUTES = 15  # minutes
    PASSWORD_RESET_MINUTES = 60  # minutes a reset link works
    SIGN_IN_LINK_MINUTES = 15  # minutes a one-use sign-in link works
    PASSWORD_MIN_LENGTH = 12  # characters
    # Two-step sign-in (a code from an authenticator app): optional for everyone, required for these roles
    # (a comma list, e.g. council-admin). Between the password and the code, a sign-in waits this long.
    STAFF_TOTP_REQUIRED_ROLES = os.environ.get("STAFF_TOTP_REQUIRED_ROLES", "")
    STAFF_TOTP_PENDING_MINUTES = 5  # minutes

    # Outbox: SMTP or GOV.UK Notify
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND")  # smtp or notify
    MAIL_FROM = os.environ.get("MAIL_FROM")
    SMTP_HOST = os.environ.get("SMTP_HOST")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "0") == "1"
    SMTP_TIMEOUT = 10  # seconds
    NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
    NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")  # an email template with ((subject)) and ((body))
    NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")  # optional: a text template with ((body))
    NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
    OUTBOX_MAX_ATTEMPTS = (
        20  # with waits doubling to a 6-hour cap, about 3 days of tries; then failed and shown to staff
    )
    OUTBOX_BACKOFF_SECONDS = 60  # the first wait; it doubles after each failed try
    OUTBOX_LOOP_SECONDS = 10  # how often the worker looks for messages
    DIRECTORY_PULL_WAIT = 2.0  # seconds before a pull's second try at a failed read; doubled before each later try


class DevelopmentConfig(Config):
    # The fictional council area of Sandbridge, whose directory and staff are in the demo data.
    CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "help@example.org")
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
    COUNCIL_TEAM_NAME = os.environ.get("COUNCIL_TEAM_NAME", "Sandbridge Council supported employment team (demo)")
    COUNCIL_TEAM_EMAIL = os.environ.get("COUNCIL_TEAM_EMAIL", "supported-employment-team@example.org")
    COUNCIL_TEAM_PHONE = os.environ.get("COUNCIL_TEAM_PHONE", "01632 960000")  # a number kept for drama
    COUNCIL_ORGANIZATION_ID = os.environ.get(
        "COUNCIL_ORGANIZATION_ID", "b8971a6b-17ea-52e8-9a2f-4cb7a097b01e"
    )  # Sandbridge Council
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")
    MAIL_FROM = os.environ.get("MAIL_FROM", "My Way to Work <no-reply@example.org>")
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True


class TestConfig(DevelopmentConfig):
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-only-not-secret"  # refused by production, as every key written in the project is
    WTF_CSRF_ENABLED = False  # tests that check CSRF switch it back on
    DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    DIRECTORY_PULL_WAIT = 0.0  # seconds: tests try again at once


CONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig, "test": TestConfig}


# What each setting production needs is for, in the message when it is not set.
REQUIRED = {
    "SECRET_KEY": "a long random value (for example: python -c 'import secrets; print(secrets.token_hex(32))'), "
    "the same on every server",
    "COUNCIL_ORGANIZATION_ID": "the council's organisation id in the directory",
    "COUNCIL_TEAM_NAME": "the name of the council team that answers requests for help",
    "COUNCIL_TEAM_EMAIL": "the email address of that team",
    "CONTACT_EMAIL": "the email address shown on the accessibility and privacy pages",
    "PUBLIC_URL": "the site's address, for links in messages (for example https://mywaytowork.example.gov.uk)",
    "MAIL_BACKEND": "how messages leave: smtp or notify",
    "MAIL_FROM": "who messages are from (for example My Way to Work <no-reply@council.gov.uk>)",
}
MIN_SECRET_KEY = 32  # characters
MIN_SECRET_KEY_VARIETY = 8  # different characters, so "a" * 64 is not a key
# Keys that have been written down in this project, or are guessed first: never a production key.
KNOWN_KEYS = frozenset(
    {
        "development-only-not-secret",
        "test-only-not-secret",
        "bench-only-not-secret",
        "changeme",
        "change-me",
        "secret",
        "dev",
        "development",
    }
)

REQUIRED_BY_BACKEND = {
    "smtp": {"SMTP_HOST": "the mail server that sends messages"},
    "notify": {"NOTIFY_API_KEY": "the GOV.UK Notify API key", "NOTIFY_TEMPLATE_ID": "the GOV.UK Notify email template"},
}


def load_config(overrides: dict | None = None) -> dict:
    """Pick the settings class from APP_ENV, apply overrides, check them and add the bank holidays to HOLIDAYS."""
    overrides = dict(overrides or {})
    env_name = overrides.pop("APP_ENV", None) or os.environ.get("APP_ENV", "development")
    if env_name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}, not {env_name!r}.")
    cls = CONFIGS[env_name]
    settings = {key: getattr(cls, key) for key in dir(cls) if key.isupper()}
    settings.update(overrides)
    extra = settings["HOLIDAYS"]
    extra = _days(extra) if isinstance(extra, str) else tuple(str(day) for day in extra)
    problems = (
        _not_dates(extra) + _unknown_programmes(settings) + _unknown_nation(settings) + _unknown_totp_roles(settings)
    )
    if env_name == "production":
        problems = (
            _missing(settings) + _weak_key(settings) + _not_emails(settings) + problems + _years_without_holidays(extra)
        )
    elif not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = instance_secret_key(Path(settings["SECRET_KEY_FILE"]))
    if problems:
        raise ConfigError(
            "The site cannot start. Set these in the environment:\n" + "\n".join(f"- {p}" for p in problems)
        )
    settings["HOLIDAYS"] = tuple(sorted({*bank_holidays(), *extra}))
    return settings


def _missing(settings: dict) -> list[str]:
    """Each setting production needs that is not set, with what it is for."""
    backend = settings.get("MAIL_BACKEND")
    required = {**REQUIRED, **REQUIRED_BY_BACKEND.get(backend, {})}
    problems = [f"{name} is not set: {why}." for name, why in required.items() if not settings.get(name)]
    if backend and backend not in REQUIRED_BY_BACKEND:
        problems.append(f"MAIL_BACKEND must be one of {', '.join(REQUIRED_BY_BACKEND)}, not {backend!r}.")
    return problems


def _unknown_nation(settings: dict) -> list[str]:
    from app.nation import NATIONS

    if settings["NATION"] in NATIONS:
        return []
    return [f"NATION must be one of {', '.join(NATIONS)}, not {settings['NATION']!r}."]


def _unknown_totp_roles(settings: dict) -> list[str]:
    """STAFF_TOTP_REQUIRED_ROLES as a tuple of role names; a name that is no role would require nothing, so it stops the site."""
    from app.staff.models import ROLES

    roles = settings["STAFF_TOTP_REQUIRED_ROLES"]
    if isinstance(roles, str):
        roles = settings["STAFF_TOTP_REQUIRED_ROLES"] = tuple(r.strip() for r in roles.split(",") if r.strip())
    unknown = [role for role in roles if role not in ROLES]
    if unknown:
        return [f"STAFF_TOTP_REQUIRED_ROLES has {', '.join(unknown)}: use roles from {', '.join(ROLES)}."]
    return []


def _unknown_programmes(settings: dict) -> list[str]:
    names = settings["OUTCOME_PROGRAMMES"]
    if isinstance(names, str):
        names = settings["OUTCOME_PROGRAMMES"] = tuple(name.strip() for name in names.split(",") if name.strip())
    if not names:
        return ["OUTCOME_PROGRAMMES is empty: name at least one programme, for example lse."]
    try:
        reported(names, settings.get("OUTCOME_RULES_DIR"))
    except ProgrammeError as error:
        return [str(error)]
    return []


def instance_secret_key(path: Path) -> str:
    """This install's own development key: read from path, or made once, at random, as a file only its owner reads.
    The new key is written to a file of its own and then linked into place, so two commands starting at once
    both end up with the one key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    os.chmod(path, 0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_SECRET_KEY:
        raise ConfigError(f"{path} does not hold a key: delete it and start again to make a new one.")
    return key


def _weak_key(settings: dict) -> list[str]:
    """A production key must be long, varied and never one written down in this project."""
    key = settings.get("SECRET_KEY")
    if not key:
        return []
    if key in KNOWN_KEYS or key.lower() in KNOWN_KEYS:
        return ["SECRET_KEY is a key from the project's own files, which anyone can read: make a new one."]
    if len(key) < MIN_SECRET_KEY or len(set(key)) < MIN_SECRET_KEY_VARIETY:
        return [f"SECRET_KEY is too short or too simple: use at least {MIN_SECRET_KEY} random characters."]
    return []


def _not_emails(settings: dict) -> list[str]:
    """Addresses shown on pages and used for messages must be one plain address each."""
    from app.emails import is_email

    return [
        f"{name} must be one email address, like team@council.gov.uk."
        for name in ("CONTACT_EMAIL", "COUNCIL_TEAM_EMAIL")
        if settings.get(name) and not is_email(settings[name])
    ]


def _not_dates(days: tuple[str, ...]) -> list[str]:
    problems = []
    for day in days:
        try:
            date.fromisoformat(day)
        except ValueError:
            problems.append(f"HOLIDAYS has {day!r}, which is not a date like 2027-12-24.")
    return problems


def _years_without_holidays(extra: tuple[str, ...]) -> list[str]:
    """A year with no bank holidays listed would count them all as working days."""
    this_year = str(clock.today().year)
    if any(day.startswith(this_year) for day in (*bank_holidays(), *extra)):
        return []
    return [
        f"HOLIDAYS has no days in {this_year}, and {BANK_HOLIDAYS_FILE.relative_to(PROJECT_ROOT)} ends before it: "
        f"add {this_year}'s published bank holidays to that file, or list them in HOLIDAYS."
    ]
