"""How a service reads on a page, in the page's language: English stands in, marked, when Welsh is missing."""

import re
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.i18n import current_lang
from app.pathways.models import Service

FALLBACK_SYMBOL = "work"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SHORT_SUMMARY = 240  # characters of a description that stand in for a missing summary


@dataclass(frozen=True)
class Text:
    """Service text and, when it is not in the page's language, the language it is in."""

    text: str
    lang: str | None = None


def localised(en: str | None, cy: str | None) -> Text | None:
    """The page's language if there is text in it, else the other one, marked with its language."""
    page = current_lang()
    own, other = (cy, en) if page == "cy" else (en, cy)
    if own:
        return Text(own)
    if other:
        return Text(other, "cy" if page == "en" else "en")
    return None


def sentences(text: Text | None) -> list[Text]:
    if text is None:
        return []
    return [Text(part, text.lang) for part in _SENTENCE_END.split(text.text.strip()) if part]


def service_name(service: Service) -> str:
    return service.name_cy if current_lang() == "cy" and service.name_cy else service.name


def area_name(area) -> str:
    return area.name_cy if current_lang() == "cy" and area.name_cy else area.name_en


def has_easy_read(service: Service) -> bool:
    """Whether the service has published easy-read words: staff drafts wait in other columns
    (app/staff/directory), so the summary columns only ever hold published words."""
    return bool(service.summary_en or service.summary_cy)


def summary(service: Service) -> Text:
    """The easy-read summary; a service without one shows the start of its description."""
    found = localised(service.summary_en, service.summary_cy)
    if found:
        return found
    description = localised(service.description, service.description_cy) or Text(service.name)
    if len(description.text) <= SHORT_SUMMARY:
        return description
    cut = description.text[:SHORT_SUMMARY].rsplit(" ", 1)[0]
    return Text(cut + " …", description.lang)


def card_summary(service: Service) -> str:
    """The summary for a list of services, always in the page's language."""
    found = summary(service)
    if found.lang is None:
        return found.text
    return (
        _("This service has no easy-read words in Welsh yet.")
        if current_lang() == "cy"
        else _("See the service's page to find out more.")
    )


@dataclass(frozen=True)
class Card:
    """One service in a list: its name links to its page; the text is its summary."""

    id: str
    url: str
    name: str
    symbol: str
    text: str
    notice: str | None = None  # said when the text is the service's own words, not easy read


NO_EASY_READ = _l("There are no easy-read words for this service yet.")


def card(service: Service) -> Card:
    return Card(
        id=service.id,
        url=url_for("pathways.service", service_id=service.id),
        name=service_name(service),
        symbol=service.symbol or FALLBACK_SYMBOL,
        text=card_summary(service),
        notice=None if has_easy_read(service) else str(NO_EASY_READ),
    )
