"""The glossary: hard words explained in easy read, and the links to them from every page."""

import re
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.i18n import current_lang
from app.nation import by_nation, nation


@dataclass(frozen=True)
class Entry:
    slug: str
    symbol: str
    term: object  # lazy string
    sentences: tuple
    also: tuple = ()  # other ways pages write the same word
    nation: str | None = None  # only in this nation's glossary (app/nation.py); None: in both


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "learning-disability",
        "learning-disability",
        _l("learning disability"),
        (
            _l("A learning disability means some things are harder to learn."),
            _l("It can make it harder to read, to use money or to learn new things."),
            _l("It lasts all your life. The right help makes a big difference."),
        ),
        (_l("learning disabilities"),),
    ),
    Entry(
        "autism",
        "autism",
        _l("autism"),
        (
            _l("Autism changes how you see, hear and feel the world."),
            _l("Autistic people may find it hard to talk with others, or to cope with change."),
            _l("Many autistic people are very good at some things."),
        ),
        (_l("autistic"),),
    ),
    Entry(
        "ehcp",
        "ehcp",
        _l("EHCP"),
        (
            _l("EHCP means Education, Health and Care Plan."),
            _l("It is a plan for a young person with special needs, up to age 25."),
            _l("It says what help they need to learn and live well."),
        ),
        (_l("Education, Health and Care Plan"),),
        nation="england",
    ),
    Entry(
        "idp",
        "ehcp",
        _l("IDP"),
        (
            _l("IDP means Individual Development Plan."),
            _l("In Wales, it is a plan for a child or young person with additional learning needs."),
            _l("It says what help they need to learn, up to age 25."),
            _l("It starts with a one-page profile: what matters to you and how best to help you."),
        ),
        (_l("Individual Development Plan"),),
        nation="wales",
    ),
    Entry(
        "aln",
        "learning-disability",
        _l("ALN"),
        (
            _l("ALN means additional learning needs."),
            _l("A person has ALN when they need more help to learn than most people their age."),
            _l("In Wales, a law from 2018 says how schools and colleges must help."),
        ),
        (_l("additional learning needs"),),
        nation="wales",
    ),
    Entry(
        "preparing-for-adulthood",
        "getting-ready",
        _l("Preparing for Adulthood"),
        (
            _l("Preparing for Adulthood is a part of an EHCP."),
            _l("It is about your life after school."),
            _l("It covers work, where you live, friends and health."),
        ),
        nation="england",
    ),
    Entry(
        "transition-review",
        "meeting",
        _l("transition review"),
        (
            _l("A transition review is a meeting about your future."),
            _l("It happens every year at school, from Year 9."),
            _l("You talk about what you want to do after school."),
        ),
        (_l("transition reviews"),),
    ),
    Entry(
        "job-coach",
        "job-coach",
        _l("job coach"),
        (
            _l("A job coach helps you learn a new job."),
            _l("They can come to work with you at the start."),
            _l("They help you and your boss get on well."),
        ),
        (_l("job coaches"), _l("job coaching")),
    ),
    Entry(
        "supported-internship",
        "supported-internship",
        _l("supported internship"),
        (
            _l("A supported internship is a way to learn at work."),
            by_nation(
                _l("It is for young people aged 16 to 24 with an EHCP."),
                _l("It is for young people aged 16 to 25 with additional learning needs."),
            ),
            _l("You spend most of the week at a real workplace."),
            _l("A job coach helps you. It lasts about 1 year."),
        ),
        (_l("supported internships"),),
    ),
    Entry(
        "project-search",
        "project-search",
        _l("Project SEARCH"),
        (
            _l("Project SEARCH is one kind of supported internship."),
            _l("You learn at a big workplace, like a hospital."),
            _l("You try 3 different jobs in 1 year."),
        ),
    ),
    Entry(
        "apprenticeship",
        "apprenticeship",
        _l("apprenticeship"),
        (
            _l("An apprenticeship is a real job where you also learn."),
            _l("You get paid."),
            _l("You spend some of your time learning, often at a college."),
        ),
        (_l("apprenticeships"),),
    ),
    Entry(
        "work-experience",
        "work-experience",
        _l("work experience"),
        (
            _l("Work experience means trying out a job for a short time."),
            _l("You are not paid."),
            _l("It helps you find out what you like."),
        ),
    ),
    Entry(
        "work-trial",
        "work-trial",
        _l("work trial"),
        (
            _l("A work trial lets you try a job before you take it."),
            _l("It lasts up to 4 weeks."),
            _l("You and the boss find out if the job is right for you."),
        ),
        (_l("work trials"),),
    ),
    Entry(
        "volunteering",
        "volunteering",
        _l("volunteering"),
        (
            _l("Volunteering means doing useful work without pay."),
            _l("It helps you learn skills and meet people."),
            _l("It can be a step to a paid job."),
        ),
    ),
    Entry(
        "social-enterprise",
        "social-enterprise",
        _l("social enterprise"),
        (
            _l("A social enterprise is a business that helps people."),
            _l("It makes money to do good things."),
            _l("Some give jobs to disabled people."),
        ),
        (_l("social enterprises"),),
    ),
    Entry(
        "supported-employment",
        "supported-employment",
        _l("supported employment"),
        (
            _l("Supported employment helps disabled people get a paid job and keep it."),
            _l("A job coach finds a job that suits you."),
            _l("They help you learn the job and keep going."),
        ),
    ),
    Entry(
        "ips",
        "mental-health",
        _l("Individual Placement and Support"),
        (
            _l("Individual Placement and Support is also called IPS."),
            _l("It helps people who use mental health services to find work."),
            _l("You look for a paid job straight away."),
            _l("A worker helps you all the way."),
        ),
        (_l("IPS"),),
    ),
    Entry(
        "access-to-work",
        "access-to-work",
        _l("Access to Work"),
        (
            _l("Access to Work is money from the government."),
            _l("It pays for help you need at work because of a disability."),
            _l("It can pay for a job coach, taxis or special equipment."),
        ),
    ),
    Entry(
        "universal-credit",
        "universal-credit",
        _l("Universal Credit"),
        (
            _l("Universal Credit is money from the government."),
            _l("It helps you pay for living if you have little money."),
            _l("You can still get it when you have a job."),
        ),
    ),
    Entry(
        "better-off-calculation",
        "better-off-check",
        _l("better-off calculation"),
        (
            _l("A better-off calculation is a sum about your money."),
            _l("It shows your money with a job and without a job."),
            _l("Then you can see if a job leaves you better off."),
        ),
        (_l("better-off check"), _l("better-off-in-work check")),
    ),
    Entry(
        "referral",
        "referral",
        _l("referral"),
        (
            _l("A referral is a message that asks a service for help."),
            _l("You, your family or a worker can send it."),
            _l("Then the service gets in touch with you."),
        ),
        (_l("referrals"),),
    ),
    Entry(
        "consent",
        "consent",
        _l("consent"),
        (
            _l("Consent means you say yes to something."),
            _l("You choose if we share your information."),
            _l("You can say no. You can change your mind later."),
        ),
    ),
    Entry(
        "vocational-profile",
        "all-about-me",
        _l("vocational profile"),
        (
            _l("A vocational profile is all about you and work."),
            _l("It says what you like and what you are good at."),
            _l("It says what help you need."),
            _l("It helps people find the right job for you."),
        ),
    ),
)


def entries() -> tuple[Entry, ...]:
    """The glossary of this council's nation."""
    here = nation()
    return tuple(entry for entry in ENTRIES if entry.nation in (None, here))


_patterns: dict[tuple[str, str], tuple[re.Pattern, dict[str, str]]] = {}


def _pattern(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    """The glossary words of a language and nation and one pattern that finds them, built once for each."""
    key = (lang, nation())
    if key not in _patterns:
        words = {str(word).casefold(): entry.slug for entry in entries() for word in (entry.term, *entry.also)}
        alternatives = sorted(words, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE)
        _patterns[key] = (pattern, words)
    return _patterns[key]


def link_first_terms(text: str, already_linked: set[str]) -> Markup:
    """Escape text and link each glossary word the first time a page uses it."""
    pattern, words = _pattern(current_lang())
    out, position = [], 0
    for match in pattern.finditer(text):
        slug = words.get(match.group(0).casefold())
        if slug is None or slug in already_linked:
            continue
        already_linked.add(slug)
        href = url_for("easyread.glossary", _anchor=slug)
        out.append(escape(text[position : match.start()]))
        out.append(Markup('<a href="{}">{}</a>').format(href, match.group(0)))
        position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)
