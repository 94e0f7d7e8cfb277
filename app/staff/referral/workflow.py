"""The rules for moving a referral on: which status may follow which, and the reasons for closing.

Pure functions, so the rules are tested on their own and every route that changes a status uses the
same ones. "signposted" is reached only through the signposting form, which makes the new referral."""

from dataclasses import dataclass

# status -> the statuses a member of staff may move it to next
NEXT: dict[str, tuple[str, ...]] = {
    "new": ("contacted", "signposted", "closed"),
    "contacted": ("accepted", "signposted", "closed"),
    "accepted": ("started", "signposted", "closed"),
    "started": ("closed",),
    "signposted": (),
    "closed": (),
}

# Reasons for closing, as codes (kept in the event) and the words staff see.
CLOSE_REASONS: dict[str, str] = {
    "not-eligible": "Not eligible for this service",
    "no-thanks": "The person said no thanks",
    "could-not-contact": "We could not contact the person",
    "service-full": "The service is full",
    "moved-away": "The person moved away",
    "other": "Another reason",
}
# A started referral closes because the job ended, or for another reason.
STARTED_CLOSE_REASONS: dict[str, str] = {"job-ended": "The job ended", "other": "Another reason"}

# Reasons for signposting to another service.
SIGNPOST_REASONS: dict[str, str] = {
    "better-fit": "Another service fits the person better",
    "not-eligible": "Not eligible for this service",
    "service-full": "This service is full",
    "person-asked": "The person asked for another service",
    "other": "Another reason",
}


@dataclass(frozen=True)
class Refusal:
    """Why a change cannot be made, in words for the member of staff."""

    field: str  # the form field the message belongs beside
    message: str


def close_reasons(status: str) -> dict[str, str]:
    """The reasons a referral with this status may be closed for."""
    return STARTED_CLOSE_REASONS if status == "started" else CLOSE_REASONS


def status_choices(status: str) -> tuple[str, ...]:
    """The statuses the status form offers: every next step except signposting, which has its own form."""
    return tuple(step for step in NEXT.get(status, ()) if step != "signposted")


def check_change(current: str, new: str | None, reason: str | None) -> Refusal | None:
    """None when the referral may move from current to new (with this reason); otherwise why not."""
    if not new:
        return Refusal("status", "Choose what happened.")
    if new not in status_choices(current):
        if not NEXT.get(current):
            return Refusal("status", "This referral is finished. Its status cannot change now.")
        return Refusal("status", "You cannot make that change now. Choose one of the changes on this page.")
    if new == "closed":
        if not reason:
            return Refusal("reason", "Choose why the referral is closed.")
        if reason not in close_reasons(current):
            return Refusal("reason", "Choose one of the reasons in the list.")
    elif reason:
        return Refusal("reason", "Only choose a reason when you close the referral.")
    return None


def check_signpost(current: str, reason: str | None) -> Refusal | None:
    """None when a referral with this status may be signposted for this reason; otherwise why not."""
    if "signposted" not in NEXT.get(current, ()):
        return Refusal("service", "This referral cannot be sent to another service now.")
    if not reason:
        return Refusal("reason", "Choose why you are sending it to another service.")
    if reason not in SIGNPOST_REASONS:
        return Refusal("reason", "Choose one of the reasons in the list.")
    return None
