"""Welsh initial mutations, for search: "waith", "gwaith" and "ngwaith" are one word.

A Welsh word changes its first letters after some words ("fy nghymorth", "ei waith", "a chymorth").
A search in Welsh looks for every form of each word typed: the forms it could have come from (its
radical) and every mutation of those. So the stored words need no change, and a search finds a
service whichever form either side uses.
"""

from app.pathways.text import SHORTEST

# radical -> (soft, nasal, aspirate); "" is the soft mutation of g (it drops), None where there is none
MUTATIONS: dict[str, tuple[str | None, str | None, str | None]] = {
    "c": ("g", "ngh", "ch"),
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "g": ("", "ng", None),
    "b": ("f", "m", None),
    "d": ("dd", "n", None),
    "ll": ("l", None, None),
    "m": ("f", None, None),
    "rh": ("r", None, None),
}
# mutated start -> the radical starts it can come from, longest first so "ngh" is read before "ng"
_RADICALS: dict[str, set[str]] = {}
for _radical, _forms in MUTATIONS.items():
    for _form in _forms:
        if _form:
            _RADICALS.setdefault(_form, set()).add(_radical)
_STARTS = sorted(_RADICALS, key=len, reverse=True)
# after the soft mutation of g, a word starts with what followed the g: a vowel, w, r or l
_AFTER_LOST_G = tuple("aeiouwyrl")
# letters that start a radical and are never a mutation, though a shorter start matches them (ll, not l)
_NEVER_MUTATED = ("ll", "rh", "ff")
# starts that never mutate further, though a shorter start matches them (ch, not c)
_NEVER_MUTATING = ("ch", "ph", "th", "dd", "ng", "mh", "nh", "ff")
MIN_LETTERS = 3  # shorter words have too many forms that start too many other words


def radicals(word: str) -> set[str]:
    """The word as it is, and every word it could be a mutation of."""
    found = {word}
    if word.startswith(_NEVER_MUTATED):
        return found
    for start in _STARTS:
        if word.startswith(start):
            found |= {radical + word[len(start) :] for radical in _RADICALS[start]}
            break
    if word.startswith(_AFTER_LOST_G):
        found.add("g" + word)
    return found


def mutated(radical: str) -> set[str]:
    """The radical and its soft, nasal and aspirate mutations."""
    found = {radical}
    if radical.startswith(_NEVER_MUTATING):
        return found
    for start in sorted(MUTATIONS, key=len, reverse=True):
        if radical.startswith(start):
            found |= {form + radical[len(start) :] for form in MUTATIONS[start] if form is not None}
            break
    return found


def welsh_forms(word: str) -> tuple[str, ...]:
    """Every form to look for when a person types this word in Welsh, the word itself first."""
    if len(word) < MIN_LETTERS:
        return (word,)
    forms = {form for radical in radicals(word) for form in mutated(radical)}
    return (word, *sorted(form for form in forms - {word} if len(form) >= SHORTEST))
