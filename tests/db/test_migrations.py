"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.database import Base
from app.migrate import upgrade


def test_migrations_run_on_an_empty_database_and_match_the_models(empty_app):
    upgrade(empty_app)
    engine = empty_app.extensions["database"]["engine"]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)


def test_migrations_can_run_twice(empty_app):
    upgrade(empty_app)
    upgrade(empty_app)


def test_healthz_checks_the_database(empty_app):
    upgrade(empty_app)
    response = empty_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_says_when_the_database_cannot_be_reached(tmp_path):
    from app import create_app

    app = create_app(
        {"APP_ENV": "test", "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"}
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "unreachable"}


def test_schools_named_as_text_become_records_their_staff_and_pupils_share(empty_app):
    """Before schools had ids, accounts and pupils with the same school name saw each other: each name in use
    becomes one school, so nobody loses a pupil, and a new account later joins a school only by its id."""
    from sqlalchemy import text

    upgrade(empty_app, "0012")
    engine = empty_app.extensions["database"]["engine"]
    with engine.begin() as connection:
        for email, school in (
            ("a@example.org", "Hill School"),
            ("b@example.org", "Hill School"),
            ("c@example.org", "Vale School"),
        ):
            connection.execute(
                text(
                    "INSERT INTO staff_user (email, name, password_hash, role, school, active, session_token)"
                    " VALUES (:email, 'Staff', 'x', 'school', :school, true, 'token')"
                ),
                {"email": email, "school": school},
            )
        for name, school in (("Pupil One", "Hill School"), ("Pupil Two", "Vale School")):
            connection.execute(
                text(
                    "INSERT INTO pupil (school, pupil_name, year_group, consent_by, consent_at)"
                    " VALUES (:school, :name, 'year-11', 'pupil', CURRENT_TIMESTAMP)"
                ),
                {"school": school, "name": name},
            )
    upgrade(empty_app)
    with engine.connect() as connection:
        schools = dict(connection.execute(text("SELECT name, id FROM school")).all())
        staff = dict(connection.execute(text("SELECT email, school_id FROM staff_user")).all())
        pupils = dict(connection.execute(text("SELECT pupil_name, school_id FROM pupil")).all())
    assert sorted(schools) == ["Hill School", "Vale School"]
    assert staff == {
        "a@example.org": schools["Hill School"],
        "b@example.org": schools["Hill School"],
        "c@example.org": schools["Vale School"],
    }
    assert pupils == {"Pupil One": schools["Hill School"], "Pupil Two": schools["Vale School"]}
