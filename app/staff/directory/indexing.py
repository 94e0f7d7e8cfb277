"""A service's worked-out columns made again after staff change it: its ladder step, filter terms, sort
name and search words, the same way an import works them out (app/pathways/importing/writer.py)."""

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from app.pathways.models import Service, ServiceWord
from app.pathways.taxonomies import LADDER, TERM_IDS, english, filter_token, welsh
from app.pathways.text import fold, index_words


def reindex(session: Session, service: Service) -> None:
    """Work out the service's step, filters and search words from its rows, inside the caller's transaction."""
    step, words, tokens = None, [], []
    for attribute in service.attributes:
        found = TERM_IDS.get(attribute.taxonomy_term_id)
        if found is None:
            words.append(attribute.taxonomy_term.name)
            continue
        vocabulary, code = found
        term = vocabulary.terms[code]
        step = code if vocabulary is LADDER else step
        words.append(f"{english(term.name)} {welsh(term.name)}")
        tokens.append(filter_token(vocabulary, code))
    service.ladder_step = step
    service.filter_terms = " " + " ".join(sorted(tokens)) + " "
    service.sort_name = fold(service.name)[:255]
    area = service.area
    found_by = index_words(
        service.name,
        service.name_cy,
        service.alternate_name,
        service.organization.name,
        service.summary_en,
        service.summary_cy,
        service.who_for_en,
        service.who_for_cy,
        area.name_en if area else None,
        area.name_cy if area else None,
        *words,
    )
    session.flush()
    session.execute(delete(ServiceWord).where(ServiceWord.service_id == service.id))
    if found_by:
        session.execute(insert(ServiceWord), [{"word": w, "service_id": service.id} for w in sorted(found_by)])
