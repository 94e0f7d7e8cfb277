"""A Babel extractor for checklist definitions: every string, with its checklist-id/step-id as context."""
import yaml


def extract_checklists(fileobj, keywords, comment_tags, options):
    raw = yaml.safe_load(fileobj.read().decode("utf-8"))
    yield 1, "pgettext", (raw["id"], raw["title"]), []
    yield 1, "pgettext", (raw["id"], raw["summary"]), []
    for step in raw["steps"]:
        context = f"{raw['id']}/{step['id']}"
        texts = [step["question"], step.get("hint"), step.get("next-step")]
        says = step.get("says")
        texts += list(says.values()) if isinstance(says, dict) else [says]
        for option in step.get("options", []):
            texts += [option.get("label"), option["says"]]
        for text in filter(None, texts):
            yield 1, "pgettext", (context, text), []
