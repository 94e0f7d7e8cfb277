"""Where each symbol is used: a plain reading of the journey definitions, the word lists, the templates
and the Python that pairs a concept with its words. Simple and honest, not complete: a symbol chosen
from a variable (for example a service's own symbol on a generic row) is found only where its words
are written down beside it."""

import re
from dataclasses import dataclass
from pathlib import Path

from app import vocab
from app.journeys.loader import raw_definitions

APP_DIR = Path(__file__).resolve().parents[2]
DEFINITION_DIRS = ("checklists/definitions", "journeys/definitions")
TEXT_KEYS = ("question", "label", "text", "title")
STRING = r'"((?:[^"\\]|\\.)*)"'
CONCEPT = r'"([a-z0-9]+(?:-[a-z0-9]+)*)"'
ROWS = r"(?:symbol_row|text_row|link_row|panel|journey_card)"
TEMPLATE_ROW = re.compile(ROWS + r"\(\s*" + CONCEPT + r",\s*(_\(\s*)?" + STRING)
TEMPLATE_ROW_FROM_VARIABLE = re.compile(ROWS + r"\(\s*" + CONCEPT + r",\s*[a-z(]")
TEMPLATE_HEADING = re.compile(r"heading\(\s*(_\(\s*)?" + STRING + r"\)?[^)\n]*?concept=" + CONCEPT)
TEMPLATE_SYMBOL = re.compile(r"[^_]symbol\(\s*" + CONCEPT)
PY_TERM = re.compile(r"(?:Term|Option)\(\s*\"[^\"]*\",\s*_l?\(\s*" + STRING + r"\s*\),\s*" + CONCEPT + r"\s*\)")
PY_PAIR = re.compile(r"[(,]\s*" + CONCEPT + r",\s*(?:Text\()?_l?\(\s*" + STRING)


@dataclass(frozen=True)
class Use:
    concept: str  # as written: a concept or one of its aliases
    text: str | None  # the English words beside the symbol, None when they come from a variable
    where: str  # the file, or "directory"
    context: str | None = None  # the translation context of a journey definition's words
    translated: bool = True  # False for staff pages, which are in English only


def _voiced(value) -> str | None:
    """The person's own wording of a text that may differ by voice."""
    if isinstance(value, dict):
        return next((_voiced(v) for k, v in value.items() if k == "self"), None) or _voiced(next(iter(value.values())))
    return value if isinstance(value, str) else None


def _walk(node, context: str, where: str, out: list[Use]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("symbol"), str):
            text = next((_voiced(node[key]) for key in TEXT_KEYS if key in node), None) or _voiced(node.get("says"))
            out.append(Use(node["symbol"], text, where, context))
        for key, value in node.items():
            if key not in ("next", "when"):
                _walk(value, context, where, out)
    elif isinstance(node, list):
        for item in node:
            _walk(item, context, where, out)


def definition_uses() -> list[Use]:
    out: list[Use] = []
    for folder in DEFINITION_DIRS:
        for name, raw in raw_definitions(APP_DIR / folder):
            where = f"app/{folder}/{name}"
            if raw.get("symbol"):
                out.append(Use(raw["symbol"], raw.get("title"), where, raw["id"]))
            for step in raw.get("steps", []):
                _walk(step, f"{raw['id']}/{step['id']}", where, out)
    return out


def vocab_uses() -> list[Use]:
    lists = (vocab.LADDER_STEPS, vocab.KINDS_OF_SUPPORT, vocab.KINDS_OF_WORK, vocab.SUPPORT_NEEDS, vocab.AGE_BANDS)
    terms = [term for terms in (*lists, vocab.HOURS) for term in terms.values()]
    return [Use(term.symbol, term.name._args[0], "app/vocab.py") for term in terms]


def template_uses() -> list[Use]:
    out: list[Use] = []
    for path in sorted((APP_DIR / "templates").rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        where = f"app/templates/{path.relative_to(APP_DIR / 'templates')}"
        staff = where.startswith("app/templates/staff/")
        for concept, translated, text in TEMPLATE_ROW.findall(source):
            out.append(Use(concept, _unescape(text), where, translated=bool(translated) and not staff))
        for translated, text, concept in TEMPLATE_HEADING.findall(source):
            out.append(Use(concept, _unescape(text), where, translated=bool(translated) and not staff))
        for concept in TEMPLATE_ROW_FROM_VARIABLE.findall(source) + TEMPLATE_SYMBOL.findall(source):
            out.append(Use(concept, None, where))
    return out


def python_uses() -> list[Use]:
    out: list[Use] = []
    for path in sorted(APP_DIR.rglob("*.py")):
        if path.name == "vocab.py" or "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        where = f"app/{path.relative_to(APP_DIR)}"
        for text, concept in PY_TERM.findall(source):
            out.append(Use(concept, _unescape(text), where))
        for concept, text in PY_PAIR.findall(PY_TERM.sub("", source)):
            out.append(Use(concept, _unescape(text), where))
    return out


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\'", "'")


def code_uses() -> list[Use]:
    """Every use written in the code and definitions, in file order."""
    return definition_uses() + vocab_uses() + template_uses() + python_uses()
