"""Every staff page with an example: who is signed in to open it, and its URL arguments."""

from demo.staff.pupils import DEMO_PUPIL_ID
from demo.staff.referrals import (
    DEMO_COUNCIL_REFERENCE,
    DEMO_REFERENCE,
    DEMO_SIGNPOSTED_REFERENCE,
    DEMO_STARTED_REFERENCE,
)

# A demo service whose easy-read words the directory pages show (Job support for disabled people).
DEMO_EASY_READ_SERVICE = "02dd69c1-2847-5547-8203-ed466cf050d7"

# endpoint -> {"as": role, "args": {...}} or a list of them.
STAFF_PAGES: dict[str, dict | list[dict]] = {
    # Signing in and the staff home
    "staff.home": [
        {"as": "council-admin"},
        {"as": "provider"},
        {"as": "school"},
        {"as": "commissioner"},
        {"as": "directory-editor"},
    ],
    "staff.sign_in": {"as": "provider"},
    "staff.forgot_password": {"as": "school"},
    "staff.reset_link_sent": {"as": "school"},
    "staff.reset_password": {"as": "school", "args": {"token": "a-link-that-was-never-sent"}},
    "staff.sign_in_link": {"as": "school"},
    "staff.sign_in_link_sent": {"as": "school"},
    "staff.use_sign_in_link": {"as": "school", "args": {"token": "a-link-that-was-never-sent"}},
    # Two-step sign-in: the code and first set-up pages with no sign-in half done say to start again; the
    # pages half-way through are checked in tests/browser/test_two_step.py.
    "staff.sign_in_code": {"as": "school"},
    "staff.first_two_step": {"as": "school"},
    "staff.two_step_page": [{"as": "school"}, {"as": "council-admin"}],
    # The referral inbox
    "staff.inbox": [
        {"as": "provider", "args": {}},
        {"as": "provider", "args": {"status": "new", "overdue": "1"}},
        {"as": "council-admin", "args": {"step": "supported-employment", "age": "16-18"}},
    ],
    # One referral
    "staff.referral": [
        {"as": "provider", "args": {"reference": DEMO_REFERENCE}},
        {"as": "provider", "args": {"reference": DEMO_STARTED_REFERENCE}},
        {"as": "council-admin", "args": {"reference": DEMO_SIGNPOSTED_REFERENCE}},
        {"as": "council-admin", "args": {"reference": DEMO_COUNCIL_REFERENCE}},
    ],
    "staff.signpost": {"as": "provider", "args": {"reference": DEMO_REFERENCE}},
    # Job outcomes
    "staff.record_job": {"as": "provider", "args": {"reference": DEMO_STARTED_REFERENCE}},
    "staff.record_check_in": {"as": "provider", "args": {"reference": DEMO_STARTED_REFERENCE}},
    "staff.dashboard": [
        {"as": "commissioner", "args": {}},
        {"as": "council-admin", "args": {"share": "1"}},
        {"as": "provider", "args": {"from": "last year"}},
    ],
    "staff.claim_pack": [
        {"as": "council-admin", "args": {}},
        {"as": "council-admin", "args": {"programme": "lse", "from": "2026-04-01", "to": "2026-03-01"}},
    ],
    # The outbox
    "staff.messages": {"as": "council-admin", "args": {}},
    # The audit trail
    "staff.audit": [
        {"as": "council-admin", "args": {}},
        {"as": "council-admin", "args": {"action": "view", "object": DEMO_STARTED_REFERENCE}},
    ],
    # Directory health
    "staff.directory_health": [
        {"as": "council-admin", "args": {}},
        {"as": "council-admin", "args": {"rule": "not-checked", "page": "2"}},
    ],
    # The symbol contact sheet
    "staff.symbols": {"as": "directory-editor", "args": {}},
    # A person's data on request
    "staff.personal_data": {"as": "council-admin", "args": {}},
    "staff.person_record": [
        {"as": "council-admin", "args": {"reference": DEMO_REFERENCE}},
        {"as": "council-admin", "args": {"reference": DEMO_SIGNPOSTED_REFERENCE}},
    ],
    "staff.erase_person": {"as": "council-admin", "args": {"reference": DEMO_REFERENCE}},
    # The directory's easy-read words
    "staff.directory": [
        {"as": "directory-editor", "args": {}},
        {"as": "council-admin", "args": {"q": "jobs", "state": "published"}},
    ],
    "staff.easy_read": [
        {"as": "directory-editor", "args": {"service_id": DEMO_EASY_READ_SERVICE}},
        {"as": "council-admin", "args": {"service_id": DEMO_EASY_READ_SERVICE}},
    ],
    "staff.service_details": {"as": "directory-editor", "args": {"service_id": DEMO_EASY_READ_SERVICE}},
    "staff.service_times": {"as": "directory-editor", "args": {"service_id": DEMO_EASY_READ_SERVICE}},
    # School mode
    "staff.pupils": [{"as": "school"}, {"as": "council-admin"}],
    "staff.new_pupil": {"as": "school"},
    "staff.pupil": [
        {"as": "school", "args": {"pupil_id": DEMO_PUPIL_ID}},
        {"as": "council-admin", "args": {"pupil_id": DEMO_PUPIL_ID}},
    ],
    "staff.pupil_plan": {"as": "school", "args": {"pupil_id": DEMO_PUPIL_ID}},
    "staff.pupil_ehcp": {"as": "school", "args": {"pupil_id": DEMO_PUPIL_ID}},
}
