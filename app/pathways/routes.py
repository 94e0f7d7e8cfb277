"""Find my way to work: the ladder, each step, the directory, a service, services for me."""

from flask import Blueprint, abort, current_app, render_template, request

from app.checklists import profile as plan_profile
from app.extensions import db
from app.i18n import current_lang
from app.pathways import search
from app.pathways.exporting import full_options
from app.pathways.forms import directory_form, filter_options, read_directory_query, read_profile
from app.pathways.links import filter_links, page_links
from app.pathways.reasons import reason_text
from app.pathways.service_page import build
from app.pathways.steps import STEP_PAGES, step_number
from app.pathways.steps import ladder as ladder_steps
from app.pathways.suggestions import services_by_id, suggest
from app.pathways.taxonomies import VOCABULARIES
from app.pathways.views import card
from app.vocab import LADDER_STEPS

bp = Blueprint("pathways", __name__)
PER_PAGE = 10  # results a page
STEP_LIST = 10  # services listed on a step's page


@bp.get("/find-work")
def ladder():
    return render_template("pathways/ladder.html", steps=ladder_steps())


@bp.get("/find-work/<string:step_id>")
def step(step_id: str):
    if step_id not in STEP_PAGES:
        abort(404)
    found = search.search_services(db.session, search.Filters(steps=(step_id,)), 1, STEP_LIST)
    order = list(LADDER_STEPS.values())
    number = step_number(step_id)
    return render_template(
        "pathways/step.html",
        step=LADDER_STEPS[step_id],
        number=number,
        page=STEP_PAGES[step_id],
        previous=order[number - 2] if number > 1 else None,
        next=order[number] if number < len(order) else None,
        cards=[card(s) for s in found.services],
        total=found.total,
        demo=search.has_demo_services(db.session),
    )


@bp.get("/services")
def directory():
    areas = search.list_areas(db.session)
    query = read_directory_query(request.args, [area.id for area in areas], welsh=current_lang() == "cy")
    found = search.search_services(db.session, query.filters, query.page, PER_PAGE)
    return render_template(
        "pathways/directory.html",
        form=directory_form(query, [a.id for a in areas]),
        areas=areas,
        query=query,
        found=found,
        cards=[card(s) for s in found.services],
        removals=filter_links(query, areas),
        pages=page_links(query, found),
        demo=search.has_demo_services(db.session),
        **filter_options(areas),
    )


@bp.get("/services/<string:service_id>")
def service(service_id: str):
    found = search.get_service(db.session, service_id[:64], *full_options())
    if found is None:
        abort(404)
    return render_template("pathways/service.html", service=build(found))


@bp.get("/services-for-me")
def services_for_me():
    profile = read_profile(request.args)
    from_address = profile is not None
    if profile is None:
        current_profile = getattr(plan_profile, "current_profile", lambda: None)
        profile = current_profile()
    checklists = "checklists.hub" in current_app.view_functions
    if profile is None or profile.is_empty:
        return render_template("pathways/services_for_me_start.html", steps=ladder_steps(), checklists=checklists)
    groups = suggest(db.session, profile)
    services = services_by_id(db.session, [s.service.id for g in groups for s in g.suggestions])
    return render_template(
        "pathways/services_for_me.html",
        groups=groups,
        cards={i: card(s) for i, s in services.items()},
        from_address=from_address,
        checklists=checklists,
        steps=LADDER_STEPS,
        step_number=step_number,
        reason_text=reason_text,
    )


@bp.get("/how-we-sort-services")
def service_types():
    vocabularies = [(v, [(term.name, code) for code, term in v.terms.items()]) for v in VOCABULARIES.values()]
    return render_template("pathways/service_types.html", vocabularies=vocabularies)
