"""The Mulberry Symbols part of the symbol curation: read the chosen drawings out of a copy of the
mulberrysymbols/mulberry-symbols repository and check each against its rating.

Called by curate_symbols.py; reads nothing else and writes nothing itself.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ATTRIBUTION_LINE = "Mulberry Symbols by Steve Lee, CC BY-SA 4.0, mulberrysymbols.org"
# A red circle with a line through it, drawn over a picture: "no" or "none" (for example no money).
MARKS = {
    "no": '<g fill="none" stroke="#c8102e" stroke-width="44" stroke-linecap="round">'
    '<circle cx="425" cy="425" r="380"/><path d="M156 156l538 538"/></g>'
}


def shipped_name(source: str, mark: str | None) -> str:
    """The file name on the site: kebab-case (no commas in addresses), marked drawings apart."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(source).stem.lower()).strip("-")
    return f"mulberry-{stem}{'-' + mark if mark else ''}.svg"


def check_entry(cid: str, concept: dict) -> list[str]:
    """Problems with one Mulberry entry of the index."""
    problems = []
    if not concept.get("source", "").endswith(".svg"):
        problems.append(f"{cid}: source must name a Mulberry .svg file")
        return problems
    mark = concept.get("mark")
    if mark is not None and mark not in MARKS:
        problems.append(f"{cid}: unknown mark {mark!r}")
    if concept["file"] != shipped_name(concept["source"], mark):
        problems.append(f"{cid}: file should be {shipped_name(concept['source'], mark)}")
    if concept.get("rated") != 0:
        problems.append(f"{cid}: only symbols rated 0 may be shipped")
    return problems


def _info_file(folder: Path) -> Path:
    for candidate in (folder / "symbol-info.csv", folder / "scripts" / "data" / "symbol-info.csv"):
        if candidate.is_file():
            return candidate
    sys.exit(f"{folder}: no symbol-info.csv")


def read_mulberry(folder: Path, concepts: dict[str, dict]) -> tuple[dict[str, bytes], bytes]:
    """Return ({source file name: svg bytes}, licence text) for the Mulberry entries.

    Stops when a file is missing, or when its id or rating in symbol-info.csv differs from the index
    (the index keeps the rating so the tests can check it without this folder).
    """
    rows = {}
    with _info_file(folder).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["symbol-en"] + ".svg"] = row
    problems, svgs = [], {}
    for cid, concept in concepts.items():
        source = concept["source"]
        row = rows.get(source)
        path = folder / "EN" / source
        if row is None or not path.is_file():
            problems.append(f"{cid}: {source} is not in {folder}")
            continue
        if int(row["rated"]) > 0:
            problems.append(f"{cid}: {source} is rated {row['rated']}; never ship it")
        if int(row["symbol-id"]) != concept.get("mulberry-id") or int(row["rated"]) != concept.get("rated"):
            problems.append(f"{cid}: mulberry-id and rated must be {row['symbol-id']} and {row['rated']}")
        svgs[source] = path.read_bytes()
    licence_path = folder / "LICENSE.txt"
    if not licence_path.is_file():
        problems.append(f"{folder}: no LICENSE.txt")
    if problems:
        sys.exit("mulberry:\n  " + "\n  ".join(problems))
    licence = licence_path.read_bytes()
    if b"Steve Lee" not in licence or b"creativecommons.org/licenses/by-sa/4.0" not in licence:
        sys.exit("mulberry LICENSE.txt is not the CC BY-SA 4.0 notice by Steve Lee")
    return svgs, licence


def add_mark(svg: bytes, mark: str | None) -> bytes:
    """The drawing with its mark (if any) drawn on top, just before the closing tag."""
    if mark is None:
        return svg
    text = svg.decode("utf-8").rstrip()
    if not text.endswith("</svg>"):
        raise ValueError("an svg must end with </svg>")
    return (text[: -len("</svg>")] + MARKS[mark] + "</svg>\n").encode("utf-8")
