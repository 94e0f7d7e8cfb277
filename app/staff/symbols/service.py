"""The symbol contact sheet's work: every concept in the index with its picture, what the picture shows,
its set, and the sentences that use it in English and Welsh, so a reviewer can check each pairing."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import force_locale, gettext, pgettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.pathways.models import Service
from app.staff.symbols.uses import Use, code_uses

SET_NAMES = {"mulberry": "Mulberry Symbols", "openmoji": "OpenMoji"}


@dataclass(frozen=True)
class Sentence:
    english: str | None  # None: the words come from a variable in `where`
    welsh: str | None  # None: not translated (staff pages), or the words come from a variable
    where: str


@dataclass
class Entry:
    concept: str
    aliases: list[str]
    shows: str
    note: str | None  # why this picture, where it is not plain
    set_name: str
    source: str | None  # the Mulberry file it was made from
    sentences: list[Sentence] = field(default_factory=list)


def _welsh(use: Use) -> str | None:
    if use.text is None or not use.translated:
        return None
    with force_locale("cy"):
        welsh = pgettext(use.context, use.text) if use.context else gettext(use.text)
    return welsh if welsh != use.text else None


def directory_uses(session: Session) -> list[Use]:
    """Each service in the directory with a symbol of its own: its name is the sentence beside it."""
    rows = session.execute(
        select(Service.name, Service.symbol).where(Service.symbol.is_not(None)).order_by(Service.name)
    )
    return [Use(symbol, name, "directory", translated=False) for name, symbol in rows]


def read_index(index_path: str | Path) -> dict:
    return json.loads(Path(index_path).read_text(encoding="utf-8"))


def contact_sheet(data: dict, session: Session, uses: list[Use] | None = None) -> list[Entry]:
    """Every concept of the index (as read by read_index) in order, each with its sentences, repeats left out."""
    entries, owner = {}, {}
    for cid, concept in data["concepts"].items():
        entries[cid] = Entry(
            cid,
            concept.get("aliases", []),
            concept["shows"],
            concept.get("note"),
            SET_NAMES[concept["set"]],
            concept.get("source"),
        )
        owner.update({name: cid for name in (cid, *concept.get("aliases", []))})
    seen = set()
    for use in (code_uses() if uses is None else uses) + directory_uses(session):
        cid = owner.get(use.concept)
        key = (cid, use.text, use.where if use.text is None else None)
        if cid is None or key in seen:
            continue
        seen.add(key)
        entries[cid].sentences.append(Sentence(use.text, _welsh(use), use.where))
    return list(entries.values())
