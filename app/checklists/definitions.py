"""Checklists are data: one YAML file each, checked against a JSON Schema and against the site's symbols."""
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from app import vocab

HERE = Path(__file__).resolve().parent
DEFINITIONS = HERE / "definitions"
VOCABULARIES = {
    "kinds-of-work": vocab.KINDS_OF_WORK,
    "kinds-of-support": vocab.KINDS_OF_SUPPORT,
    "support-needs": vocab.SUPPORT_NEEDS,
    "hours": vocab.HOURS,
    "age-bands": vocab.AGE_BANDS,
}
READINESS = (("yes", _l("Yes"), "yes"), ("with-help", _l("With help"), "with-help"), ("not-yet", _l("Not yet"), "not-yet"))


class DefinitionError(ValueError):
    """A checklist file is wrong; the message says which file and what."""


@dataclass(frozen=True)
class Option:
    id: str
    label: object
    symbol: str
    says: object


@dataclass(frozen=True)
class Step:
    checklist_id: str
    id: str
    type: str
    question: object
    symbol: str
    hint: object = None
    section: str | None = None
    match: str | None = None
    needs: str | None = None
    options: tuple[Option, ...] = ()
    says: object = None  # text steps: one sentence; readiness: {"yes": ..., "with-help": ...}
    next_step: object = None
    next: tuple[dict, ...] = ()

    def cards(self) -> list[tuple[str, object, str]]:
        """(value, label, symbol) for each answer card."""
        return [(o.id, o.label, o.symbol) for o in self.options]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Checklist:
    id: str
    title: object
    symbol: str
    summary: object
    first: str
    steps: dict[str, Step] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    setup: bool = False


def _t(context: str, text: str | None):
    return lazy_pgettext(context, text) if text else None


def _build(raw: dict) -> Checklist:
    steps = {}
    for item in raw["steps"]:
        context = f"{raw['id']}/{item['id']}"
        terms = VOCABULARIES.get(item.get("vocab"), {})
        options = []
        if item["type"] == "readiness":
            options = [Option(i, label, symbol, None) for i, label, symbol in READINESS]
        for o in item.get("options", []):
            term = terms.get(o["id"])
            label = _t(context, o["label"]) if "label" in o else (term.name if term else None)
            options.append(Option(o["id"], label, o.get("symbol") or (term.symbol if term else None), _t(context, o["says"])))
        says = item.get("says")
        says = {k: _t(context, v) for k, v in says.items()} if isinstance(says, dict) else _t(context, says)
        steps[item["id"]] = Step(
            checklist_id=raw["id"], id=item["id"], type=item["type"], question=_t(context, item["question"]),
            symbol=item["symbol"], hint=_t(context, item.get("hint")), section=item.get("section"),
            match=item.get("match"), needs=item.get("needs"), options=tuple(options), says=says,
            next_step=_t(context, item.get("next-step")), next=tuple(item.get("next", ())),
        )
    return Checklist(raw["id"], _t(raw["id"], raw["title"]), raw["symbol"], _t(raw["id"], raw["summary"]),
                     raw["first"], steps, tuple(steps), raw.get("setup", False))


def check(raw: dict, name: str, symbols: set[str]) -> list[str]:
    """Every problem with one definition: schema, then references the schema cannot see."""
    validator = jsonschema.Draft202012Validator(json.loads((HERE / "schema.json").read_text()))
    problems = [f"{name}: {'/'.join(map(str, e.path)) or 'top'}: {e.message}" for e in validator.iter_errors(raw)]
    if problems:
        return problems
    ids = [s["id"] for s in raw["steps"]]
    if raw["id"] != Path(name).stem:
        problems.append(f"{name}: id {raw['id']!r} must match the file name")
    if len(set(ids)) != len(ids):
        problems.append(f"{name}: step ids repeat")
    if raw["first"] not in ids:
        problems.append(f"{name}: first step {raw['first']!r} does not exist")
    for concept in [raw["symbol"]] + [s["symbol"] for s in raw["steps"]] + [o["symbol"] for s in raw["steps"] for o in s.get("options", []) if "symbol" in o]:
        if concept not in symbols:
            problems.append(f"{name}: no symbol {concept!r} in the symbol index")
    for step in raw["steps"]:
        where = f"{name}: {step['id']}"
        terms = VOCABULARIES.get(step.get("vocab"))
        option_ids = [o["id"] for o in step.get("options", [])]
        if len(set(option_ids)) != len(option_ids):
            problems.append(f"{where}: option ids repeat")
        for option in step.get("options", []):
            if terms is not None and option["id"] not in terms:
                problems.append(f"{where}: {option['id']!r} is not in the {step['vocab']} vocabulary")
            if terms is None and not ("label" in option and "symbol" in option):
                problems.append(f"{where}: option {option['id']!r} needs a label and a symbol")
        for rule in step.get("next", []):
            if rule["step"] not in ids:
                problems.append(f"{where}: next step {rule['step']!r} does not exist")
            when = rule.get("when")
            if when and (when["step"] not in ids or when["has"] not in [o["id"] for s in raw["steps"] if s["id"] == when["step"] for o in s.get("options", [])] + ["yes", "with-help", "not-yet"]):
                problems.append(f"{where}: the condition {when} names a step or answer that does not exist")
    return problems


def load_all(symbols: set[str]) -> dict[str, Checklist]:
    """Load and check every definition; any problem stops the site from starting."""
    checklists, problems = {}, []
    for path in sorted(DEFINITIONS.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        found = check(raw, path.name, symbols)
        problems += found
        if not found:
            checklists[raw["id"]] = _build(raw)
    if problems:
        raise DefinitionError("Checklist definitions have problems:\n  " + "\n  ".join(problems))
    return checklists


@lru_cache(maxsize=1)
def raw_definitions() -> tuple[tuple[str, dict], ...]:
    return tuple((p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(DEFINITIONS.glob("*.yaml")))
