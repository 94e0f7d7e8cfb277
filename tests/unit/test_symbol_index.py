"""The symbol index (easyread_assets/symbols.json) and the files it points at."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INDEX_PATH = ROOT / "easyread_assets" / "symbols.json"
SYMBOLS_DIR = ROOT / "easyread_assets" / "symbols"
EXTRA_FILES = {"LICENSE.txt", "LICENSE-mulberry.txt", "ATTRIBUTION.md"}
ATTRIBUTION_LINE = "All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0"
MULBERRY_LINE = "Mulberry Symbols by Steve Lee, CC BY-SA 4.0, mulberrysymbols.org"
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SVG_TAG = "{http://www.w3.org/2000/svg}svg"

REQUIRED = """
home help listen stop back next save print share phone email letter warning done search
settings language information question error yes no not-sure with-help not-yet i-dont-know
skip work money time calendar clock hours travel bus train walk bike car person
young-person family carer school college council staff team organisation hospital office
shop cafe computer animals cooking food gardening outdoors building making-things caring
cleaning driving delivery art music sport it volunteering social-enterprise
supported-employment independent-employment ladder step job-coach supported-internship
project-search apprenticeship travel-training benefits-advice better-off-check work-trial
work-experience cv bank-account interview quiet people helping routine variety happy sad
worried calm thinking good-at hard health wheelchair sign-language interpreter easy-read
audio play text-size contrast font line-spacing glossary dictionary accessibility privacy
credits licence lock consent referral ask-for-help checklist plan dreams all-about-me
getting-ready star heart location map area age calendar-date link cookie data delete
download camera clipboard pencil write speak hear see ehcp review meeting certificate
qualification self-employment own-business paid unpaid part-time full-time benefits
universal-credit access-to-work mental-health autism learning-disability safe rules free
age-14 age-16 age-19
""".split()


@pytest.fixture(scope="module")
def index():
    return json.loads(INDEX_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def concepts(index):
    return index["concepts"]


def test_sources_are_pinned(index):
    assert index["sources"] == {
        "openmoji": {"package": "openmoji", "version": "17.0.0", "registry": "npm", "style": "color"},
        "mulberry": {"repository": "mulberrysymbols/mulberry-symbols", "commit": "9cbab9f", "folder": "EN"},
    }


def test_enough_concepts(concepts):
    assert len(concepts) >= 140


def test_required_ids_are_concepts(concepts):
    assert len(set(REQUIRED)) == len(REQUIRED)
    missing = sorted(set(REQUIRED) - set(concepts))
    assert not missing, f"missing concepts: {missing}"


def test_concept_shape(concepts):
    for cid, concept in concepts.items():
        assert concept["set"] in {"mulberry", "openmoji"}, cid
        assert isinstance(concept["aliases"], list), cid
        assert isinstance(concept["shows"], str) and concept["shows"].strip(), cid
        assert isinstance(concept.get("note", "-"), str) and concept.get("note", "-").strip(), cid
        if concept["set"] == "openmoji":
            assert set(concept) <= {"set", "openmoji", "file", "aliases", "shows", "note"}, cid
            assert concept["file"] == f"{concept['openmoji']}.svg", cid
        else:
            assert set(concept) <= {"set", "source", "mulberry-id", "rated", "mark", "file", "aliases", "shows", "note"}
            assert concept["source"].endswith(".svg"), cid
            assert isinstance(concept["mulberry-id"], int), cid
            mark = concept.get("mark")
            assert mark in {None, "no"}, cid
            stem = re.sub(r"[^a-z0-9]+", "-", concept["source"][:-4].lower()).strip("-")
            assert concept["file"] == f"mulberry-{stem}{'-' + mark if mark else ''}.svg", cid


def test_no_shipped_mulberry_symbol_is_rated(concepts):
    """The rating is copied from Mulberry's symbol-info.csv by the curation script, which refuses rated symbols."""
    rated = {cid: c["rated"] for cid, c in concepts.items() if c["set"] == "mulberry" and c["rated"] != 0}
    assert rated == {}


def test_concepts_are_mostly_mulberry_and_interface_icons_openmoji(concepts):
    sets = {cid: c["set"] for cid, c in concepts.items()}
    for cid in ("help", "with-help", "caring", "money", "part-time", "person", "work", "happy", "school"):
        assert sets[cid] == "mulberry", cid
    for cid in ("play", "stop", "settings", "language", "back", "next", "listen"):
        assert sets[cid] == "openmoji", cid


def test_ids_and_aliases_are_kebab_case_and_unique(concepts):
    names = list(concepts)
    for concept in concepts.values():
        names.extend(concept["aliases"])
    bad = [name for name in names if not KEBAB.match(name)]
    assert not bad, f"not kebab-case: {bad}"
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert not repeated, f"used more than once: {repeated}"


def test_referenced_files_are_valid_svg(concepts):
    for name in sorted({c["file"] for c in concepts.values()}):
        path = SYMBOLS_DIR / name
        assert path.is_file(), f"{name} is missing"
        root = ET.parse(path).getroot()
        assert root.tag == SVG_TAG, name
        assert root.get("viewBox"), f"{name} has no viewBox"


def test_no_unreferenced_files(concepts):
    referenced = {c["file"] for c in concepts.values()}
    present = {p.name for p in SYMBOLS_DIR.iterdir()}
    assert present - referenced - EXTRA_FILES == set()


def test_licence_and_attribution(index):
    licence = (SYMBOLS_DIR / "LICENSE.txt").read_text(encoding="utf-8")
    assert licence.startswith("Attribution-ShareAlike 4.0 International")
    assert "Creative Commons" in licence
    mulberry = (SYMBOLS_DIR / "LICENSE-mulberry.txt").read_text(encoding="utf-8")
    assert "Copyright 2018-2026 Steve Lee" in mulberry
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in mulberry
    attribution = (SYMBOLS_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert ATTRIBUTION_LINE in attribution.splitlines()
    assert MULBERRY_LINE in attribution.splitlines()
    assert index["sources"]["openmoji"]["version"] in attribution
    assert index["sources"]["mulberry"]["commit"] in attribution


def test_pictures_that_once_misled_readers_are_replaced(concepts):
    """Each pairing was reported wrong: a wheelchair for "with help", a moon for "part time", a banknote for free."""
    old = {
        "with-help": "E083.svg",  # a person pushing a wheelchair
        "helping": "E083.svg",
        "caring": "E083.svg",
        "carer": "E083.svg",
        "part-time": "1F313.svg",  # a half moon
        "full-time": "1F315.svg",  # a full moon
        "unpaid": "0030-FE0F-20E3.svg",  # a "0" key
        "consent": "1F44D.svg",  # thumbs up, before the person chooses
        "supported-employment": "1F9D1-200D-1F91D-200D-1F9D1.svg",  # two people holding hands, for work with support
    }
    for cid, file in old.items():
        assert concepts[cid]["file"] != file, cid
    assert concepts["free"]["mark"] == "no" and concepts["free"]["source"] == "money.svg"
    assert concepts["unpaid"]["mark"] == "no"


def test_age_bands_show_ages_not_a_graduation_cap():
    from app.vocab import AGE_BANDS

    assert {band: term.symbol for band, term in AGE_BANDS.items()} == {
        "14-15": "age-14",
        "16-18": "age-16",
        "19-25": "age-19",
        "26-plus": "person",
    }


def test_rounded_path_points_do_not_drift_along_a_long_path():
    from scripts.svg_paths import round_path

    steps = "l.4 .4" * 100
    rounded = round_path("m10.2 10.2" + steps + "z")
    x = y = 0
    for dx, dy in re.findall(r"(-?\d+) ?(-?\d+)", rounded.split("l", 1)[1].rstrip("z")):
        x, y = x + int(dx), y + int(dy)
    assert rounded.startswith("m10 10l")
    assert (x, y) == (40, 40)  # 100 steps of 0.4, not 100 steps rounded to 0


def test_rounded_arcs_keep_their_flags():
    from scripts.svg_paths import round_path

    assert round_path("M10.4 10.6a5.26 5.26 0 015.5 5.5") == "M10 11a5.3 5.3 0 0 1 6 5"
