"""Walks a journey: which step comes next given the answers so far, and how far along the person is.

`answers` maps a step's key to its answer, for one journey; `facts` is what the journey's service
knows besides (e.g. whether the person has a plan open). A step whose "only when" condition does not
hold is passed over, and the walk goes on from it as if it were answered."""

from collections.abc import Mapping

from app.journeys.conditions import holds, may_hold
from app.journeys.model import Journey, Step, Voice
from app.journeys.types import STEP_TYPES


def applies(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None = None) -> bool:
    return holds(step.when, journey, answers, facts)


def instead(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None = None) -> str | None:
    """The page shown at this step's address instead of its question: its `otherwise` page, when it does not apply."""
    return step.otherwise if step.otherwise and not applies(journey, step, answers, facts) else None


def next_step_id(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None = None) -> str | None:
    """The step after this one that applies: the first `next` rule that holds, else the next in the file."""
    current = step
    seen = {step.id}
    while True:
        following = _follow(journey, current, answers, facts)
        if following is None or following in seen:
            return None
        candidate = journey.steps[following]
        if applies(journey, candidate, answers, facts):
            return following
        seen.add(following)
        current = candidate


def _follow(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None) -> str | None:
    for rule in step.next:
        if holds(rule.get("when"), journey, answers, facts):
            return rule["step"]
    position = journey.order.index(step.id)
    return journey.order[position + 1] if position + 1 < len(journey.order) else None


def path(journey: Journey, answers: Mapping, facts: Mapping | None = None) -> list[Step]:
    """The steps this person will see, in order, given their answers."""
    steps, seen = [], set()
    current = journey.first
    if not applies(journey, journey.steps[current], answers, facts):
        current = next_step_id(journey, journey.steps[current], answers, facts)
    while current is not None and current not in seen:
        step = journey.steps[current]
        steps.append(step)
        seen.add(current)
        current = next_step_id(journey, step, answers, facts)
    return steps


def counted_path(journey: Journey, answers: Mapping, facts: Mapping | None = None) -> list[Step]:
    """The questions counted for progress: every step that applies or may still apply (a condition on a
    question not answered yet counts as holding), in file order, leaving out pages that ask nothing.

    An answer can only take steps out of this count, so the total never grows as the person goes on; it
    falls when an answer rules steps out (asking for yourself: no questions about the asker)."""
    if any(step.next for step in journey.steps.values()):  # branches jump: count the path as it stands
        counted = path(journey, answers, facts)
    else:
        counted = [s for s in journey.steps.values() if may_hold(s.when, journey, answers, facts)]
    return [step for step in counted if STEP_TYPES[step.type].counted]


def previous_step_id(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None = None) -> str | None:
    """The step before this one on the person's path; off the path, the nearest one before it in the file."""
    ids = [s.id for s in path(journey, answers, facts)]
    if step.id in ids:
        position = ids.index(step.id)
        return ids[position - 1] if position else None
    whole_file = journey.off_path == "count-the-file"
    before = [i for i in journey.order[: journey.order.index(step.id)] if whole_file or i in ids]
    return before[-1] if before else None


def progress(journey: Journey, step: Step, answers: Mapping, facts: Mapping | None = None) -> tuple[int, int]:
    """(this question's number, how many questions) along the person's own path.

    A step off the path (opened from its address) counts the path's steps before it in the file, or, when the
    definition says `off-path: count-the-file`, its place among all the steps in the file."""
    ids = [s.id for s in counted_path(journey, answers, facts)]
    if step.id in ids:
        return ids.index(step.id) + 1, len(ids)
    if journey.off_path == "count-the-file":
        return journey.order.index(step.id) + 1, len(journey.order)
    number = len([i for i in journey.order[: journey.order.index(step.id)] if i in ids]) + 1
    return number, max(len(ids), number)


def first_unanswered(journey: Journey, answers: Mapping, facts: Mapping | None = None) -> Step | None:
    """Where to carry on: the first step on the path with no answer yet."""
    return next((step for step in path(journey, answers, facts) if step.key not in answers), None)


def is_done(journey: Journey, answers: Mapping, facts: Mapping | None = None) -> bool:
    return first_unanswered(journey, answers, facts) is None


def voice(journey: Journey, answers: Mapping) -> Voice:
    """Who the questions are said to: the person, or someone asking for them (then by the person's first
    name once the journey's name step has it)."""
    other = bool(journey.other_voice and holds(journey.other_voice, journey, answers))
    name = None
    if other and journey.name_step:
        given = answers.get(journey.steps[journey.name_step].key)
        name = given.split()[0] if isinstance(given, str) and given.split() else None
    return Voice(other, name)


def words(texts: tuple | None, journey: Journey, answers: Mapping) -> str | None:
    """A question, hint or label in the voice these answers call for."""
    return voice(journey, answers).pick(texts)
