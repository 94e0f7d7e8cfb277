"""The database: one engine per app, one session per request."""

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with the settings each backend needs here."""
    if url.startswith("sqlite"):
        options: dict = {"connect_args": {"check_same_thread": False}, "hide_parameters": True}
        if url in ("sqlite://", "sqlite:///:memory:"):
            options["poolclass"] = StaticPool
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


class Database:
    """Binds an engine to the app and hands out a session for each request."""

    def init_app(self, app: Flask) -> None:
        url = app.config["DATABASE_URL"]
        path = url.removeprefix("sqlite:///")
        if url.startswith("sqlite:///") and path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(url)
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
