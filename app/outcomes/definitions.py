"""Each programme's outcome rule, read from `programmes/<id>.yaml`, and the ones this council reports
(the OUTCOME_PROGRAMMES setting)."""

from functools import cache
from pathlib import Path

import yaml

from app.outcomes.rules import Programme

PROGRAMMES_DIR = Path(__file__).resolve().parent / "programmes"
NUMBERS = ("hours_at_least", "weeks_needed", "window_weeks")


class ProgrammeError(ValueError):
    """A programme definition that cannot be used, with what is wrong."""


def read_programme(path: Path) -> Programme:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def reported(ids: tuple[str, ...] | list[str]) -> list[Programme]:
    """The programmes a council reports, in the order its settings name them."""
    known = programmes()
    unknown = [name for name in ids if name not in known]
    if unknown:
        raise ProgrammeError(f"OUTCOME_PROGRAMMES names {', '.join(unknown)}; we hold rules for {', '.join(known)}.")
    return [known[name] for name in ids]
