"""The plan snapshot a referral keeps: one versioned format, one writer, one reader that upgrades older ones."""

import pytest

from app.checklists.plan import Plan, Sentence
from app.referrals.snapshot import SECTION_HEADINGS, SECTION_IDS, VERSION, read_snapshot, upgrade, write_snapshot
from demo.staff.referrals import PLAN, SHORT_PLAN

A_PLAN = Plan(
    aspirations=[Sentence("animals", "I would like to work with animals.")],
    next_steps=[Sentence("cv", "Make a CV.")],
    filled_by=["Me"],
)


def test_the_writer_writes_the_current_version_with_only_the_sections_that_have_sentences():
    assert write_snapshot(A_PLAN) == {
        "version": VERSION,
        "lang": "en",
        "sections": [
            {"id": "aspirations", "sentences": [{"symbol": "animals", "text": "I would like to work with animals."}]},
            {"id": "next-steps", "sentences": [{"symbol": "cv", "text": "Make a CV."}]},
        ],
        "filled_by": ["Me"],
    }


def test_what_the_writer_writes_the_reader_reads_with_staff_headings():
    plan = read_snapshot(write_snapshot(A_PLAN))
    assert [(s.id, s.heading, s.sentences) for s in plan.sections] == [
        ("aspirations", "What they want from work", ["I would like to work with animals."]),
        ("next-steps", "Their next steps", ["Make a CV."]),
    ]
    assert plan.filled_by == ["Me"]


def test_every_section_of_the_plan_has_a_staff_heading_and_no_other_heading_is_kept():
    assert set(SECTION_HEADINGS) == set(SECTION_IDS)


def test_a_snapshot_saved_before_the_format_had_a_version_is_upgraded_and_still_shows():
    old = {
        "lang": "en",
        "sections": [{"id": "strengths", "sentences": [{"symbol": "animals", "text": "I am good with animals."}]}],
        "filled_by": ["Me, with help from a teacher"],
    }
    assert upgrade(old)["version"] == VERSION
    plan = read_snapshot(old)
    assert [(s.heading, s.sentences) for s in plan.sections] == [("What they are good at", ["I am good with animals."])]
    assert plan.filled_by == ["Me, with help from a teacher"]


def test_broken_parts_of_a_snapshot_are_skipped():
    plan = read_snapshot(
        {
            "version": 1,
            "sections": [
                {"id": "strengths", "sentences": [{"text": " I can draw. "}, {"text": ""}, "odd", 3]},
                "odd",
                {"sentences": [{"text": "No id"}]},
                {"id": "support", "sentences": []},
            ],
        }
    )
    assert [(s.heading, s.sentences) for s in plan.sections] == [("What they are good at", ["I can draw."])]


def test_a_section_from_a_later_plan_shows_under_its_own_name():
    plan = read_snapshot({"version": 1, "sections": [{"id": "my-hobbies", "sentences": [{"text": "I like to draw."}]}]})
    assert plan.sections[0].heading == "My hobbies"


@pytest.mark.parametrize(
    "snapshot",
    [
        None,
        "a plan",
        [],
        {},
        {"sections": 7},
        {"aspirations": [None, 4]},
        {"version": 1, "sections": []},
        # Shapes no writer ever wrote are not guessed at, and a later version is not read as this one.
        {"aspirations": ["I would like to work with animals."], "filled_by": ["Me"]},
        {"sections": {"strengths": ["I can draw."]}},
        {"version": 2, "sections": [{"id": "strengths", "sentences": [{"text": "I can draw."}]}]},
    ],
)
def test_an_empty_unknown_or_strange_snapshot_shows_nothing_and_never_fails(snapshot):
    assert read_snapshot(snapshot) is None


def test_the_demo_plans_are_written_by_the_writer():
    for plan in (PLAN, SHORT_PLAN):
        assert plan["version"] == VERSION and read_snapshot(plan).sections
