"""The choices on the easy-read page: symbols with their names, ladder steps and kinds of help."""

from app.easyread.symbols import symbol_index
from app.pathways.models import Service
from app.pathways.taxonomies import english
from app.vocab import KINDS_OF_SUPPORT, KINDS_OF_WORK, LADDER_STEPS, SUPPORT_NEEDS

# Pictures that suit a service as a whole, besides those of the steps, kinds of help and work and needs.
GENERAL = ("work", "job-coach", "people", "team", "meeting", "learning-disability", "help", "council", "building")


def symbol_name(concept: str) -> str:
    """A symbol's name as staff read it: "job-coach" is "Job coach"."""
    return concept.replace("-", " ").capitalize()


def symbol_choices(service: Service) -> list[tuple[str, str]]:
    """(concept, name) of each symbol a service may have, in name order; the service's own always among them."""
    concepts = set(GENERAL)
    for terms in (LADDER_STEPS, KINDS_OF_SUPPORT, KINDS_OF_WORK, SUPPORT_NEEDS):
        concepts |= {term.symbol for term in terms.values()}
    concepts |= {c for c in (service.symbol, service.draft_symbol) if c}
    concepts &= set(symbol_index().files)  # an imported symbol the index lacks cannot be drawn
    return sorted(((c, symbol_name(c)) for c in concepts), key=lambda pair: pair[1])


def step_choices() -> list[tuple[str, str, str]]:
    """(code, name, symbol) of each ladder step, in ladder order."""
    return [(code, english(term.name), term.symbol) for code, term in LADDER_STEPS.items()]


def kind_choices() -> list[tuple[str, str, str]]:
    """(code, name, symbol) of each kind of help."""
    return [(code, english(term.name), term.symbol) for code, term in KINDS_OF_SUPPORT.items()]
