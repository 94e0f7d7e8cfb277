"""Fill Welsh strings from a JSON file of {msgid: msgstr} into translations/cy (keeps everything else)."""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "translations" / "cy" / "LC_MESSAGES" / "messages.po"


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        strings = json.load(handle)
    with open(PO, "rb") as handle:
        catalogue = read_po(handle)
    filled = 0
    for msgid, msgstr in strings.items():
        message = catalogue.get(msgid)
        if message is None:
            sys.exit(f"not in the catalogue: {msgid!r}")
        message.string = msgstr
        message.flags.discard("fuzzy")
        filled += 1
    with open(PO, "wb") as handle:
        write_po(handle, catalogue, width=76)
    missing = [m.id for m in catalogue if m.id and not m.string]
    print(f"{filled} filled; {len(missing)} still empty")


if __name__ == "__main__":
    main(sys.argv[1])
