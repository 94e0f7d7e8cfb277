#!/usr/bin/env python3
"""Copy Atkinson Hyperlegible Next (regular and bold, latin and latin-ext woff2)
from the pinned fontsource npm package into app/static/fonts/, with its OFL
licence, and print the matching @font-face rules (they live in app/static/css/site.css).

Usage: python scripts/fetch_fonts.py [--tarball PATH]

Needs npm unless --tarball points at an already downloaded `npm pack` file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import tempfile
from pathlib import Path

from npm_package import npm_pack

PACKAGE = "@fontsource/atkinson-hyperlegible-next"
VERSION = "5.3.0"
FAMILY = "Atkinson Hyperlegible Next"
WEIGHTS = (400, 700)
# latin-ext first, as fontsource orders them: where the ranges overlap the
# later rule wins, so the smaller latin file is used for those characters.
SUBSETS = ("latin-ext", "latin")
WELSH_EXTRA = {"ŵ": 0x0175, "ŷ": 0x0177, "Ŵ": 0x0174, "Ŷ": 0x0176, "ẁ": 0x1E81, "ỳ": 0x1EF3}

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "app" / "static" / "fonts"


def source_name(subset: str, weight: int) -> str:
    return f"files/atkinson-hyperlegible-next-{subset}-{weight}-normal.woff2"


def target_name(subset: str, weight: int) -> str:
    return f"atkinson-next-{weight}-{subset}.woff2"


def read_package(tarball: Path) -> dict[str, bytes]:
    wanted = {"package.json", "LICENSE", "unicode.json"}
    wanted |= {source_name(s, w) for s in SUBSETS for w in WEIGHTS}
    found: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            name = member.name.split("/", 1)[-1]
            if member.isfile() and name in wanted:
                found[name] = tar.extractfile(member).read()
    missing = sorted(wanted - set(found))
    if missing:
        sys.exit(f"{tarball.name}: missing {', '.join(missing)}")
    return found


def in_range(codepoint: int, unicode_range: str) -> bool:
    for part in unicode_range.split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        if int(start, 16) <= codepoint <= int(end or start, 16):
            return True
    return False


def font_face_css(ranges: dict[str, str]) -> str:
    rules = [f"/* {FAMILY}, from {PACKAGE} {VERSION} (SIL Open Font License 1.1, see OFL.txt) */"]
    for weight in WEIGHTS:
        for subset in SUBSETS:
            rules.append(
                "@font-face {\n"
                f'  font-family: "{FAMILY}";\n'
                "  font-style: normal;\n"
                f"  font-weight: {weight};\n"
                "  font-display: swap;\n"
                f'  src: url("../fonts/{target_name(subset, weight)}") format("woff2");\n'
                f"  unicode-range: {ranges[subset]};\n"
                "}"
            )
    return "\n\n".join(rules) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="use this `npm pack` file instead of fetching")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        files = read_package(args.tarball or npm_pack(f"{PACKAGE}@{VERSION}", Path(tmp)))

    version = json.loads(files["package.json"])["version"]
    if version != VERSION:
        sys.exit(f"package is {version}, expected {VERSION}")
    ranges = json.loads(files["unicode.json"])
    for char, codepoint in WELSH_EXTRA.items():
        if not in_range(codepoint, ranges["latin-ext"]):
            sys.exit(f"latin-ext unicode-range does not cover {char} (U+{codepoint:04X})")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    total = 0
    for weight in WEIGHTS:
        for subset in SUBSETS:
            data = files[source_name(subset, weight)]
            (OUT_DIR / target_name(subset, weight)).write_bytes(data)
            total += len(data)
            print(f"{target_name(subset, weight):36} {len(data):6} bytes")
    (OUT_DIR / "OFL.txt").write_bytes(files["LICENSE"])
    print(f"{'total (4 woff2 files)':36} {total:6} bytes")
    print(f"{PACKAGE} {version}: OFL.txt written. The @font-face rules for site.css:\n")
    print(font_face_css(ranges))


if __name__ == "__main__":
    main()
