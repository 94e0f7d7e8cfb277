"""Everything the service page shows, worked out from a stored service in the page's language."""

from dataclasses import dataclass, field

from babel.lists import format_list as babel_format_list
from flask import url_for
from flask_babel import format_currency, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.emails import mailto
from app.i18n import current_lang
from app.pathways.fields import SCHEDULE, put
from app.pathways.models import Schedule, Service
from app.pathways.schedule_words import schedule_sentences
from app.pathways.taxonomies import VOCABULARIES
from app.pathways.views import (
    FALLBACK_SYMBOL,
    Text,
    area_name,
    has_easy_read,
    localised,
    sentences,
    service_name,
    summary,
)
from app.vocab import LADDER_STEPS

NEEDS = {
    "learning-disability": _l("It helps people with a learning disability."),
    "autism": _l("It helps autistic people."),
    "mental-health": _l("It helps people with their mental health."),
    "physical-sensory": _l("It helps people who are deaf, blind or use a wheelchair."),
}


@dataclass
class ServicePage:
    id: str
    name: str
    symbol: str
    demo: bool
    organization: str
    summary: list[Text]
    step: tuple[str, str, str] | None  # (symbol, text, address of the step's page)
    facts: list[tuple[str, str]] = field(default_factory=list)
    offers: list[tuple[str, str]] = field(default_factory=list)  # (symbol, kind of help or of work)
    who_for: list[Text] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)
    description: list[Text] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    times: list[Text] = field(default_factory=list)
    cost: list[tuple[str, Text]] = field(default_factory=list)  # (symbol, words): "free" has a picture of its own
    languages: str | None = None
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # (symbol, words, address)
    self_referral: bool | None = None
    alert: Text | None = None
    easy_read: bool = True  # False: no published easy-read words, so the page says so and shows the service's own


def format_list(items: list[str]) -> str:
    """ "a, b and c" in the page's language."""
    return babel_format_list(items, locale=get_locale())


def terms_of(service: Service, vocabulary_key: str) -> list:
    vocabulary = VOCABULARIES[vocabulary_key]
    codes = {a.taxonomy_term.code for a in service.attributes if a.taxonomy_term.taxonomy_id == vocabulary.id}
    return [term for code, term in vocabulary.terms.items() if code in codes]


def build(service: Service) -> ServicePage:
    page = ServicePage(
        id=service.id,
        name=service_name(service),
        symbol=service.symbol or FALLBACK_SYMBOL,
        demo=service.demo,
        organization=service.organization.name,
        summary=sentences(summary(service)) if has_easy_read(service) else [],
        step=None,
        self_referral=service.self_referral,
        easy_read=has_easy_read(service),
    )
    if service.ladder_step in LADDER_STEPS:
        step = LADDER_STEPS[service.ladder_step]
        page.step = (
            step.symbol,
            _("It is a step on the ladder: %(step)s.", step=step.name),
            url_for("pathways.step", step_id=step.id),
        )
    page.facts = _facts(service)
    page.offers = [
        (t.symbol, str(t.name)) for key in ("kind-of-support", "kind-of-work") for t in terms_of(service, key)
    ]
    page.who_for = sentences(localised(service.who_for_en, service.who_for_cy))
    page.needs = [(term.symbol, str(NEEDS[term.id])) for term in terms_of(service, "support-need")]
    page.description = sentences(localised(service.description, service.description_cy))
    page.places = [
        row for sal in sorted(service.service_at_locations, key=lambda s: s.id) for row in _place(sal.location)
    ]
    schedules = [*service.schedules, *(s for sal in service.service_at_locations for s in sal.schedules)]
    if not schedules:  # when the place is open stands in for when the service runs
        schedules = list({s.id: s for sal in service.service_at_locations for s in sal.location.schedules}.values())
    page.times = [text for s in sorted(schedules, key=lambda s: s.id) for text in _schedule_texts(s)]
    page.cost = _cost(service)
    page.languages = _languages(service)
    page.contacts = contact_links(service)
    page.alert = localised(service.alert, None)
    return page


def _facts(service: Service) -> list[tuple[str, str]]:
    facts = []
    if service.paid is not None:
        facts.append(
            ("paid", _("You get paid for this work."))
            if service.paid
            else ("unpaid", _("You do not get paid for this."))
        )
    low, high = service.minimum_age, service.maximum_age
    if low is not None and high is not None:
        facts.append(("age", _("It is for people aged %(low)s to %(high)s.", low=low, high=high)))
    elif low is not None:
        facts.append(("age", _("It is for people aged %(low)s or older.", low=low)))
    elif high is not None:
        facts.append(("age", _("It is for people up to age %(high)s.", high=high)))
    if service.area is not None:
        facts.append(("area", _("It is in %(area)s.", area=area_name(service.area))))
    else:
        facts.append(("area", _("It covers every part of the area.")))
    return facts


def _place(location) -> list[tuple[str, str]]:
    """A row for the place's name and one for its address, each short enough to read at a glance."""
    if location.location_type == "virtual":
        return [("computer", _("You can use it online."))]
    rows = [("location", location.name)] if location.name else []
    for address in sorted(location.addresses, key=lambda a: a.id)[:1]:
        parts = [address.address_1, address.address_2, f"{address.city} {address.postal_code}".strip()]
        rows.append(("letter", ", ".join(p for p in parts if p)))
    return rows


def _schedule_texts(schedule: Schedule) -> list[Text]:
    """The schedule in words in the page's language; the data's own words keep their language mark."""
    return [
        localised(sentence.text, None) if sentence.from_record else Text(sentence.text)
        for sentence in schedule_sentences(put(schedule, SCHEDULE), current_lang())
    ]


def _cost(service: Service) -> list[tuple[str, Text]]:
    options = service.cost_options
    if options and all(not option.amount for option in options):
        return [("free", Text(_("It is free.")))]
    out = []
    for option in sorted(options, key=lambda o: o.id):
        if option.amount:
            out.append(Text(_("It costs %(amount)s.", amount=format_currency(option.amount, option.currency or "GBP"))))
        described = localised(option.amount_description or option.option, None)
        out += [described] if described else []
    fees = localised(service.fees_description, None)
    out += [fees] if fees else []
    return [("money", text) for text in out] or [("money", Text(_("Ask the service if it costs anything.")))]


def _languages(service: Service) -> str | None:
    known = {"en": _("English"), "cy": _("Welsh"), "bfi": _("British Sign Language")}
    names = [
        known.get(lang.code or "", lang.name or lang.code) for lang in sorted(service.languages, key=lambda x: x.id)
    ]
    names = [n for n in dict.fromkeys(names) if n]
    return _("You can use: %(languages)s.", languages=format_list(names)) if names else None


def spoken_number(number: str) -> str:
    """A phone number in small groups, easier to read and to hear: 01632 960233 -> 01632 960 233."""
    return " ".join(f"{part[:3]} {part[3:]}" if part.isdigit() and len(part) == 6 else part for part in number.split())


def contact_links(service: Service) -> list[tuple[str, str, str]]:
    phones = [*service.phones, *(p for c in service.contacts for p in c.phones)]
    emails = [service.email, *(c.email for c in service.contacts)]
    out = []
    for phone in sorted({p.number: p for p in phones}.values(), key=lambda p: (p.type == "text", p.id)):
        digits = "".join(ch for ch in phone.number if ch.isdigit() or ch == "+")
        if phone.type == "text":
            out.append(("mobile", _("Send a text to %(number)s", number=spoken_number(phone.number)), f"sms:{digits}"))
        else:
            out.append(("phone", _("Phone them on %(number)s", number=spoken_number(phone.number)), f"tel:{digits}"))
    for email in dict.fromkeys(e for e in emails if e and mailto(e)):
        out.append(("email", _("Email them at %(email)s", email=email), mailto(email)))
    if service.url:
        out.append(("link", _("Go to the service's website"), service.url))
    return out
