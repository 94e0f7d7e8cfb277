"""The English words staff pages show for the codes a referral stores, and dates in British English.

Staff pages are English only, so these are plain strings; the public pages have their own, translated."""

from datetime import date, datetime

from app.clock import uk_time
from app.staff.referral.workflow import CLOSE_REASONS, SIGNPOST_REASONS, STARTED_CLOSE_REASONS

STATUS_NAMES = {
    "new": "New",
    "contacted": "Contacted",
    "accepted": "Accepted",
    "started": "Started",
    "signposted": "Signposted",
    "closed": "Closed",
}
# What the button or choice to move to a status says.
STATUS_ACTIONS = {
    "contacted": "We contacted the person",
    "accepted": "The service accepted the person",
    "started": "The person started",
    "closed": "Close the referral",
}
ASKERS = {"self": "The person", "family": "A family member or carer", "professional": "A professional"}
PROFESSIONAL_KINDS = {
    "school": "School",
    "college": "College",
    "social-worker": "Social worker",
    "job-centre": "Job centre",
    "health": "Health",
}
CONTACT_METHODS = {"phone": "Phone call", "text": "Text message", "email": "Email", "letter": "Letter"}
CONTACT_TIMES = {"morning": "Morning", "afternoon": "Afternoon", "evening": "Evening", "any-time": "Any time"}
NEEDS = {
    "easy-read": "Easy read",
    "bsl": "British Sign Language (BSL)",
    "interpreter": "An interpreter",
    "someone-with-me": "Someone to be with them",
}
LADDER_STEPS = {
    "volunteering": "Volunteering",
    "social-enterprise": "Social enterprise",
    "supported-employment": "Work with support",
    "independent-employment": "Work on my own",
}
AGE_BANDS = {"14-15": "14 or 15", "16-18": "16 to 18", "19-25": "19 to 25", "26-plus": "26 or older"}
LANGUAGES = {"en": "English", "cy": "Welsh"}
CONTACT_LANGUAGES = {"en": "English", "cy": "Welsh", "other": "Another language, with an interpreter"}
PERSON_KNOWS = {"yes": "Yes", "no": "No, not yet"}
REASONS = {**CLOSE_REASONS, **STARTED_CLOSE_REASONS}
AUDIT_ACTIONS = {
    "view": "Viewed",
    "change": "Changed",
    "export": "Exported",
    "denied": "Refused",
    "not-found": "Not found",
    "sign-in": "Signed in",
    "sign-out": "Signed out",
    "search": "Searched for a person's data",
    "erase": "Erased a person's data",
}


def name_for(names: dict[str, str], code: str | None) -> str:
    """The words for a code; a code with no words (from an older version) is shown as it is."""
    if not code:
        return "Not given"
    return names.get(code, code.replace("-", " ").capitalize())


def names_for(names: dict[str, str], codes: list | None) -> str:
    return ", ".join(name_for(names, code) for code in codes or []) or "Not given"


def long_date(day: date | datetime | None) -> str:
    """27 November 2026."""
    if day is None:
        return "Not given"
    if isinstance(day, datetime):
        day = uk_time(day).date()
    return f"{day.day} {day:%B %Y}"


def date_time(moment: datetime | None) -> str:
    """27 November 2026 at 14:05 (UK time)."""
    if moment is None:
        return "Not given"
    local = uk_time(moment)
    return f"{long_date(local.date())} at {local:%H:%M}"


def event_words(kind: str, from_status: str | None, to_status: str | None, detail: str | None) -> str:
    """One line of a referral's history, in words."""
    if kind == "created":
        return "Referral sent here from another service" if detail == "signposted" else "Referral made"
    if kind == "status" and detail == "reopened":
        return f"Reopened: status changed from Closed to {name_for(STATUS_NAMES, to_status)}"
    if kind == "assigned":
        return f"Given to {detail} to work on" if detail else "Nobody is working on it now"
    if kind == "status":
        words = f"Status changed from {name_for(STATUS_NAMES, from_status)} to {name_for(STATUS_NAMES, to_status)}"
        return f"{words}. Reason: {name_for(REASONS, detail)}" if detail else words
    if kind == "signposted":
        return (
            f"Sent to another service. Reason: {name_for(SIGNPOST_REASONS, detail)}"
            if detail
            else "Sent to another service"
        )
    if kind == "note":
        return "Note added"
    if kind == "job-start":
        return "Job start recorded"
    if kind == "check-in":
        return "Hours check-in recorded"
    if kind == "pay-confirmed":
        return "Pay below the legal minimum checked and confirmed"
    if kind == "erased":
        return "Personal data removed on request"
    if kind in ("share-agreed", "share-declined"):
        how = "through the link we sent them" if detail == "person" else "on a call, recorded by a worker"
        said = "agreed to share their details with this service" if kind == "share-agreed" else "said no to sharing"
        return f"The person {said} ({how})"
    return name_for({}, kind)
