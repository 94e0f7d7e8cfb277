"""Every page a person can open, with example arguments: the one list the checks, the sweeps and the audio
build walk. The site says which GET endpoints are pages (app/endpoints.py); a test checks each has an example here."""

from flask import Flask, url_for

from demo.checklists import DEMO_OPEN_TOKEN, DEMO_SHARE_TOKEN
from demo.pages.feedback import FEEDBACK_PAGES
from demo.pages.referrals import REFERRAL_PAGES
from demo.pages.staff import STAFF_PAGES

# endpoint -> example URL arguments (or a list of them, to check several variants).
# A new GET page must be added here, or a test fails.
PUBLIC_PAGES: dict[str, dict | list[dict]] = {
    "main.home": {},
    "main.accessibility": {},
    "main.privacy": {},
    "main.credits": {},
    "reports.results": {},
    "easyread.reading_settings": {},
    "easyread.glossary": {},
    "checklists.hub": {},
    "checklists.begin": {"checklist_id": "my-work-dreams"},
    "checklists.step": [
        {"checklist_id": "before-you-start", "step_id": "who"},
        {"checklist_id": "before-you-start", "step_id": "name"},
        {"checklist_id": "my-work-dreams", "step_id": "kinds-of-work"},
        {"checklist_id": "getting-ready", "step_id": "travel"},
        {"checklist_id": "my-work-dreams", "step_id": "dream-job"},
    ],
    "checklists.check": {"checklist_id": "all-about-me"},
    "checklists.plan": {},
    "checklists.ehcp": {},
    "checklists.save": {},
    "checklists.resume": {},
    "checklists.share": {},
    "checklists.delete": {},
    "checklists.deleted": {},
    "checklists.download": {},
    "checklists.shared_plan": {"token": DEMO_SHARE_TOKEN},
    "checklists.shared_ehcp": {"token": DEMO_SHARE_TOKEN},
    "checklists.open_link": {"token": DEMO_OPEN_TOKEN},
    "pathways.ladder": {},
    "pathways.step": [
        {"step_id": step}
        for step in ("volunteering", "social-enterprise", "supported-employment", "independent-employment")
    ],
    "pathways.directory": {},
    "pathways.service": [
        {"service_id": "d3e44d29-a554-5026-a005-2178af9a9f44"},
        {"service_id": "a4f34fe0-24fc-58f9-8922-919c6081da3c"},
    ],
    "pathways.services_for_me": {},
    "pathways.service_types": {},
    "offline.page": {},
    **REFERRAL_PAGES,
    **FEEDBACK_PAGES,
}

# Pages that show a person's own checklists: the checks open the demo plan with its code first.
WITH_DEMO_ANSWERS: set[str] = {
    "checklists.hub",
    "checklists.check",
    "checklists.plan",
    "checklists.ehcp",
    "checklists.save",
    "checklists.share",
    "checklists.delete",
    "checklists.download",
}


def page_examples() -> list[tuple[str, dict]]:
    return [
        (endpoint, args)
        for endpoint, value in PUBLIC_PAGES.items()
        for args in (value if isinstance(value, list) else [value])
    ]


def page_paths(app: Flask, with_answers: bool | None = None) -> list[str]:
    """The path of every public page, for the sweep and the audio build (or only those that do or do not show answers)."""
    with app.test_request_context():
        return [
            url_for(endpoint, **args)
            for endpoint, args in page_examples()
            if with_answers is None or (endpoint in WITH_DEMO_ANSWERS) == with_answers
        ]


def staff_page_examples() -> list[tuple[str, str, dict]]:
    """(endpoint, role signed in, URL arguments) for every staff page example."""
    examples = []
    for endpoint, value in STAFF_PAGES.items():
        for example in value if isinstance(value, list) else [value]:
            examples.append((endpoint, example["as"], example.get("args", {})))
    return examples


def staff_page_paths(app: Flask) -> list[tuple[str, str]]:
    """(role, path) for every staff page example."""
    with app.test_request_context():
        return [(role, url_for(endpoint, **args)) for endpoint, role, args in staff_page_examples()]
