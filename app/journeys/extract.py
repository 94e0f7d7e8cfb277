"""A Babel extractor for journey definitions: every string, with "journey-id/step-id" as its context."""

import yaml


def _texts(value) -> list:
    """Every string in a text, a voiced text, or a readiness step's sentence for each answer."""
    if isinstance(value, dict):
        return [text for inner in value.values() for text in _texts(inner)]
    return [value]


def extract_journeys(fileobj, keywords, comment_tags, options):
    raw = yaml.safe_load(fileobj.read().decode("utf-8"))
    for text in filter(None, (raw.get("title"), raw.get("summary"))):
        yield 1, "pgettext", (raw["id"], text), []
    for step in raw["steps"]:
        context = f"{raw['id']}/{step['id']}"
        texts = _texts(step["question"]) + _texts(step.get("hint")) + _texts(step.get("says"))
        texts += [*_texts(step.get("next-step")), step.get("required"), *_texts(step.get("check-label"))]
        for option in step.get("options", []):
            texts += [*_texts(option.get("label")), *_texts(option.get("says"))]
        for line in step.get("lines", []):
            texts += _texts(line.get("text"))
        for text in filter(None, texts):
            yield 1, "pgettext", (context, text), []
