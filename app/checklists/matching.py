"""What a person's checklists say that the directory uses to suggest services, in one place."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MatchProfile:
    """The answers that matter for matching, as ids from app.vocab. Empty means not answered."""

    interests: frozenset[str] = field(default_factory=frozenset)       # KINDS_OF_WORK ids
    try_first: frozenset[str] = field(default_factory=frozenset)       # KINDS_OF_SUPPORT ids
    support_needs: frozenset[str] = field(default_factory=frozenset)   # SUPPORT_NEEDS ids
    helps: frozenset[str] = field(default_factory=frozenset)           # e.g. "job-coaching", "travel-training"
    hours: str | None = None                                           # HOURS id
    age_band: str | None = None                                        # AGE_BANDS id

    @property
    def is_empty(self) -> bool:
        return not (self.interests or self.try_first or self.support_needs or self.helps or self.hours or self.age_band)
