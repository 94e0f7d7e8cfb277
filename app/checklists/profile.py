"""What a person's checklists say that the directory uses to suggest services, in one place."""

from dataclasses import dataclass, field

from app.checklists.answers import NO_ANSWER, Answers, path
from app.checklists.definitions import Checklist


@dataclass(frozen=True)
class MatchProfile:
    """The answers that matter for matching, as ids from app.vocab. Empty means not answered."""

    interests: frozenset[str] = field(default_factory=frozenset)  # KINDS_OF_WORK ids
    try_first: frozenset[str] = field(default_factory=frozenset)  # KINDS_OF_SUPPORT ids
    support_needs: frozenset[str] = field(default_factory=frozenset)  # SUPPORT_NEEDS ids
    helps: frozenset[str] = field(default_factory=frozenset)  # e.g. "job-coaching", "travel-training"
    hours: str | None = None  # HOURS id
    age_band: str | None = None  # AGE_BANDS id

    @property
    def is_empty(self) -> bool:
        return not (self.interests or self.try_first or self.support_needs or self.helps or self.hours or self.age_band)


def profile_from(checklists: dict[str, Checklist], answers: Answers) -> MatchProfile:
    """Collect the matching answers from every checklist, following each person's own path."""
    found: dict[str, set[str]] = {
        "interests": set(),
        "try_first": set(),
        "support_needs": set(),
        "helps": set(),
        "hours": set(),
        "age_band": set(),
    }
    for checklist in checklists.values():
        for step in path(checklist, answers):
            answer = answers.get((checklist.id, step.id), NO_ANSWER)
            if not step.match or not answer.given:
                continue
            if step.type == "readiness":
                choice = answer.choices[0]
                if step.needs and (choice == "not-yet" or (choice == "with-help" and step.match == "helps")):
                    found[step.match].add(step.needs)
            else:
                found[step.match].update(answer.choices)
    return MatchProfile(
        interests=frozenset(found["interests"]),
        try_first=frozenset(found["try_first"]),
        support_needs=frozenset(found["support_needs"]),
        helps=frozenset(found["helps"]),
        hours=next(iter(found["hours"]), None),
        age_band=next(iter(found["age_band"]), None),
    )


def current_profile() -> MatchProfile | None:
    """The matching answers of the person using the site now, or None if they have no checklists."""
    from app.checklists.current import current_checklists

    found = current_checklists()
    if found is None:
        return None
    from app.checklists.service import answers_of
    from app.extensions import db

    return profile_from(found.definitions, answers_of(db.session, found.record))
