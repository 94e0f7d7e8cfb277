"""Checklists are journeys: one YAML file each in definitions/, checked by the journey engine's loader
against its one schema and the site's symbols."""

from pathlib import Path

from app.journeys.loader import DefinitionError, load_folder
from app.journeys.loader import raw_definitions as _raw
from app.journeys.model import Journey

DEFINITIONS = Path(__file__).resolve().parent / "definitions"
Checklist = Journey
__all__ = ["DEFINITIONS", "Checklist", "DefinitionError", "load_all", "raw_definitions", "setup_of"]


def load_all(symbols: set[str]) -> dict[str, Checklist]:
    """Load and check every checklist; any problem stops the site from starting."""
    checklists = load_folder(DEFINITIONS, symbols)
    setups = [c.id for c in checklists.values() if c.setup]
    if len(setups) != 1:
        raise DefinitionError(f"Exactly one checklist is asked before the others (setup: true); found {setups}.")
    return checklists


def setup_of(checklists: dict[str, Checklist]) -> Checklist:
    """The checklist asked once before the others: the one whose definition says `setup: true`."""
    return next(c for c in checklists.values() if c.setup)


def raw_definitions() -> tuple[tuple[str, dict], ...]:
    return _raw(DEFINITIONS)
