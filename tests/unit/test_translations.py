"""The message catalogue is current and the Welsh is complete: nothing missing, fuzzy, or losing a placeholder."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "translations" / "messages.pot"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _ids(catalogue) -> set:
    return {
        (message.context, message.id if isinstance(message.id, str) else tuple(message.id))
        for message in catalogue
        if message.id
    }


@pytest.fixture(scope="module")
def welsh():
    with open(ROOT / "translations" / "cy" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


def test_messages_pot_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "--no-location",
            "--sort-output",
            "-o",
            str(fresh),
            "app",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(POT, "rb") as committed, open(fresh, "rb") as extracted:
        stale, current = _ids(read_po(committed)), _ids(read_po(extracted))
    assert current == stale, (
        "translations/messages.pot is out of date: run 'flask --app wsgi translate update'. "
        f"New: {sorted(map(str, current - stale))[:10]} Gone: {sorted(map(str, stale - current))[:10]}"
    )


def test_every_string_has_a_welsh_translation_that_is_not_fuzzy(welsh):
    with open(POT, "rb") as handle:
        wanted = _ids(read_po(handle))
    assert _ids(welsh) >= wanted, f"missing from cy: {sorted(map(str, wanted - _ids(welsh)))[:10]}"
    problems = []
    for message in welsh:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert not problems, f"untranslated or fuzzy Welsh: {problems[:10]}"


def test_welsh_keeps_every_placeholder(welsh):
    for message in welsh:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, f"{message.id!r}: {string!r}"


def test_welsh_plurals_have_all_five_forms(welsh):
    assert welsh.num_plurals == 5
    for message in welsh:
        if message.pluralizable:
            assert len(message.string) == 5 and all(message.string), message.id


def test_welsh_is_not_english_copied_across(welsh):
    copied = [m.id for m in welsh if m.id and isinstance(m.id, str) and m.string == m.id and len(m.id.split()) > 2]
    assert not copied, f"Welsh identical to the English: {copied[:10]}"
