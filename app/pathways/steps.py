"""What each step on the ladder is, who it is for and what you get, in easy read.

The voice follows the local offers this site is built from: volunteering is a step, not the end;
the aim is a real job, paid the same as everyone else, ideally 16 hours a week or more.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.nation import by_nation
from app.vocab import LADDER_STEPS

Rows = tuple[tuple[str, object], ...]  # (symbol concept, lazy sentence)


@dataclass(frozen=True)
class StepPage:
    id: str
    short: object  # one sentence for the ladder page
    what: Rows
    who: Rows
    get: Rows
    leads_to: Rows


STEP_PAGES = {
    page.id: page
    for page in (
        StepPage(
            "volunteering",
            _l("Do useful work without pay, to learn and try things out."),
            what=(
                ("volunteering", _l("You do useful work without pay. This is called volunteering.")),
                ("shop", _l("You can help in a shop, a park, a library or a café.")),
                ("clock", _l("You choose how many hours you give.")),
            ),
            who=(
                ("people", _l("It is for anyone who wants to try out work.")),
                ("not-yet", _l("It is good if you are not ready for a paid job yet.")),
            ),
            get=(
                ("good-at", _l("You learn new skills and meet new people.")),
                ("cv", _l("You get something good to put on your CV.")),
                ("thinking", _l("You find out what you like doing.")),
            ),
            leads_to=(
                ("step", _l("Volunteering is a step, not the end.")),
                ("paid", _l("It can lead to a job at a social enterprise, or a paid job.")),
            ),
        ),
        StepPage(
            "social-enterprise",
            _l("Work in a business that helps people, with staff to help you learn."),
            what=(
                ("social-enterprise", _l("It is a business that helps people. It is called a social enterprise.")),
                ("money", _l("It makes money to do good things.")),
                ("team", _l("Many train disabled people and give them jobs.")),
            ),
            who=(
                ("people", _l("It is for people who want to work in a team, with help.")),
                ("volunteering", _l("Some people start with volunteering first.")),
                ("paid", _l("Some pay you and some do not. Each one is different.")),
            ),
            get=(
                ("cooking", _l("You do real work, like cooking, gardening or fixing bikes.")),
                ("helping", _l("Staff help you learn at your own speed.")),
                ("good-at", _l("You get better at work, one day at a time.")),
            ),
            leads_to=(("step", _l("It can lead to work with support, or a job on your own.")),),
        ),
        StepPage(
            "supported-employment",
            _l("Get a real job, with a job coach to help you learn it."),
            what=(
                ("supported-employment", _l("You get a real job, with someone to help you.")),
                ("job-coach", _l("A job coach helps you learn the job and keep it.")),
                ("supported-internship", _l("This step has supported internships, Project SEARCH and work trials.")),
            ),
            who=(
                ("people", _l("It is for people who want a paid job and need some help.")),
                ("step", _l("You may try volunteering or a social enterprise first.")),
                (
                    "ehcp",
                    by_nation(
                        _l("Some services are for young people with an EHCP."),
                        _l("Some services are for young people with an IDP."),
                    ),
                ),
            ),
            get=(
                ("search", _l("A job coach helps you find a job that suits you.")),
                ("work", _l("They help you learn the job, at work.")),
                ("meeting", _l("They help you and your boss if things change.")),
            ),
            leads_to=(
                ("goal", _l("The aim is a real job, paid the same as everyone else.")),
                ("hours", _l("That is best at 16 hours a week or more.")),
                ("step", _l("Later, you may not need a job coach at all.")),
            ),
        ),
        StepPage(
            "independent-employment",
            _l("Have a paid job or your own business, with little or no help."),
            what=(
                ("independent-employment", _l("You have a paid job, or your own business.")),
                ("apprenticeship", _l("This step has part-time jobs and apprenticeships.")),
                ("own-business", _l("Some people start their own business.")),
            ),
            who=(
                ("people", _l("It is for people who are ready to work with little help.")),
                ("access-to-work", _l("You can still get help, like Access to Work.")),
            ),
            get=(
                ("paid", _l("You get paid the same as other people in that job.")),
                ("part-time", _l("You can work part-time or full-time.")),
                ("full-time", _l("It is best to work 16 hours a week or more.")),
            ),
            leads_to=(
                ("star", _l("This is the top step of the ladder.")),
                ("ask-for-help", _l("You can still ask for help if things change.")),
            ),
        ),
    )
}

assert list(STEP_PAGES) == list(LADDER_STEPS), "every step on the ladder needs a page, in ladder order"


def step_number(step_id: str) -> int:
    return list(LADDER_STEPS).index(step_id) + 1


def ladder() -> list[tuple[int, object, StepPage]]:
    """(number, vocabulary term, page) for each step, from the first step up."""
    return [(number, LADDER_STEPS[step_id], page) for number, (step_id, page) in enumerate(STEP_PAGES.items(), 1)]
