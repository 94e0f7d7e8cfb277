"""What the privacy page says, built from the settings and the referral field registry, so it stays true.

Each personal field of a referral names the line here that tells people about it (`Field.privacy`); a test
fails when a field names no line, or a line is missing from the page."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.checklists.definitions import setup_of
from app.purge import SENT_MESSAGE_DAYS, SHORT_LIVED
from app.referrals.fields import FIELDS

YEAR = 365  # days


@dataclass(frozen=True)
class Item:
    key: str
    symbol: str
    text: str
    about: str  # "person": about the person; "request": about how the request was made


ITEMS: tuple[Item, ...] = (
    Item("name", "person", _l("Your name."), "person"),
    Item("age", "age", _l("Your age or your date of birth."), "person"),
    Item("area", "location", _l("The town or area where you live, or your postcode."), "person"),
    Item("contact", "phone", _l("How to contact you: phone, email or address, and the best times."), "person"),
    Item("needs", "interpreter", _l("What helps you talk with people, like easy read or an interpreter."), "person"),
    Item("message", "pencil", _l("What you write about your health or the support you need."), "person"),
    Item("plan", "plan", _l("Your work plan, if you choose to send it."), "person"),
    Item("asker", "people", _l("Who asked for help: you, your family or a worker."), "request"),
    Item(
        "worker", "staff", _l("A worker who asks for you: their name, job, where they work and work email."), "request"
    ),
    Item(
        "family",
        "family",
        _l("A family member or carer who asks for you: their name, how they know you, and their phone or email."),
        "request",
    ),
    Item("parent", "family", _l("For people under 16: the parent or carer who said yes."), "request"),
    Item("consent", "consent", _l("When you said yes to sharing your information."), "request"),
    Item("language", "language", _l("The language you used: English or Welsh."), "request"),
)
BY_KEY = {item.key: item for item in ITEMS}
NAME_ASKED = (
    _l("The checklists ask for your first name, to put at the top of your plan."),
    _l("You can skip this question."),
)
NAME_NOT_ASKED = (_l("The checklists do not ask for your name."),)


def checklist_name_lines(checklists: dict) -> tuple:
    """What the page says about a name in the checklists, from their definitions: the questions before the
    checklists name a step for the person's first name (`voices.name`), or they ask for no name at all."""
    return NAME_ASKED if setup_of(checklists).name_step else NAME_NOT_ASKED


def items(about: str) -> tuple[Item, ...]:
    """The lines about the person, or about the request, that some field of a referral uses."""
    used = {field.privacy for field in FIELDS}
    return tuple(item for item in ITEMS if item.about == about and item.key in used)


def how_long(days: int) -> str:
    """A time to keep something, in years when it is whole years, else in days."""
    if days >= YEAR and days % YEAR == 0:
        return ngettext("%(num)s year", "%(num)s years", days // YEAR)
    return ngettext("%(num)s day", "%(num)s days", days)


def keeping_times(config) -> dict[str, str]:
    """How long each kind of information is kept, from the settings the purge uses."""
    return {
        "checklist": how_long(config["CHECKLIST_DAYS"]),
        "share": how_long(config["SHARE_LINK_DAYS"]),
        "referral": how_long(config["REFERRAL_KEEP_DAYS"]),
        "draft": ngettext("%(num)s hour", "%(num)s hours", config["DRAFT_HOURS"]),
        "message": how_long(SENT_MESSAGE_DAYS),
        "address": how_long(SHORT_LIVED.days),
        "language_cookie": how_long(config["LANG_COOKIE_DAYS"]),
        "reading_cookie": how_long(config["READING_COOKIE_DAYS"]),
    }


def council_name(session, organization_id: str | None) -> str | None:
    """The council's name, from its organisation in the directory (COUNCIL_ORGANIZATION_ID)."""
    from app.pathways.models import Organization

    found = session.get(Organization, organization_id[:100]) if organization_id else None
    return found.name if found is not None else None
