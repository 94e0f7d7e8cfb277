"""The database: one engine per app, one session per request."""

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return on_connect


def make_engine(url: str, busy_timeout_ms: int = 5000) -> Engine:
    """An engine with the settings each backend needs here."""
    if url.startswith("sqlite"):
        options: dict = {"connect_args": {"check_same_thread": False}, "hide_parameters": True}
        if url in ("sqlite://", "sqlite:///:memory:"):
            options["poolclass"] = StaticPool
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        return engine
    # A write waits this long for a lock, as on SQLite, then fails: the person sees "we could not save that".
    lock_timeout = {"options": f"-c lock_timeout={int(busy_timeout_ms)}"} if url.startswith("postgresql") else {}
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=lock_timeout)


class Database:
    """Binds an engine to the app and hands out a session for each request."""

    def init_app(self, app: Flask) -> None:
        url = app.config["DATABASE_URL"]
        path = url.removeprefix("sqlite:///")
        # A file path gets its folder made; a URI ("file:...?mode=ro&uri=true") names one that already exists.
        if url.startswith("sqlite:///") and path and path != ":memory:" and not path.startswith("file:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url, app.config.get("DB_BUSY_TIMEOUT_MS", 5000))
        app.extensions["database"] = {"engine": engine, "factory": sessionmaker(engine, expire_on_commit=False)}
        app.teardown_appcontext(self._close)

    @staticmethod
    def engine(app: Flask) -> Engine:
        return app.extensions["database"]["engine"]

    @property
    def session(self) -> Session:
        """The current request's session, opened on first use."""
        if "db_session" not in g:
            g.db_session = current_app.extensions["database"]["factory"]()
        return g.db_session

    @staticmethod
    def _close(exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            if exc is not None:
                session.rollback()
            session.close()


def can_write(engine: Engine) -> str:
    """ "ok" when a tiny write goes through (it is rolled back), else "unreachable", "read-only" or "locked"."""
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                # alembic_version has one row in every migrated database; the update is undone at once.
                connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
            finally:
                transaction.rollback()
    except OperationalError as error:
        message = str(error.orig).lower()
        if "readonly" in message or getattr(error.orig, "sqlstate", None) == "25006":
            return "read-only"
        if "locked" in message or getattr(error.orig, "sqlstate", None) == "55P03":
            return "locked"
        return "unreachable"
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "25006":
            return "read-only"
        return "unreachable"
    return "ok"
