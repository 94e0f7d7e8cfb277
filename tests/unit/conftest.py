"""Fixtures for the unit tests that need the site's database or a request: most need neither."""

import pytest


@pytest.fixture
def db(app):
    """A database session inside an app context, for tests that read or write rows directly."""
    with app.app_context():
        with app.extensions["database"]["factory"]() as session:
            yield session


@pytest.fixture
def request_context(app):
    """Inside a request to the home page, for code that renders or translates."""
    with app.test_request_context("/"):
        yield
