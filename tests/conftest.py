"""Fixtures every layer shares: a migrated app with the demo data."""

import pytest

from tests.site import make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)
