"""The symbol index (easyread_assets/symbols.json) and the files it points at."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INDEX_PATH = ROOT / "easyread_assets" / "symbols.json"
SYMBOLS_DIR = ROOT / "easyread_assets" / "symbols"
EXTRA_FILES = {"LICENSE.txt", "ATTRIBUTION.md"}
ATTRIBUTION_LINE = "All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0"
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
universal-credit access-to-work mental-health autism learning-disability safe rules
""".split()


@pytest.fixture(scope="module")
def index():
    return json.loads(INDEX_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def concepts(index):
    return index["concepts"]


def test_source_is_pinned(index):
    assert index["source"] == {"package": "openmoji", "version": "17.0.0", "registry": "npm", "style": "color"}


def test_enough_concepts(concepts):
    assert len(concepts) >= 140


def test_required_ids_are_concepts(concepts):
    assert len(set(REQUIRED)) == len(REQUIRED)
    missing = sorted(set(REQUIRED) - set(concepts))
    assert not missing, f"missing concepts: {missing}"


def test_concept_shape(concepts):
    for cid, concept in concepts.items():
        assert set(concept) == {"openmoji", "file", "aliases", "note"}, cid
        assert concept["file"] == f"{concept['openmoji']}.svg", cid
        assert isinstance(concept["aliases"], list), cid
        assert isinstance(concept["note"], str) and concept["note"].strip(), cid


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
    attribution = (SYMBOLS_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert ATTRIBUTION_LINE in attribution.splitlines()
    assert index["source"]["version"] in attribution
