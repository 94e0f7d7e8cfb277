"""What a request for help still holds after a person deletes their checklists, and how to have it erased:
one easy-read sentence for each kind of data an erasure removes, worked out from the referral field registry
(each removed field names its kind in `told`), so the page cannot leave out a new field."""

from flask_babel import lazy_gettext as _l

from app.referrals.fields import told_groups

# Each kind of data a request holds: its symbol and sentence, in the order the page shows them.
WORDS = {
    "name": ("person", _l("Your name.")),
    "age": ("calendar-date", _l("Your age and your date of birth.")),
    "contact": ("phone", _l("How to contact you: your phone, email or address.")),
    "language": ("interpreter", _l("The language you need an interpreter for.")),
    "message": ("write", _l("The message you wrote to the service.")),
    "plan": ("plan", _l("Your work plan, if you sent it.")),
    "asker": ("people", _l("Who asked for you: their name and how to contact them.")),
    "parent": ("family", _l("The name of a parent or carer who said yes.")),
}


def still_held() -> list[tuple[str, str]]:
    """(symbol, sentence) for each kind of data a request for help holds until it is erased."""
    held = set(told_groups())
    return [words for group, words in WORDS.items() if group in held]
