#!/usr/bin/env python3
"""Make the site's fonts from the pinned fontsource npm package of Atkinson Hyperlegible Next (regular and
bold), with its OFL licence, and print the matching @font-face rules (they live in app/static/css/site.css).

For each weight it writes one file every English and Welsh page uses: the package's latin file with the
Welsh letters (ŵ ŷ ẁ ẃ ẅ ỳ and their capitals) taken from its latin-ext file, less the figure styles the
site never asks for (fractions, tabular and proportional figures), so a Welsh page needs no second file
(decision 0029). The latin-ext file is also copied unchanged, for rarer letters (a name someone types).
The OFL allows subsetting and merging; the fonts keep their names and OFL.txt stays beside them.

Usage: python scripts/fetch_fonts.py [--tarball PATH]

Needs npm unless --tarball points at an already downloaded `npm pack` file, and fontTools with brotli
(`pip install "fonttools[woff]"`, only for this script: the site itself serves the files it writes).
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
# later rule wins, so the site's own file (latin with the Welsh letters) is used for those characters.
SUBSETS = ("latin-ext", "latin")
WELSH_EXTRA = {
    "Ŵ": 0x0174, "ŵ": 0x0175, "Ŷ": 0x0176, "ŷ": 0x0177,
    "Ẁ": 0x1E80, "ẁ": 0x1E81, "Ẃ": 0x1E82, "ẃ": 0x1E83, "Ẅ": 0x1E84, "ẅ": 0x1E85, "Ỳ": 0x1EF2, "ỳ": 0x1EF3,
}  # fmt: skip
# The OpenType features a browser applies by itself; the package's others (frac, pnum, tnum) are never
# asked for by site.css, so their glyphs are left out.
FEATURES = ["ccmp", "locl", "kern", "mark", "mkmk"]

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "app" / "static" / "fonts"


def source_name(subset: str, weight: int) -> str:
    return f"files/atkinson-hyperlegible-next-{subset}-{weight}-normal.woff2"


def target_name(subset: str, weight: int) -> str:
    """latin becomes the site's own English and Welsh file; latin-ext is copied as it is."""
    return f"atkinson-next-{weight}.woff2" if subset == "latin" else f"atkinson-next-{weight}-{subset}.woff2"


def english_and_welsh(latin: bytes, latin_ext: bytes) -> bytes:
    """One woff2: the latin file's characters and the Welsh letters from latin-ext, with FEATURES only."""
    import io

    from fontTools import subset
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    def keep(font, unicodes, features) -> None:
        options = subset.Options()
        options.layout_features = features
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = True
        options.glyph_names = True  # the merge matches glyphs by name
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)

    def as_ttf(font) -> io.BytesIO:
        font.recalcTimestamp = False
        font.flavor = None
        data = io.BytesIO()
        font.save(data)
        data.seek(0)
        return data

    base = TTFont(io.BytesIO(latin))
    characters = set(base.getBestCmap()) | set(WELSH_EXTRA.values())
    welsh = TTFont(io.BytesIO(latin_ext))
    keep(welsh, WELSH_EXTRA.values(), ["*"])
    merged = TTFont(as_ttf(Merger().merge([as_ttf(base), as_ttf(welsh)])), recalcTimestamp=False)
    keep(merged, characters, FEATURES)
    missing = characters - set(merged.getBestCmap())
    if missing:
        sys.exit("the merged font lacks " + ", ".join(f"U+{c:04X}" for c in sorted(missing)))
    merged["post"].formatType = 3.0  # no glyph names in the file served
    merged["head"].created = base["head"].created  # the merge stamps the time: the same package makes the same bytes
    merged["head"].modified = base["head"].modified
    merged.recalcTimestamp = False
    merged.flavor = "woff2"
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def site_range(latin_range: str) -> str:
    """The unicode-range of the site's own file: latin's, with the Welsh letters (WELSH_EXTRA)."""
    assert sorted(WELSH_EXTRA.values()) == [*range(0x0174, 0x0178), *range(0x1E80, 0x1E86), 0x1EF2, 0x1EF3]
    return f"{latin_range},U+0174-0177,U+1E80-1E85,U+1EF2-1EF3"


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
                f"  unicode-range: {site_range(ranges[subset]) if subset == 'latin' else ranges[subset]};\n"
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
            if subset == "latin":
                data = english_and_welsh(data, files[source_name("latin-ext", weight)])
            (OUT_DIR / target_name(subset, weight)).write_bytes(data)
            total += len(data)
            print(f"{target_name(subset, weight):36} {len(data):6} bytes")
    (OUT_DIR / "OFL.txt").write_bytes(files["LICENSE"])
    print(f"{'total (4 woff2 files)':36} {total:6} bytes")
    print(f"{PACKAGE} {version}: OFL.txt written. The @font-face rules for site.css:\n")
    print(font_face_css(ranges))


if __name__ == "__main__":
    main()
