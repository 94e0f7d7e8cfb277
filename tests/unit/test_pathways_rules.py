"""Services for me: the rules, the pure ranking, its reasons, and the grouping by step on the ladder."""

import pytest

from app.checklists.profile import MatchProfile
from app.pathways.rules import (
    ENOUGH_ALONE,
    RULES,
    WEIGHTS,
    AgesAllow,
    Reason,
    ServiceFacts,
    can_use,
    fits_age,
    group_by_step,
    possible_reasons,
    rank_services,
    reasons_for,
    start_step,
)


def facts(name, step="volunteering", kinds=(), work=(), needs=(), minimum_age=None, maximum_age=None, hours=None):
    return ServiceFacts(
        f"id-{name}", name, step, frozenset(kinds), frozenset(work), frozenset(needs), minimum_age, maximum_age, hours
    )


def profile(**answers):
    return MatchProfile(
        **{key: frozenset(value) if isinstance(value, (set, list, tuple)) else value for key, value in answers.items()}
    )


def test_a_service_matching_an_interest_gives_that_reason():
    ranked = rank_services(profile(interests={"animals"}), [facts("Dogs", work={"animals"})])
    assert ranked[0].reasons == (Reason("interest", "animals"),)


def test_what_you_want_to_try_first_counts_more_than_one_interest():
    services = [facts("Zoo café", work={"animals"}), facts("Volunteering", kinds={"volunteering-role"})]
    ranked = rank_services(profile(interests={"animals"}, try_first={"volunteering-role"}), services)
    assert [s.service.name for s in ranked] == ["Volunteering", "Zoo café"]


def test_more_matches_rank_higher_and_give_every_reason_most_important_first():
    both = facts("Both", kinds={"work-trial"}, work={"cooking"}, needs={"autism"})
    ranked = rank_services(
        profile(try_first={"work-trial"}, interests={"cooking"}, support_needs={"autism"}),
        [facts("One", kinds={"work-trial"}), both],
    )
    assert ranked[0].service is both
    assert [r.kind for r in ranked[0].reasons] == ["try", "interest", "need"]


def test_services_that_match_no_answer_are_left_out():
    assert rank_services(profile(interests={"animals"}), [facts("Office", work={"office"})]) == []


def test_age_and_hours_alone_are_not_enough_to_suggest_a_service():
    service = facts("Young jobs", minimum_age=16, maximum_age=24, hours="16-plus")
    assert rank_services(profile(age_band="16-18", hours="16-plus"), [service]) == []


def test_services_the_persons_age_rules_out_are_left_out():
    services = [
        facts("Adults only", work={"animals"}, minimum_age=25),
        facts("Teens", work={"animals"}, maximum_age=15),
    ]
    assert rank_services(profile(interests={"animals"}, age_band="16-18"), services) == []


def test_a_service_for_young_people_says_it_is_for_your_age():
    ranked = rank_services(
        profile(interests={"art"}, age_band="16-18"), [facts("Art", work={"art"}, minimum_age=16, maximum_age=24)]
    )
    assert Reason("age", "16-18") in ranked[0].reasons


def test_hours_that_match_add_a_reason():
    ranked = rank_services(
        profile(interests={"shops"}, hours="16-plus"), [facts("Shop", work={"shops"}, hours="16-plus")]
    )
    assert Reason("hours", "16-plus") in ranked[0].reasons


def test_help_you_asked_for_is_a_reason_unless_you_already_want_to_try_it():
    service = facts("Travel", kinds={"travel-training"})
    assert rank_services(profile(helps={"travel-training"}), [service])[0].reasons == (
        Reason("help", "travel-training"),
    )
    both = rank_services(profile(helps={"travel-training"}, try_first={"travel-training"}), [service])[0].reasons
    assert both == (Reason("try", "travel-training"),)


def test_ties_are_broken_by_name_the_way_the_directory_sorts():
    services = [facts("Café b", work={"cooking"}), facts("cafe a", work={"cooking"})]
    assert [s.service.name for s in rank_services(profile(interests={"cooking"}), services)] == ["cafe a", "Café b"]


def test_groups_start_at_the_lowest_step_you_want_to_try_and_go_up_the_ladder():
    services = [
        facts("Volunteer", "volunteering", work={"animals"}),
        facts("Enterprise", "social-enterprise", kinds={"social-enterprise-job"}),
        facts("Supported", "supported-employment", work={"animals"}),
        facts("Job", "independent-employment", work={"animals"}),
    ]
    ranked = rank_services(profile(try_first={"social-enterprise-job"}, interests={"animals"}), services)
    groups = group_by_step(ranked)
    assert [g.step for g in groups] == ["social-enterprise", "supported-employment", "independent-employment"]
    assert groups[0].is_start and not groups[1].is_start
    assert [s.service.name for g in groups for s in g.suggestions] == ["Enterprise", "Supported", "Job"]


def test_without_a_step_to_start_from_every_step_is_shown():
    ranked = rank_services(profile(interests={"animals"}), [facts("Volunteer", work={"animals"})])
    assert [g.step for g in group_by_step(ranked)] == [
        "volunteering",
        "social-enterprise",
        "supported-employment",
        "independent-employment",
    ]
    assert not any(g.is_start for g in group_by_step(ranked))


def test_each_step_shows_only_the_best_few():
    services = [facts(f"Service {n}", work={"animals"}) for n in range(6)]
    groups = group_by_step(rank_services(profile(interests={"animals"}), services), per_step=2)
    assert [s.service.name for s in groups[0].suggestions] == ["Service 0", "Service 1"]


def test_services_at_no_step_come_last_as_other_help():
    ranked = rank_services(profile(interests={"animals"}), [facts("Advice", step=None, work={"animals"})])
    assert group_by_step(ranked)[-1].step is None


def test_the_start_can_come_from_more_services_than_the_suggestions_hold():
    assert start_step([], try_steps=["independent-employment", "social-enterprise"]) == "social-enterprise"
    assert start_step([], try_steps=[None, "not-a-step"]) is None


def test_the_rules_are_the_table_in_the_docstring_most_important_first():
    assert [(rule.kind, rule.weight, rule.enough_alone) for rule in RULES] == [
        ("try", 6, True),
        ("interest", 4, True),
        ("help", 3, True),
        ("need", 2, True),
        ("age", 1, False),
        ("hours", 1, False),
    ]


def test_a_service_matching_every_kind_of_answer_scores_every_weight_with_reasons_in_the_order_of_the_rules():
    service = facts(
        "All",
        kinds={"work-trial", "job-coaching"},
        work={"cooking"},
        needs={"autism"},
        minimum_age=16,
        maximum_age=24,
        hours="16-plus",
    )
    person = profile(
        try_first={"work-trial"},
        interests={"cooking"},
        helps={"job-coaching"},
        support_needs={"autism"},
        age_band="16-18",
        hours="16-plus",
    )
    [suggestion] = rank_services(person, [service])
    assert suggestion.reasons == (
        Reason("try", "work-trial"),
        Reason("interest", "cooking"),
        Reason("help", "job-coaching"),
        Reason("need", "autism"),
        Reason("age", "16-18"),
        Reason("hours", "16-plus"),
    )
    assert suggestion.score == 6 + 4 + 3 + 2 + 1 + 1 == sum(WEIGHTS.values())


def test_every_matching_code_is_a_reason_and_counts_codes_a_to_z_within_a_kind():
    service = facts("Many", work={"shops", "animals", "art"})
    [suggestion] = rank_services(profile(interests={"shops", "art", "animals", "it"}), [service])
    assert suggestion.reasons == (Reason("interest", "animals"), Reason("interest", "art"), Reason("interest", "shops"))
    assert suggestion.score == 3 * WEIGHTS["interest"]


def test_answers_outside_our_vocabularies_match_nothing():
    service = facts("Dragons", kinds={"dragon-taming"}, work={"dragons"}, needs={"fire"})
    person = profile(
        try_first={"dragon-taming"}, interests={"dragons"}, helps={"dragon-taming"}, support_needs={"fire"}
    )
    assert reasons_for(person, service) == () and possible_reasons(person) == []


@pytest.mark.parametrize(
    "minimum_age, maximum_age, young",
    [(16, 24, True), (14, 25, True), (None, 24, False), (13, 20, False), (16, 26, False), (16, None, False)],
)
def test_a_service_is_for_young_people_with_a_highest_age_of_25_or_less_and_a_lowest_of_14_or_more(
    minimum_age, maximum_age, young
):
    service = facts("Art", work={"art"}, minimum_age=minimum_age, maximum_age=maximum_age)
    assert (Reason("age", "19-25") in reasons_for(profile(interests={"art"}, age_band="19-25"), service)) == young


@pytest.mark.parametrize(
    "minimum_age, maximum_age, usable",
    [(None, None, True), (18, None, True), (19, None, False), (None, 16, True), (None, 15, False), (14, 16, True)],
)
def test_an_age_band_rules_out_only_services_that_take_nobody_of_those_ages(minimum_age, maximum_age, usable):
    person = profile(age_band="16-18")
    assert can_use(person) == [AgesAllow(16, 18)]
    assert fits_age(person, facts("Service", minimum_age=minimum_age, maximum_age=maximum_age)) == usable


def test_without_a_known_age_band_no_service_is_ruled_out_and_none_is_for_your_age():
    service = facts("Young", work={"art"}, minimum_age=16, maximum_age=18)
    for person in (profile(interests={"art"}), profile(interests={"art"}, age_band="ancient")):
        assert can_use(person) == [] and fits_age(person, service)
        assert reasons_for(person, service) == (Reason("interest", "art"),)


def test_only_try_interest_help_and_need_can_suggest_a_service_alone():
    assert ENOUGH_ALONE == {"try", "interest", "help", "need"}
