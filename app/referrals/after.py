"""After Send: who to get in touch with, the confirmation to the person (or whoever asked for them), the
short status code in it, and where a request is up to, for the "Where is my request?" page.

The status code is kept only as a keyed hash. The confirmation holds the reference, the code, the service
and the dates: never the person's other details."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.outbox.models import enqueue
from app.pathways.models import Service
from app.pathways.service_page import contact_links, spoken_number
from app.referrals.models import Referral
from app.referrals.reference import ALPHABET
from app.referrals.reference import normalise as normalise_reference
from app.referrals.routing import goes_to_council

CODE_LENGTH = 6  # 15^6: 11 million codes; tries are limited per browser, address and reference
LANGUAGES = ("en", "cy")
# Where a request is up to, as the person hears it: each status to one of these stages.
STAGES = {
    "new": "received",
    "contacted": "contacted",
    "accepted": "accepted",
    "started": "started",
    "signposted": "passed-on",
    "closed": "closed",
}


def new_status_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{chars[:3]}-{chars[3:]}"


def normalise_code(typed: str) -> str | None:
    """A status code as typed or read back (any case, spaces or no dash); None when it cannot be one."""
    chars = "".join(ch for ch in (typed or "")[:40].upper() if ch.isalnum())
    if len(chars) != CODE_LENGTH or any(ch not in ALPHABET for ch in chars):
        return None
    return f"{chars[:3]}-{chars[3:]}"


def keyed_hash(value: str) -> str:
    """A keyed hash, so a copy of the database alone cannot be searched for codes or tokens."""
    return hmac.new(current_app.config["SECRET_KEY"].encode(), value.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Contact:
    concept: str
    words: str
    href: str


def contacts(service: Service | None) -> list[Contact]:
    """How to get in touch about a request: the service's phones and emails from the directory, or, when the
    council's team has the request, the team's phone and email from the council's settings."""
    if service is not None:
        return [Contact(*link) for link in contact_links(service) if link[0] != "link"]
    config = current_app.config
    found = []
    if config.get("COUNCIL_TEAM_PHONE"):
        number = config["COUNCIL_TEAM_PHONE"]
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        found.append(Contact("phone", _("Phone them on %(number)s", number=spoken_number(number)), f"tel:{digits}"))
    if config.get("COUNCIL_TEAM_EMAIL"):
        email = config["COUNCIL_TEAM_EMAIL"]
        found.append(Contact("email", _("Email them at %(email)s", email=email), f"mailto:{email}"))
    return found


def confirmation_address(referral: Referral) -> str | None:
    """Who gets the confirmation: the asker's own email when someone else asked and gave one, else the
    email given for contact (the person's, or the one the asker gave for them)."""
    if referral.asker != "self" and referral.asker_email:
        return referral.asker_email
    return referral.email or None


def message_language(referral: Referral, to_person: bool) -> str:
    """A message to the person is in the language they asked to be contacted in (English or Welsh, else the
    one used on the site); a message to whoever asked for them is in the language they used on the site."""
    lang = referral.message_lang if to_person else referral.lang
    return lang if lang in LANGUAGES else "en"


def status_url() -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/ask-for-help/status"


def confirmation_message(referral: Referral, code: str, service: Service | None) -> tuple[str, str]:
    """The subject and body of the confirmation, in the language of whoever gets it."""
    lang = message_language(referral, to_person=confirmation_address(referral) != referral.asker_email)
    with force_locale(lang):
        body = render_template(
            "messages/confirmation.txt",
            referral=referral,
            code=code,
            contacts=contacts(service),
            days=current_app.config["CONTACT_WITHIN_WORKING_DAYS"],
            due=referral.contact_due_on,
            status_url=status_url(),
            personal=referral.asker == "self",
        )
        subject = _("We have your request for help: %(reference)s", reference=referral.reference)
    return subject, body


def queue_confirmation(session: Session, referral: Referral, service: Service | None, code: str) -> None:
    """Keep the hash of the referral's status code and queue the confirmation with the code, in the caller's
    transaction: by email, or by text message through Notify when only a phone number was given."""
    referral.status_code_hash = keyed_hash(code)
    address = confirmation_address(referral)
    if address:
        enqueue(session, "confirmation", address, *confirmation_message(referral, code, service), referral.id)
    elif referral.phone and _can_text():
        subject, _body = confirmation_message(referral, code, service)
        enqueue(session, "confirmation-sms", referral.phone, subject, _text_body(referral, code), referral.id)


def _can_text() -> bool:
    """Texts go through GOV.UK Notify, when a text message template is set; SMTP sends only email."""
    config = current_app.config
    return config["MAIL_BACKEND"] == "notify" and bool(config.get("NOTIFY_SMS_TEMPLATE_ID"))


def _text_body(referral: Referral, code: str) -> str:
    lang = message_language(referral, to_person=True)  # texts go to the phone given for the person
    with force_locale(lang):
        return render_template("messages/confirmation_sms.txt", referral=referral, code=code, status_url=status_url())


def _born(referral: Referral, born: date) -> bool:
    return referral.date_of_birth is not None and hmac.compare_digest(
        referral.date_of_birth.isoformat(), born.isoformat()
    )


def find_request(session: Session, reference: str, code: str | None, born: date | None) -> Referral | None:
    """The referral with this reference, when the code or the date of birth matches it; else None, the same
    for a wrong reference, a wrong code and a wrong date, so a guess tells nothing."""
    found = session.scalar(select(Referral).where(Referral.reference == normalise_reference(reference)))
    if found is None:
        keyed_hash(code or "")  # the same work as a real check
        return None
    if code is not None and found.status_code_hash and hmac.compare_digest(found.status_code_hash, keyed_hash(code)):
        return found
    if born is not None and _born(found, born):
        return found
    return None


def by_reference(session: Session, reference: str) -> Referral | None:
    return session.scalar(select(Referral).where(Referral.reference == reference))


def taken_by(session: Session, referral: Referral) -> Service | None:
    """The service that has the request, when it is still in the directory; None: the council's team."""
    service = None if referral.routed_to_council else session.get(Service, referral.service_id)
    return service if service is not None and not goes_to_council(service) else None


def stage(referral: Referral) -> str:
    return STAGES.get(referral.status, "received")
