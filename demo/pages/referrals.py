"""The referral journey's pages with examples, for the checks, the sweep and the audio build.

A question page opened with ?service= starts a draft for that service, so each example opens on its own."""

from app.referrals.journey import STEPS
from demo.staff.referrals import DEMO_SHARE_CONSENT_TOKEN

DEMO_SERVICE = (
    "5ec69b07-4433-591e-a591-34f8423d4d5d"  # Supported employment with a job coach: people can ask themselves
)
DEMO_WORKER_REFERRAL_SERVICE = "d3e44d29-a554-5026-a005-2178af9a9f44"  # Project SEARCH: a worker must refer


def question_step_ids() -> list[str]:
    """The id of every question the referral journey can ask, one example page each."""
    return [step.id for step in STEPS]


REFERRAL_PAGES: dict[str, dict | list[dict]] = {
    "referrals.start": [{"service": DEMO_SERVICE}, {"service": DEMO_WORKER_REFERRAL_SERVICE}, {"from": "plan"}, {}],
    "referrals.question": [{"step_id": step_id, "service": DEMO_SERVICE} for step_id in question_step_ids()],
    "referrals.check": {"service": DEMO_SERVICE},
    "referrals.sent": {},
    "referrals.not_sent": {},
    "referrals.status": {},
    "referrals.status_result": {},  # with no request found in this browser: a page that says so
    "referrals.share": {"token": DEMO_SHARE_CONSENT_TOKEN},
    "referrals.share_answered": {},  # with no answer given in this browser: the page for a link that is used up
}
