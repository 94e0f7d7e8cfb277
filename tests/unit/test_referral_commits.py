"""Where a referral's life changes, the service commits: the staff referral routes do not."""

from pathlib import Path

import pytest

ROUTES = Path(__file__).resolve().parents[2] / "app" / "staff"


@pytest.mark.parametrize("module", ["referral/routes.py", "outcomes/routes.py"])
def test_the_staff_referral_routes_leave_committing_to_the_service(module):
    source = (ROUTES / module).read_text(encoding="utf-8")
    assert ".commit(" not in source and ".rollback(" not in source
