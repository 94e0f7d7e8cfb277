"""Every journey is a YAML definition, checked against one JSON Schema and then against what the schema
cannot see: that every step, branch target, condition, symbol and answer named exists."""

import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from flask_babel import lazy_pgettext

from app import vocab
from app.journeys import conditions
from app.journeys.model import Journey, Option, Step, TextInput
from app.journeys.types import STEP_TYPES

SCHEMA = Path(__file__).resolve().parent / "schema.json"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # where a step's `otherwise` page is found
VOCABULARIES = {
    "kinds-of-work": vocab.KINDS_OF_WORK,
    "kinds-of-support": vocab.KINDS_OF_SUPPORT,
    "support-needs": vocab.SUPPORT_NEEDS,
    "hours": vocab.HOURS,
    "age-bands": vocab.AGE_BANDS,
}


class DefinitionError(ValueError):
    """A journey definition is wrong; the message says which file and what."""


def schema(types=None) -> dict:
    """The schema, with the step types of the registry."""
    loaded = json.loads(SCHEMA.read_text(encoding="utf-8"))
    loaded["$defs"]["step"]["properties"]["type"] = {"enum": sorted(types or STEP_TYPES)}
    return loaded


def _t(context: str, text: str | None):
    return lazy_pgettext(context, text) if text else None


def _voiced(context: str, value) -> tuple | None:
    """(said to the person, said about them, said about them by name or None)."""
    if value is None:
        return None
    if isinstance(value, dict):
        return _t(context, value["self"]), _t(context, value["other"]), _t(context, value.get("named"))
    return _t(context, value), _t(context, value), None


def _says(context: str, value):
    """A plan sentence: one text, or voiced like a question; a readiness step has one for each answer."""
    if isinstance(value, dict) and "self" not in value:
        return {k: _voiced(context, v) if isinstance(v, dict) else _t(context, v) for k, v in value.items()}
    return _voiced(context, value) if isinstance(value, dict) else _t(context, value)


def _line(context: str, line: dict) -> tuple:
    return line["symbol"], ({"range": line["range"]} if "range" in line else _voiced(context, line["text"]))


def build(raw: dict, types=None) -> Journey:
    """A Journey from a definition that has passed check()."""
    types = types or STEP_TYPES
    steps = {}
    for item in raw["steps"]:
        context = f"{raw['id']}/{item['id']}"
        terms = VOCABULARIES.get(item.get("vocab"), {})
        options = [Option(o.id, o.label, o.symbol) for o in getattr(types[item["type"]], "fixed_options", ())]
        for o in item.get("options", []):
            term = terms.get(o["id"])
            voiced = _voiced(context, o["label"]) if isinstance(o.get("label"), dict) else None
            label = voiced[0] if voiced else _t(context, o["label"]) if "label" in o else (term.name if term else None)
            symbol = o.get("symbol") or (term.symbol if term else None)
            options.append(Option(o["id"], label, symbol, _says(context, o.get("says")), voiced))
        steps[item["id"]] = Step(
            journey_id=raw["id"],
            id=item["id"],
            type=item["type"],
            question=_voiced(context, item["question"]),
            symbol=item["symbol"],
            key=item.get("key", item["id"]),
            hint=_voiced(context, item.get("hint")),
            options=tuple(options),
            when=item.get("when"),
            otherwise=item.get("otherwise"),
            next=tuple(item.get("next", ())),
            section=item.get("section"),
            match=item.get("match"),
            needs=item.get("needs"),
            says=_says(context, item.get("says")),
            next_step=_says(context, item.get("next-step")),
            check_label=_voiced(context, item.get("check-label")) or _voiced(context, item["question"]),
            limit=item.get("limit"),
            required=_t(context, item.get("required")),
            input=TextInput(**{k.replace("-", "_"): v for k, v in item.get("input", {}).items()}),
            lines=tuple(_line(context, line) for line in item.get("lines", ())),
        )
    return Journey(
        id=raw["id"],
        title=_t(raw["id"], raw.get("title")),
        symbol=raw["symbol"],
        summary=_t(raw["id"], raw.get("summary")),
        first=raw["first"],
        steps=steps,
        order=tuple(steps),
        finish=raw.get("finish"),
        stop=raw.get("stop"),
        facts=tuple(raw.get("facts", ())),
        other_voice=(raw.get("voices") or {}).get("other"),
        name_step=(raw.get("voices") or {}).get("name"),
        skippable=raw.get("skippable", False),
        setup=raw.get("setup", False),
        off_path=raw.get("off-path", "count-the-path"),
    )


def check(raw: dict, name: str, symbols: set[str], types=None) -> list[str]:
    """Every problem with one definition: schema, then references the schema cannot see."""
    types = types or STEP_TYPES
    validator = jsonschema.Draft202012Validator(schema(types))
    problems = [f"{name}: {'/'.join(map(str, e.path)) or 'top'}: {e.message}" for e in validator.iter_errors(raw)]
    if problems:
        return problems
    steps = raw["steps"]
    ids = [s["id"] for s in steps]
    facts = set(raw.get("facts", []))
    if raw["id"] != Path(name).stem:
        problems.append(f"{name}: id {raw['id']!r} must match the file name")
    if len(set(ids)) != len(ids):
        problems.append(f"{name}: step ids repeat")
    keys = [s.get("key", s["id"]) for s in steps]
    if len(set(keys)) != len(keys):
        problems.append(f"{name}: step keys repeat")
    if raw["first"] not in ids:
        problems.append(f"{name}: first step {raw['first']!r} does not exist")
    concepts = [raw["symbol"]] + [s["symbol"] for s in steps]
    concepts += [o["symbol"] for s in steps for o in s.get("options", []) if "symbol" in o]
    concepts += [line["symbol"] for s in steps for line in s.get("lines", [])]
    problems += [f"{name}: no symbol {c!r} in the symbol index" for c in concepts if c not in symbols]
    if "voices" in raw:
        problems += [f"{name}: voices: {p}" for p in conditions.problems(raw["voices"]["other"], raw, facts, types)]
        if "name" in raw["voices"] and raw["voices"]["name"] not in ids:
            problems.append(f"{name}: voices: the name step {raw['voices']['name']!r} does not exist")
    named = [s["id"] for s in steps if _has_named(s)]
    if named and not (raw.get("voices") or {}).get("name"):
        problems.append(f"{name}: steps {named} have 'named' words but voices names no step with the person's name")
    for step in steps:
        for line in step.get("lines", []):
            if "range" in line and line["range"] not in facts:
                problems.append(f"{name}: {step['id']}: the fact {line['range']!r} is not declared under facts")
    for step in steps:
        where = f"{name}: {step['id']}"
        problems += [f"{where}: {p}" for p in types[step["type"]].check(step)]
        terms = VOCABULARIES.get(step.get("vocab"))
        option_ids = [o["id"] for o in step.get("options", [])]
        if len(set(option_ids)) != len(option_ids):
            problems.append(f"{where}: option ids repeat")
        for option in step.get("options", []):
            if terms is not None and option["id"] not in terms:
                problems.append(f"{where}: {option['id']!r} is not in the {step['vocab']} vocabulary")
            if terms is None and not ("label" in option and "symbol" in option):
                problems.append(f"{where}: option {option['id']!r} needs a label and a symbol")
        if "when" in step:
            problems += [f"{where}: when: {p}" for p in conditions.problems(step["when"], raw, facts, types)]
        if "otherwise" in step and "when" not in step:
            problems.append(f"{where}: a step with 'otherwise' needs 'when': the page is shown when it does not hold")
        if "otherwise" in step and not (TEMPLATES / step["otherwise"]).is_file():
            problems.append(f"{where}: otherwise: there is no page {step['otherwise']!r} in app/templates")
        for rule in step.get("next", []):
            if rule["step"] not in ids:
                problems.append(f"{where}: next step {rule['step']!r} does not exist")
            if "when" in rule:
                problems += [f"{where}: next: {p}" for p in conditions.problems(rule["when"], raw, facts, types)]
    return problems


def _has_named(step: dict) -> bool:
    voiced = [step.get("question"), step.get("hint"), step.get("check-label")]
    voiced += [o.get("label") for o in step.get("options", [])] + [line.get("text") for line in step.get("lines", [])]
    return any(isinstance(v, dict) and "named" in v for v in voiced)


# libyaml's parser when PyYAML was built with it (its wheels are): the same documents, about ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def refuse(problems: list[str]) -> None:
    """Stop with every problem listed, when there are any."""
    if problems:
        raise DefinitionError("Journey definitions have problems:\n  " + "\n  ".join(problems))


def load_file(path: Path, symbols: set[str], types=None) -> Journey:
    """Load and check one definition; any problem raises DefinitionError."""
    raw = read(path)
    refuse(check(raw, path.name, symbols, types))
    return build(raw, types)


def load_folder(folder: Path, symbols: set[str], types=None) -> dict[str, Journey]:
    """Load and check every definition in a folder; any problem stops the site from starting.

    Journeys are frozen, so a folder whose files and symbols have not changed is read and checked once per process
    (each app made in it, as the tests make many, gets the same journeys)."""
    if types is not None:
        return _load_folder(folder, symbols, types)
    files = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(Path(folder).glob("*.yaml")))
    return dict(_checked_folder(str(folder), frozenset(symbols), files))


@lru_cache(maxsize=8)
def _checked_folder(folder: str, symbols: frozenset[str], _files: tuple) -> tuple[tuple[str, Journey], ...]:
    return tuple(_load_folder(Path(folder), symbols, None).items())


def _load_folder(folder: Path, symbols: set[str], types) -> dict[str, Journey]:
    journeys, problems = {}, []
    for path in sorted(Path(folder).glob("*.yaml")):
        raw = read(path)
        found = check(raw, path.name, symbols, types)
        problems += found
        if not found:
            journeys[raw["id"]] = build(raw, types)
    refuse(problems)
    return journeys


@lru_cache(maxsize=4)
def symbols_from(index_path: str) -> frozenset[str]:
    """Every concept and alias in the symbol index (easyread_assets/symbols.json), read once per file."""
    with open(index_path, encoding="utf-8") as handle:
        index = json.load(handle)["concepts"]
    return frozenset(index) | {alias for entry in index.values() for alias in entry.get("aliases", [])}


@lru_cache(maxsize=4)
def raw_definitions(folder: Path) -> tuple[tuple[str, dict], ...]:
    return tuple((p.name, read(p)) for p in sorted(Path(folder).glob("*.yaml")))
