"""Each programme's outcome rule, read from `programmes/<id>.yaml` and from the council's own folder of rule
files (the OUTCOME_RULES_DIR setting), and the ones this council reports (the OUTCOME_PROGRAMMES setting).

A council's folder is for rules set in its own grant agreement rather than in published guidance, such as
Connect to Work's sustained outcome: the council writes the numbers it was given, in the same shape."""

from functools import cache
from pathlib import Path

import yaml

from app.outcomes.rules import Programme

PROGRAMMES_DIR = Path(__file__).resolve().parent / "programmes"
NUMBERS = ("hours_at_least", "weeks_needed", "window_weeks")


class ProgrammeError(ValueError):
    """A programme definition that cannot be used, with what is wrong."""


def read_programme(path: Path) -> Programme:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ProgrammeError(f"{path.name}: cannot be read as YAML ({error.__class__.__name__}).") from None
    if not isinstance(data, dict) or set(data) != {"id", "name", *NUMBERS}:
        raise ProgrammeError(f"{path.name}: needs exactly id, name, {', '.join(NUMBERS)}.")
    if data["id"] != path.stem:
        raise ProgrammeError(f"{path.name}: its id is {data['id']!r}, not the file's name.")
    if not all(isinstance(data[key], int) and not isinstance(data[key], bool) and data[key] > 0 for key in NUMBERS):
        raise ProgrammeError(f"{path.name}: {', '.join(NUMBERS)} must be whole numbers above 0.")
    if data["weeks_needed"] > data["window_weeks"] or data["hours_at_least"] > 168:
        raise ProgrammeError(f"{path.name}: the weeks needed must fit in the window, and a week has 168 hours.")
    return Programme(**data)


@cache
def programmes(directory: Path = PROGRAMMES_DIR) -> dict[str, Programme]:
    """Every programme we hold a rule for, by id."""
    return {path.stem: read_programme(path) for path in sorted(directory.glob("*.yaml"))}


def known_programmes(council_dir: str | Path | None = None) -> dict[str, Programme]:
    """The rules we ship and the council's own, by id. A council's file may add a programme, never change one we
    ship: a changed threshold is a reviewed change here, with its worked examples."""
    known = dict(programmes())
    if not council_dir:
        return known
    folder = Path(council_dir)
    if not folder.is_dir():
        raise ProgrammeError(f"OUTCOME_RULES_DIR is {folder}, which is not a folder.")
    own = programmes(folder.resolve())
    clash = sorted(set(own) & set(known))
    if clash:
        raise ProgrammeError(
            f"{folder}: {', '.join(clash)} is a programme we ship; give the council's own rule another id."
        )
    return known | own


def reported(ids: tuple[str, ...] | list[str], council_dir: str | Path | None = None) -> list[Programme]:
    """The programmes a council reports, in the order its settings name them."""
    known = known_programmes(council_dir)
    unknown = [name for name in ids if name not in known]
    if unknown:
        raise ProgrammeError(f"OUTCOME_PROGRAMMES names {', '.join(unknown)}; we hold rules for {', '.join(known)}.")
    return [known[name] for name in ids]


def council_programmes(config) -> list[Programme]:
    """The programmes this council reports, from its settings."""
    return reported(config["OUTCOME_PROGRAMMES"], config.get("OUTCOME_RULES_DIR"))
