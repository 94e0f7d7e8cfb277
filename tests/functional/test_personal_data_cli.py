"""`flask privacy find|export|erase`: the same finding, subject access export and erasure as the staff pages,
from the command line. Output names referrals by reference only; an erasure asks first unless --yes."""

import json

import pytest

from app.referrals.fields import FIELDS, exported_fields
from tests.functional.test_personal_data_requests import NOTE, OTHER, add_message, add_note, link_checklists, person
from tests.staff_builders import audit_entries, make_referral, referral


@pytest.fixture
def people(app):
    return person(app), make_referral(app, **OTHER)


@pytest.mark.parametrize(
    "args",
    [
        ["--email", "MORWENNA.demo@example.org"],
        ["--phone", "+44 1632 960777"],
        ["--name", "morwenna fields (demo)", "--born", "1989-02-14"],
    ],
    ids=["email", "phone", "name-and-birth"],
)
def test_find_lists_the_persons_referrals_by_reference_only(app, runner, people, args):
    morwenna, rhodri = people
    result = runner.invoke(args=["privacy", "find", *args])
    assert result.exit_code == 0, result.output
    assert morwenna in result.output and rhodri not in result.output
    assert "Morwenna" not in result.output and "960777" not in result.output
    assert audit_entries(app, action="search")[-1].detail.startswith("by=")


def test_find_by_reference_and_its_mistakes(runner, people):
    morwenna, _ = people
    assert morwenna in runner.invoke(args=["privacy", "find", "--reference", morwenna.lower()]).output
    assert runner.invoke(args=["privacy", "find"]).exit_code == 2
    assert runner.invoke(args=["privacy", "find", "--name", "Morwenna Fields (demo)"]).exit_code == 2
    assert runner.invoke(args=["privacy", "find", "--name", "M", "--born", "14/02/1989"]).exit_code == 2
    assert "No referral was found." in runner.invoke(args=["privacy", "find", "--email", "nobody@example.org"]).output


def test_export_writes_every_exported_field_and_the_linked_checklists_as_json(app, runner, people, tmp_path):
    morwenna, _ = people
    add_note(app, morwenna, NOTE)
    link_checklists(app, morwenna)
    target = tmp_path / "sar.json"
    result = runner.invoke(args=["privacy", "export", morwenna, "--json", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    (found,) = data["referrals"]
    assert set(found["fields"]) == {field.name for field in exported_fields()}
    assert found["fields"]["person_name"]["value"] == "Morwenna Fields (demo)"
    assert [note["text"] for note in found["notes"]] == [NOTE]
    (checklists,) = data["checklists"]
    assert {answer["step"] for answer in checklists["answers"]} == {"kinds-of-work", "good-at", "name"}
    assert any(checklists["plan"].values()), "the plan from the answers, in words"
    assert audit_entries(app, action="export", object_ref=morwenna)[-1].detail == "json command"


def test_export_of_an_unknown_reference_fails_plainly(runner, tmp_path):
    result = runner.invoke(args=["privacy", "export", "KKKK-KKKK", "--json", str(tmp_path / "x.json")])
    assert result.exit_code == 1 and "No referral has the reference KKKK-KKKK" in result.output


def test_erase_asks_first_and_stops_on_no(app, runner, people):
    morwenna, _ = people
    result = runner.invoke(args=["privacy", "erase", morwenna], input="n\n")
    assert result.exit_code == 1 and "cannot be undone" in result.output
    assert referral(app, morwenna).person_name == "Morwenna Fields (demo)"
    assert not audit_entries(app, action="erase")


@pytest.mark.parametrize("how", [["--yes"], []], ids=["yes-flag", "typed-yes"])
def test_erase_removes_the_persons_data_and_leaves_others(app, runner, people, how):
    morwenna, rhodri = people
    add_note(app, morwenna, NOTE)
    add_message(app, morwenna)
    result = runner.invoke(args=["privacy", "erase", morwenna, *how], input=None if how else "y\n")
    assert result.exit_code == 0, result.output
    assert "Erased: 1 referral, 1 note, 1 message in the outbox." in result.output
    found = referral(app, morwenna)
    for field in FIELDS:
        if field.removed:
            assert getattr(found, field.name) in (None, []), field.name
    assert referral(app, rhodri).person_name == OTHER["person_name"]
    (entry,) = audit_entries(app, action="erase")
    assert entry.staff_id is None and entry.object_ref == morwenna
    assert entry.detail == "referrals=1 notes=1 messages=1 checklists=0 answers=0 share-links=0 pupils=0 drafts=0"
    again = runner.invoke(args=["privacy", "erase", morwenna, "--yes"])
    assert again.exit_code == 0 and "Nothing is left to erase" in again.output
