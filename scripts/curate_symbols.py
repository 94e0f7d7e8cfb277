#!/usr/bin/env python3
"""Copy the symbols named in easyread_assets/symbols.json into easyread_assets/symbols/, lightly
minified, with each set's licence text and attribution: the Mulberry Symbols (the main set, for
concepts) from a copy of their repository, and OpenMoji (interface icons) from its pinned npm package.

Usage: python scripts/curate_symbols.py [--tarball PATH] [--mulberry FOLDER]

Needs npm unless --tarball points at an already downloaded `npm pack` file. --mulberry is a copy of
mulberrysymbols/mulberry-symbols at the commit the index names (default: $MULBERRY_SYMBOLS, else
/work/shared/symbols/mulberry). Running it again with the same index changes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from curate_mulberry import ATTRIBUTION_LINE as MULBERRY_LINE
from curate_mulberry import add_mark, check_entry, read_mulberry
from npm_package import npm_pack
from svg_paths import round_numbers, round_path

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "easyread_assets" / "symbols.json"
OUT_DIR = ROOT / "easyread_assets" / "symbols"
KEEP = {"LICENSE.txt", "LICENSE-mulberry.txt", "ATTRIBUTION.md"}
DEFAULT_MULBERRY = Path(os.environ.get("MULBERRY_SYMBOLS", "/work/shared/symbols/mulberry"))
SETS = ("mulberry", "openmoji")
MULBERRY_BOX = 850  # the marks are drawn for a square this size, as most Mulberry drawings are

SVG_NS = "http://www.w3.org/2000/svg"
ATTRIBUTION_LINE = "All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0"
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEXCODE = re.compile(r"^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$")
DROP_TAGS = {"metadata", "title", "desc"}


def load_index() -> dict:
    index = json.loads(INDEX.read_text(encoding="utf-8"))
    source = index["sources"]["openmoji"]
    if source.get("package") != "openmoji" or source.get("registry") != "npm":
        sys.exit("symbols.json: source must be the openmoji package from npm")
    if source.get("style") != "color":
        sys.exit("symbols.json: only the color style is supported")
    seen: set[str] = set(index["concepts"])
    problems = []
    for cid, concept in index["concepts"].items():
        if not KEBAB.match(cid):
            problems.append(f"{cid}: id is not kebab-case")
        if concept.get("set") not in SETS:
            problems.append(f"{cid}: set must be one of {SETS}")
            continue
        if not str(concept.get("shows", "")).strip():
            problems.append(f"{cid}: says nothing about what the picture shows")
        if concept["set"] == "mulberry":
            problems += check_entry(cid, concept)
        else:
            hexcode = concept["openmoji"]
            if not HEXCODE.match(hexcode):
                problems.append(f"{cid}: bad hexcode {hexcode!r}")
            if concept["file"] != f"{hexcode}.svg":
                problems.append(f"{cid}: file should be {hexcode}.svg")
        for alias in concept.get("aliases", []):
            if not KEBAB.match(alias):
                problems.append(f"{cid}: alias {alias!r} is not kebab-case")
            elif alias in seen:
                problems.append(f"{cid}: alias {alias!r} is already used")
            seen.add(alias)
    if problems:
        sys.exit("symbols.json:\n  " + "\n  ".join(problems))
    return index


def read_package(tarball: Path, wanted_svgs: set[str]) -> tuple[dict, dict[str, bytes], bytes]:
    """Return (package.json, {file name: svg bytes}, licence text) from the tarball."""
    svgs: dict[str, bytes] = {}
    meta = licence = data = None
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            name = member.name.split("/", 1)[1] if "/" in member.name else member.name
            if name == "package.json":
                meta = json.load(tar.extractfile(member))
            elif name == "LICENSE.txt":
                licence = tar.extractfile(member).read()
            elif name == "data/openmoji.json":
                data = json.load(tar.extractfile(member))
            elif name.startswith("color/svg/") and name[len("color/svg/") :] in wanted_svgs:
                svgs[name[len("color/svg/") :]] = tar.extractfile(member).read()
    if meta is None or licence is None or data is None:
        sys.exit(f"{tarball.name}: not the expected openmoji package layout")
    known = {entry["hexcode"] for entry in data}
    return {"meta": meta, "hexcodes": known}, svgs, licence


ROUNDED = {"cx", "cy", "r", "x", "y", "x1", "y1", "x2", "y2", "width", "height"}


def minify_svg(raw: bytes, round_coordinates: bool = False) -> bytes:
    """Drop comments, metadata, unreferenced ids and layout whitespace.

    Ids go because several symbols inlined in one page would otherwise repeat
    the same ids ("emoji", "color", "line"), which is invalid HTML. With round_coordinates
    (drawings in a large box), path points go to whole units and other lengths to one decimal.
    """
    text = raw.decode("utf-8")
    referenced = set(re.findall(r"url\(#([^)]+)\)", text))
    referenced |= set(re.findall(r'href="#([^"]+)"', text))
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(text)
    if root.tag != f"{{{SVG_NS}}}svg" or "viewBox" not in root.attrib:
        raise ValueError("not an svg with a viewBox")

    def clean(elem: ET.Element) -> None:
        for child in list(elem):
            local = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            foreign = isinstance(child.tag, str) and not child.tag.startswith(f"{{{SVG_NS}}}")
            if local in DROP_TAGS or foreign:
                elem.remove(child)
                continue
            clean(child)
        for key in list(elem.attrib):
            value = elem.attrib[key]
            if key == "id" and value not in referenced:
                del elem.attrib[key]
            elif "}" in key and not key.startswith("{http://www.w3.org/1999/xlink}"):
                del elem.attrib[key]
            elif key == "version":
                del elem.attrib[key]
            elif round_coordinates and key == "d":
                elem.attrib[key] = round_path(value)
            elif round_coordinates and key == "points":
                elem.attrib[key] = round_numbers(value)
            elif round_coordinates and key in ROUNDED and re.fullmatch(r"-?[\d.]+", value.strip()):
                elem.attrib[key] = round_numbers(value, whole=False)
            else:
                elem.attrib[key] = " ".join(value.split())
        if elem.text is not None and not elem.text.strip():
            elem.text = None
        if elem.tail is not None and not elem.tail.strip():
            elem.tail = None

    clean(root)
    # ElementTree escapes ">" inside attribute values, so " />" only ever closes a tag.
    out = ET.tostring(root, encoding="unicode").replace(" />", "/>")
    return out.encode("utf-8") + b"\n"


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def attribution_text(index: dict, counts: dict[str, int]) -> str:
    mulberry = index["sources"]["mulberry"]
    version = index["sources"]["openmoji"]["version"]
    return (
        "# Symbols\n"
        "\n"
        "## Mulberry Symbols (the main set)\n"
        "\n"
        f"{MULBERRY_LINE}\n"
        "\n"
        f"Source: {mulberry['repository']} at commit {mulberry['commit']} (folder `{mulberry['folder']}`), "
        "https://mulberrysymbols.org/\n"
        "\n"
        "Licence: LICENSE-mulberry.txt in this folder (Creative Commons Attribution-ShareAlike 4.0 "
        "International, Copyright Steve Lee).\n"
        "\n"
        f"Changed files: the {counts['mulberry']} files named mulberry-*.svg. Each was lightly minified "
        "(metadata, ids and extra whitespace removed, points rounded to whole units of the 850-unit "
        "drawing); files ending -no.svg also have a red circle and line drawn over the picture. "
        "They stay under CC BY-SA 4.0.\n"
        "\n"
        "## OpenMoji (interface icons)\n"
        "\n"
        f"{ATTRIBUTION_LINE}\n"
        "\n"
        f"Source: OpenMoji {version} (npm package `openmoji`, colour SVGs), https://openmoji.org/\n"
        "\n"
        "Licence text: LICENSE.txt in this folder (Creative Commons Attribution-ShareAlike 4.0 "
        "International).\n"
        "\n"
        f"Changed files: the other {counts['openmoji']} SVG files here were lightly minified only (comments, "
        "metadata, id attributes and extra whitespace removed). The drawings are unchanged "
        "and stay under CC BY-SA 4.0.\n"
        "\n"
        "Which symbol stands for which idea, and what each picture shows, is kept in ../symbols.json.\n"
    )


def openmoji_files(concepts: dict[str, dict], version: str, tarball: Path | None) -> tuple[dict[str, bytes], bytes]:
    """{shipped file name: minified svg} for the OpenMoji concepts, and the package's licence."""
    wanted = {c["file"] for c in concepts.values()}
    with tempfile.TemporaryDirectory() as tmp:
        tarball = tarball or npm_pack(f"openmoji@{version}", Path(tmp))
        package, svgs, licence = read_package(tarball, wanted)
    if package["meta"].get("version") != version:
        sys.exit(f"package is openmoji {package['meta'].get('version')}, index wants {version}")
    missing = sorted(
        f"{cid}: {c['openmoji']}"
        for cid, c in concepts.items()
        if c["openmoji"] not in package["hexcodes"] or c["file"] not in svgs
    )
    if missing:
        sys.exit("not in openmoji " + version + ":\n  " + "\n  ".join(missing))
    if not licence.startswith(b"Attribution-ShareAlike 4.0 International"):
        sys.exit("LICENSE.txt in the package is not the CC BY-SA 4.0 legal code")
    return {name: minify_svg(svgs[name]) for name in sorted(wanted)}, licence


def mulberry_files(concepts: dict[str, dict], folder: Path) -> tuple[dict[str, bytes], bytes]:
    """{shipped file name: minified (and marked) svg} for the Mulberry concepts, and their licence."""
    svgs, licence = read_mulberry(folder, concepts)
    out = {}
    for cid, concept in sorted(concepts.items()):
        data = minify_svg(svgs[concept["source"]], round_coordinates=True)
        if concept.get("mark"):
            box = [float(n) for n in ET.fromstring(data).get("viewBox", "").split()]
            if len(box) != 4 or box[:2] != [0, 0] or not all(abs(n - MULBERRY_BOX) <= 5 for n in box[2:]):
                sys.exit(f"{cid}: a mark needs a viewBox of about 0 0 {MULBERRY_BOX} {MULBERRY_BOX}")
            data = add_mark(data, concept["mark"])
        out[concept["file"]] = data
    return out, licence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="use this `npm pack` file instead of fetching")
    parser.add_argument("--mulberry", type=Path, default=DEFAULT_MULBERRY, help="a copy of mulberry-symbols")
    args = parser.parse_args()

    index = load_index()
    version = index["sources"]["openmoji"]["version"]
    concepts = index["concepts"]
    by_set = {name: {cid: c for cid, c in concepts.items() if c["set"] == name} for name in SETS}
    files, openmoji_licence = openmoji_files(by_set["openmoji"], version, args.tarball)
    mulberry, mulberry_licence = mulberry_files(by_set["mulberry"], args.mulberry)
    clash = set(files) & set(mulberry)
    if clash:
        sys.exit(f"the same file name in both sets: {sorted(clash)}")
    files.update(mulberry)

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    for name, data in sorted(files.items()):
        if write_if_changed(OUT_DIR / name, data):
            written += 1
        else:
            unchanged += 1
    for path in sorted(OUT_DIR.iterdir()):
        if path.name not in files and path.name not in KEEP:
            path.unlink()
            removed += 1
    write_if_changed(OUT_DIR / "LICENSE.txt", openmoji_licence)
    write_if_changed(OUT_DIR / "LICENSE-mulberry.txt", mulberry_licence)
    counts = {name: len({c["file"] for c in by_set[name].values()}) for name in SETS}
    write_if_changed(OUT_DIR / "ATTRIBUTION.md", attribution_text(index, counts).encode("utf-8"))

    aliases = sum(len(c.get("aliases", [])) for c in concepts.values())
    print(f"{len(concepts)} concepts, {aliases} aliases, {len(files)} files")
    for name in SETS:
        size = sum(len(files[c["file"]]) for c in {c["file"]: c for c in by_set[name].values()}.values())
        print(f"  {name}: {len(by_set[name])} concepts, {counts[name]} files, {size} bytes")
    print(f"svg files: {written} written, {unchanged} unchanged, {removed} removed")


if __name__ == "__main__":
    main()
