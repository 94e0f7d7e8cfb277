"""The directory's filters and the "services for me" profile, read from a query string.

Anything unknown is dropped; only an age we cannot read is explained, beside the age question.
"""

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import RadioField, SelectMultipleField, StringField

from app.checklists.profile import MatchProfile
from app.pathways.search import Filters
from app.pathways.text import MAX_QUERY, search_words
from app.vocab import AGE_BANDS, AGE_RANGES, HOURS, KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS

ANY_AGE = _l("Any age")
AGE_PROBLEM = _l("We could not understand that age. Choose an age from the list.")
PAY = ("paid", "unpaid")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_VALUES = 30  # values of one filter read from a query string
MAX_PAGE_DIGITS = 6


@dataclass(frozen=True)
class DirectoryQuery:
    filters: Filters
    query: str  # the words as typed (trimmed), to show them again
    age: str  # the age as given, when it could be read
    page: int
    age_problem: bool


def _choices(args: MultiDict, name: str, allowed) -> tuple[str, ...]:
    """The allowed values of a repeated parameter, once each, in the vocabulary's order."""
    given = set(args.getlist(name)[:MAX_VALUES])
    return tuple(value for value in allowed if value in given)


def read_age(value: str) -> tuple[int, int] | None:
    """An age band id or a whole age (0 to 120) as the youngest and oldest age; None if neither."""
    if value in AGE_RANGES:
        return AGE_RANGES[value]
    if value.isascii() and value.isdigit() and len(value) <= 3 and int(value) <= 120:
        return int(value), int(value)
    return None


def read_page(value: str | None) -> int:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= MAX_PAGE_DIGITS:
        return max(1, int(value))
    return 1


def read_directory_query(args: MultiDict, known_areas: list[str], welsh: bool = False) -> DirectoryQuery:
    """The filters in a directory address; unknown parameters and values are left out.

    With welsh (the page is in Welsh), words are looked for in their mutated forms too."""
    query = (args.get("q") or "").replace("\x00", "").strip()[:MAX_QUERY]
    age_text = (args.get("age") or "").strip()
    ages = read_age(age_text) if age_text else None
    filters = Filters(
        words=tuple(search_words(query)),
        steps=_choices(args, "step", LADDER_STEPS),
        kinds=_choices(args, "kind", KINDS_OF_SUPPORT),
        needs=_choices(args, "need", SUPPORT_NEEDS),
        work=_choices(args, "work", KINDS_OF_WORK),
        areas=_choices(args, "area", known_areas),
        ages=ages,
        pay=_choices(args, "pay", PAY),
        ask_myself=args.get("ask") == "yes",
        welsh=welsh,
    )
    return DirectoryQuery(
        filters, query, age_text if ages else "", read_page(args.get("page")), bool(age_text) and ages is None
    )


def read_profile(args: MultiDict) -> MatchProfile | None:
    """A matching profile from a shareable address (?interest=animals&try=volunteering-role&age=16-18)."""
    profile = MatchProfile(
        interests=frozenset(_choices(args, "interest", KINDS_OF_WORK)),
        try_first=frozenset(_choices(args, "try", KINDS_OF_SUPPORT)),
        support_needs=frozenset(_choices(args, "need", SUPPORT_NEEDS)),
        helps=frozenset(_choices(args, "help", KINDS_OF_SUPPORT)),
        hours=args.get("hours") if args.get("hours") in HOURS else None,
        age_band=args.get("age") if args.get("age") in AGE_BANDS else None,
    )
    return None if profile.is_empty else profile


class DirectoryForm(FlaskForm):
    """The filter form, filled from the checked query (never straight from the request)."""

    class Meta:
        csrf = False  # a GET search form changes nothing

    q = StringField()
    step = SelectMultipleField(choices=list(LADDER_STEPS))
    kind = SelectMultipleField(choices=list(KINDS_OF_SUPPORT))
    need = SelectMultipleField(choices=list(SUPPORT_NEEDS))
    area = SelectMultipleField()
    pay = SelectMultipleField(choices=list(PAY))
    ask = SelectMultipleField(choices=["yes"])
    age = RadioField(choices=["", *AGE_BANDS])


def filter_options(areas) -> dict:
    """The answer cards of each filter: (value, words, symbol)."""
    from app.pathways.views import area_name

    def cards(vocabulary):
        return [(term.id, term.name, term.symbol) for term in vocabulary.values()]

    return {
        "step_options": cards(LADDER_STEPS),
        "kind_options": cards(KINDS_OF_SUPPORT),
        "need_options": cards(SUPPORT_NEEDS),
        "age_options": [("", ANY_AGE, "age"), *cards(AGE_BANDS)],
        "area_options": [(area.id, area_name(area), "area") for area in areas],
    }


def directory_form(query: DirectoryQuery, areas: list[str]) -> DirectoryForm:
    filters = query.filters
    form = DirectoryForm(
        formdata=None,
        data={
            "q": query.query,
            "step": list(filters.steps),
            "kind": list(filters.kinds),
            "need": list(filters.needs),
            "area": list(filters.areas),
            "pay": list(filters.pay),
            "ask": ["yes"] if filters.ask_myself else [],
            "age": query.age if query.age in AGE_BANDS else (None if query.age else ""),
        },
    )
    form.area.choices = areas
    if query.age_problem:
        form.age.errors = [AGE_PROBLEM]
    return form
