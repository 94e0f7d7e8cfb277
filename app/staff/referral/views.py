"""The work plan sent with a referral, read for the staff page through the snapshot format's one reader."""
from app.referrals.snapshot import PlanSection, PlanView, read_snapshot

__all__ = ["PlanSection", "PlanView", "read_plan"]


def read_plan(plan: object) -> PlanView | None:
    """The plan's sections and who filled it in; None when there is no plan or nothing in it to show."""
    return read_snapshot(plan)
