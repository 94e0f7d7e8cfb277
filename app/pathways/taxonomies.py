"""Our four vocabularies (app/vocab.py) published as HSDS taxonomies, with ids that never change.

Open Referral ids are UUIDs, so each taxonomy and term gets a UUID made from its vocabulary id and
term id (uuid5): the same everywhere, for ever. The kebab-case vocabulary id is the term's `code`.
"""

import uuid
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from app.vocab import KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS, Term

NAMESPACE = uuid.UUID("5b0e7c4e-3f57-4d7a-9a64-8f1d6c1e2a90")
VERSION = "1"


@dataclass(frozen=True)
class Vocabulary:
    key: str  # kebab-case, used in URLs and uuids
    param: str  # the directory's query parameter for it
    name: object  # lazy string
    description: object  # lazy string
    terms: dict[str, Term]

    @property
    def id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"taxonomy/{self.key}"))

    def term_id(self, code: str) -> str:
        return str(uuid.uuid5(NAMESPACE, f"taxonomy/{self.key}/{code}"))


VOCABULARIES: dict[str, Vocabulary] = {
    v.key: v
    for v in (
        Vocabulary(
            "ladder-step",
            "step",
            _l("Steps on the ladder"),
            _l("The step on the way to a paid job that a service is part of."),
            LADDER_STEPS,
        ),
        Vocabulary(
            "kind-of-support",
            "kind",
            _l("Kinds of help"),
            _l("What a service gives you, like a job coach or a work trial."),
            KINDS_OF_SUPPORT,
        ),
        Vocabulary(
            "support-need", "need", _l("Who it is for"), _l("The people a service is set up to help."), SUPPORT_NEEDS
        ),
        Vocabulary(
            "kind-of-work",
            "work",
            _l("Kinds of work"),
            _l("The kinds of work you can do or try with a service."),
            KINDS_OF_WORK,
        ),
    )
}

LADDER = VOCABULARIES["ladder-step"]
TAXONOMY_IDS: dict[str, Vocabulary] = {v.id: v for v in VOCABULARIES.values()}
# term uuid -> (vocabulary, code)
TERM_IDS: dict[str, tuple[Vocabulary, str]] = {
    v.term_id(code): (v, code) for v in VOCABULARIES.values() for code in v.terms
}


def filter_token(vocabulary: Vocabulary, code: str) -> str:
    """How a service's term is written in its filter_terms: "kind:job-coaching"."""
    return f"{vocabulary.param}:{code}"


def parse_filter_terms(text: str) -> dict[str, frozenset[str]]:
    """filter_terms back into codes by vocabulary parameter: {"kind": {...}, "need": {...}, ...}."""
    found: dict[str, set[str]] = {vocabulary.param: set() for vocabulary in VOCABULARIES.values()}
    for token in text.split():
        param, _, code = token.partition(":")
        if param in found:
            found[param].add(code)
    return {param: frozenset(codes) for param, codes in found.items()}


def english(text: object) -> str:
    with force_locale("en"):
        return str(text)


def welsh(text: object) -> str:
    with force_locale("cy"):
        return str(text)


def taxonomy_record(vocabulary: Vocabulary) -> dict:
    """The HSDS taxonomy record, in English (needs an app context)."""
    return {
        "id": vocabulary.id,
        "name": f"My Way to Work: {english(vocabulary.name).lower()}",
        "description": english(vocabulary.description),
        "version": VERSION,
    }


def term_record(vocabulary: Vocabulary, code: str) -> dict:
    """The HSDS taxonomy_term record, in English (needs an app context)."""
    name = english(vocabulary.terms[code].name)
    return {
        "id": vocabulary.term_id(code),
        "code": code,
        "name": name,
        "description": f"{english(vocabulary.name)}: {name}",
        "taxonomy": taxonomy_record(vocabulary)["name"],
        "taxonomy_id": vocabulary.id,
        "language": "en",
    }
