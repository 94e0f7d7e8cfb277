"""The nation a council works in (the NATION setting): England or Wales. It decides the plan's view for
professionals: in England the Education, Health and Care Plan (EHCP) and its Preparing for Adulthood
headings; in Wales the Individual Development Plan (IDP) of the Additional Learning Needs and Education
Tribunal (Wales) Act 2018, whose one-page profile asks what people like and admire about the person,
what is important to them and how best to support them. Both nations have both languages."""

from dataclasses import dataclass

from flask import current_app
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

NATIONS = ("england", "wales")


@dataclass(frozen=True)
class PlanView:
    """The words of the plan's view for professionals, in one nation."""

    name: object  # EHCP or IDP
    title: tuple  # (the person's own, about them, by their first name), like My work plan's title
    about: tuple  # (symbol, sentence) rows under the title
    headings: dict  # plan section -> ((said by the person, said about them, by their first name), symbol)
    review: object  # how a school uses the plan
    see_mine: object  # the link from My work plan
    see_shared: object  # the link from a shared plan


PLAN_VIEWS = {
    "england": PlanView(
        _l("EHCP"),
        (
            _l("My work plan for an EHCP"),
            _l("The person's work plan for an EHCP"),
            _l("%(name)s's work plan for an EHCP"),
        ),
        (
            ("ehcp", _l("These are the Preparing for Adulthood headings for employment.")),
            ("clipboard", _l("School staff can copy these words into an EHCP.")),
        ),
        {
            "aspirations": ((_l("My aspirations"), _l("Their aspirations"), _l("%(name)s's aspirations")), "dreams"),
            "strengths": ((_l("My strengths"), _l("Their strengths"), _l("%(name)s's strengths")), "good-at"),
            "support": (
                (_l("The support I need"), _l("The support they need"), _l("The support %(name)s needs")),
                "help",
            ),
            "next-steps": ((_l("Next steps"), _l("Next steps")), "step"),
        },
        _l("Schools can use this plan in an EHCP review."),
        _l("See my plan with the EHCP headings"),
        _l("See this plan with the EHCP headings"),
    ),
    "wales": PlanView(
        _l("IDP"),
        (_l("My work plan for an IDP"), _l("The person's work plan for an IDP"), _l("%(name)s's work plan for an IDP")),
        (
            ("ehcp", _l("These are the headings of a one-page profile in an IDP.")),
            ("clipboard", _l("School or college staff can copy these words into an IDP.")),
        ),
        {
            "aspirations": (
                (_l("What is important to me"), _l("What is important to them"), _l("What is important to %(name)s")),
                "dreams",
            ),
            "strengths": (
                (
                    _l("What people like and admire about me"),
                    _l("What people like and admire about them"),
                    _l("What people like and admire about %(name)s"),
                ),
                "good-at",
            ),
            "support": (
                (_l("How best to support me"), _l("How best to support them"), _l("How best to support %(name)s")),
                "help",
            ),
            "next-steps": (
                (_l("My next steps to work"), _l("Their next steps to work"), _l("%(name)s's next steps to work")),
                "step",
            ),
        },
        _l("Schools and colleges can use this plan in an IDP review."),
        _l("See my plan with the IDP headings"),
        _l("See this plan with the IDP headings"),
    ),
}


def nation() -> str:
    return current_app.config["NATION"]


def plan_view() -> PlanView:
    """The plan's view for professionals in this council's nation."""
    return PLAN_VIEWS[nation()]


def by_nation(england, wales) -> LazyString:
    """Words that differ by nation, chosen when the page is drawn."""
    return LazyString(lambda: str(wales if nation() == "wales" else england))
