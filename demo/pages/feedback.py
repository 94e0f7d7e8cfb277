"""The feedback pages with examples, for the checks, the sweep and the audio build: the demo's open link
for each question, the check page, a used link, the thank-you page and the employer's form."""

from app.feedback.journey import FEEDBACK
from demo.staff.feedback import DEMO_EMPLOYER_FEEDBACK_TOKEN, DEMO_FEEDBACK_TOKEN, DEMO_USED_FEEDBACK_TOKEN

FEEDBACK_PAGES: dict[str, dict | list[dict]] = {
    "feedback.start": [{"token": DEMO_FEEDBACK_TOKEN}, {"token": DEMO_USED_FEEDBACK_TOKEN}],
    "feedback.question": [{"token": DEMO_FEEDBACK_TOKEN, "step_id": step_id} for step_id in FEEDBACK.order],
    "feedback.check": {"token": DEMO_FEEDBACK_TOKEN},
    "feedback.thanks": {},
    "feedback.employer": {"token": DEMO_EMPLOYER_FEEDBACK_TOKEN},
}
