"""The words the checklists and the directory share: one id for each idea, its easy-read name and its symbol.

Ids are stable and kebab-case: they are stored in answers, in Open Referral UK taxonomy terms and in
URLs, so they never change once published. Names are translated like every other string.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Term:
    id: str
    name: object  # lazy string
    symbol: str


def _index(*terms: Term) -> dict[str, Term]:
    return {term.id: term for term in terms}


# The ladder into work, from the local offer: each step can lead to the next.
LADDER_STEPS = _index(
    Term("volunteering", _l("Volunteering"), "volunteering"),
    Term("social-enterprise", _l("Social enterprise"), "social-enterprise"),
    Term("supported-employment", _l("Work with support"), "supported-employment"),
    Term("independent-employment", _l("Work on my own"), "independent-employment"),
)

KINDS_OF_SUPPORT = _index(
    Term("work-experience", _l("Work experience"), "work-experience"),
    Term("volunteering-role", _l("Volunteering role"), "volunteering"),
    Term("social-enterprise-job", _l("Job at a social enterprise"), "social-enterprise"),
    Term("supported-internship", _l("Supported internship"), "supported-internship"),
    Term("project-search", _l("Project SEARCH"), "project-search"),
    Term("job-coaching", _l("Job coaching"), "job-coach"),
    Term("supported-employment", _l("Supported employment"), "supported-employment"),
    Term("ips", _l("Individual Placement and Support"), "mental-health"),
    Term("work-trial", _l("Work trial"), "work-trial"),
    Term("travel-training", _l("Travel training"), "travel-training"),
    Term("benefits-advice", _l("Benefits and better-off advice"), "benefits-advice"),
    Term("apprenticeship", _l("Apprenticeship"), "apprenticeship"),
    Term("college-course", _l("College course"), "college"),
    Term("self-employment-support", _l("Help to start my own business"), "own-business"),
    Term("paid-job", _l("Paid job"), "paid"),
)

KINDS_OF_WORK = _index(
    Term("animals", _l("Working with animals"), "animals"),
    Term("cooking", _l("Cooking and food"), "cooking"),
    Term("shops", _l("Shops"), "shop"),
    Term("office", _l("Offices"), "office"),
    Term("gardening", _l("Gardening and outdoors"), "gardening"),
    Term("building", _l("Building and making things"), "building"),
    Term("caring", _l("Caring for people"), "caring"),
    Term("cleaning", _l("Cleaning"), "cleaning"),
    Term("driving", _l("Driving and delivery"), "delivery"),
    Term("art", _l("Art and music"), "art"),
    Term("sport", _l("Sport"), "sport"),
    Term("it", _l("Computers and IT"), "it"),
)

SUPPORT_NEEDS = _index(
    Term("learning-disability", _l("Learning disability"), "learning-disability"),
    Term("autism", _l("Autism"), "autism"),
    Term("mental-health", _l("Mental health"), "mental-health"),
    Term("physical-sensory", _l("Physical or sensory disability"), "wheelchair"),
)

AGE_BANDS = _index(
    Term("14-15", _l("14 or 15"), "age-14"),
    Term("16-18", _l("16 to 18"), "age-16"),
    Term("19-25", _l("19 to 25"), "age-19"),
    Term("26-plus", _l("26 or older"), "person"),
)
# The youngest and oldest age in each band, for matching against a service's eligibility.
AGE_RANGES = {"14-15": (14, 15), "16-18": (16, 18), "19-25": (19, 25), "26-plus": (26, 120)}

# Hours a week a person would like to work. 16 or more is the real-job threshold in the seeds.
HOURS = _index(
    Term("under-16", _l("Less than 16 hours a week"), "part-time"),
    Term("16-plus", _l("16 hours a week or more"), "full-time"),
    Term("not-sure", _l("I am not sure yet"), "not-sure"),
)
