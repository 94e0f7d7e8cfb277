"""What is wrong with an import file: every problem, with the record and field it is in."""

from dataclasses import dataclass

MAX_MESSAGE = 200  # characters: a schema message can quote a whole (huge) value


@dataclass(frozen=True, order=True)
class Problem:
    record: str  # the service id, or "#3" (the third record) when it has no usable id
    field: str  # where in the record, like "contacts[0].email"; "" for the record as a whole
    message: str

    def __str__(self) -> str:
        where = f"record {self.record}" + (f", {self.field}" if self.field else "")
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def shorten(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def field_path(parts) -> str:
    """["contacts", 0, "email"] -> "contacts[0].email"."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
