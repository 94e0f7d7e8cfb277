"""Why a service is suggested, in easy read: one sentence for each reason code from rules.py."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.pathways.rules import Reason
from app.vocab import KINDS_OF_SUPPORT

WANT_TO_TRY = {
    "work-experience": _l("Because you want to try work experience."),
    "volunteering-role": _l("Because you want to try volunteering."),
    "social-enterprise-job": _l("Because you want to try working at a social enterprise."),
    "supported-internship": _l("Because you want to try a supported internship."),
    "project-search": _l("Because you want to try Project SEARCH."),
    "job-coaching": _l("Because you want to try working with a job coach."),
    "supported-employment": _l("Because you want to try supported employment."),
    "ips": _l("Because you want to try Individual Placement and Support."),
    "work-trial": _l("Because you want to try a work trial."),
    "travel-training": _l("Because you want to learn to travel on your own."),
    "benefits-advice": _l("Because you want advice about money and benefits."),
    "apprenticeship": _l("Because you want to try an apprenticeship."),
    "college-course": _l("Because you want to try a college course."),
    "self-employment-support": _l("Because you want to start your own business."),
    "paid-job": _l("Because you want a paid job."),
}

YOU_LIKE = {
    "animals": _l("Because you said you like animals."),
    "cooking": _l("Because you said you like cooking and food."),
    "shops": _l("Because you said you like working in shops."),
    "office": _l("Because you said you like office work."),
    "gardening": _l("Because you said you like gardening and being outdoors."),
    "building": _l("Because you said you like building and making things."),
    "caring": _l("Because you said you like caring for people."),
    "cleaning": _l("Because you said you like cleaning."),
    "driving": _l("Because you said you like driving and delivery."),
    "art": _l("Because you said you like art and music."),
    "sport": _l("Because you said you like sport."),
    "it": _l("Because you said you like computers and IT."),
}

HELPS_PEOPLE = {
    "learning-disability": _l("Because it helps people with a learning disability."),
    "autism": _l("Because it helps autistic people."),
    "mental-health": _l("Because it helps people with their mental health."),
    "physical-sensory": _l("Because it helps people who are deaf, blind or use a wheelchair."),
}

HOURS_REASONS = {
    "16-plus": _l("Because it can give you 16 hours of work a week or more."),
    "under-16": _l("Because it can give you less than 16 hours of work a week."),
}


def reason_text(reason: Reason) -> str:
    """The easy-read sentence for one reason."""
    if reason.kind == "try":
        return str(WANT_TO_TRY[reason.term])
    if reason.kind == "interest":
        return str(YOU_LIKE[reason.term])
    if reason.kind == "help":
        return _("Because you said this would help you: %(help)s.", help=KINDS_OF_SUPPORT[reason.term].name)
    if reason.kind == "need":
        return str(HELPS_PEOPLE[reason.term])
    if reason.kind == "hours":
        return str(HOURS_REASONS[reason.term])
    return _("Because it is for people your age.")
