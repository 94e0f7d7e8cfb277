"""School mode: school staff start a pupil's checklists in a review meeting, with the consent recorded,
and later see the pupil's progress, My work plan and the EHCP view. School staff see their own school's
pupils only; council admins see every pupil."""
from dataclasses import dataclass
from datetime import datetime, timezone

from flask import abort, current_app, redirect, render_template, session, url_for
from flask_login import current_user
from sqlalchemy import Select, select

from app.checklists import codes, service
from app.checklists import current as cur
from app.checklists.engine import Answers, is_done, path
from app.checklists.models import ChecklistSession
from app.checklists.plan import SETUP, build_plan
from app.extensions import db
from app.staff.audit.service import record, record_now
from app.staff.blueprint import bp
from app.staff.models import Pupil
from app.staff.permissions import Permission, requires
from app.staff.pupils.forms import CODE_WRONG, CONSENT_BY, YEAR_GROUPS, CarryOnForm, PupilForm

# The staff session keeps a new resume code until the pupil's page has shown it once.
CODE_TO_SHOW = "pupil_code"


def visible_pupils(user=None) -> Select:
    """A query for the pupils this member of staff may see."""
    user = user or current_user
    query = select(Pupil)
    if user.role == "council-admin":
        return query
    if user.role == "school" and user.school:
        return query.where(Pupil.school == user.school)
    return query.where(Pupil.id.is_(None))


def pupil_or_404(pupil_id: int) -> Pupil:
    """The pupil, if this member of staff may see them; otherwise 404, with the try in the audit trail."""
    pupil = db.session.scalar(visible_pupils().where(Pupil.id == pupil_id))
    if pupil is None:
        exists = db.session.scalar(select(Pupil.id).where(Pupil.id == pupil_id))
        record_now("denied" if exists else "not-found", "pupil", pupil_id)
        abort(404)
    return pupil


@dataclass(frozen=True)
class Progress:
    live: bool  # False when the checklists were deleted or have expired
    setup_done: bool
    checklists: list[tuple[str, int, int, bool]]  # (title, questions answered, questions, finished)

    @property
    def words(self) -> str:
        if not self.live:
            return "The checklists were deleted or have expired."
        finished = sum(done for *_, done in self.checklists)
        answered = sum(count for _, count, _, _ in self.checklists)
        question_words = "1 question" if answered == 1 else f"{answered} questions"
        return f"{finished} of {len(self.checklists)} checklists finished. {question_words} answered."


def checklists_of(pupil: Pupil) -> ChecklistSession | None:
    found = db.session.get(ChecklistSession, pupil.checklist_session_id) if pupil.checklist_session_id else None
    return found if service.is_live(found) else None


def answers_of(found: ChecklistSession | None) -> Answers:
    return service.answers_of(db.session, found) if found else {}


def progress_of(pupil: Pupil) -> Progress:
    found = checklists_of(pupil)
    answers = answers_of(found)
    rows = [(str(c.title), sum((c.id, s.id) in answers for s in path(c, answers)), len(path(c, answers)), is_done(c, answers))
            for c in cur.definitions().values() if not c.setup]
    return Progress(found is not None, (SETUP, "who") in answers, rows)


def _new_session() -> tuple[ChecklistSession, str]:
    return service.start_session(db.session, current_app.config["SECRET_KEY"], current_app.config["CHECKLIST_DAYS"])


def _new_code(found: ChecklistSession) -> str:
    """A fresh resume code for these checklists; the old one stops working."""
    secret = current_app.config["SECRET_KEY"]
    while True:
        code = codes.new_code()
        if db.session.scalar(select(ChecklistSession.id).where(ChecklistSession.code_hash == codes.code_hash(code, secret))) is None:
            found.code_hash = codes.code_hash(code, secret)
            return code


def _open_here(pupil: Pupil, found: ChecklistSession, code: str, new_code: bool) -> None:
    """Open the pupil's checklists in this browser, as the public pages do, and keep a new code to show once."""
    cur.remember(found, code)
    if new_code:
        session[CODE_TO_SHOW] = [pupil.id, code]


@bp.route("/pupils")
@requires(Permission.PUPILS)
def pupils():
    rows = db.session.scalars(visible_pupils().order_by(Pupil.created_at.desc(), Pupil.id.desc())).all()
    record_now("view", "pupil", None, "list")
    return render_template("staff/pupils/list.html", pupils=[(pupil, progress_of(pupil)) for pupil in rows], years=YEAR_GROUPS)


@bp.route("/pupils/new", methods=["GET", "POST"])
@requires(Permission.PUPILS)
def new_pupil():
    form = PupilForm()
    if current_user.school and form.is_submitted():
        valid = form.validate()
        values = form.check()
        if valid and values:
            found, code = _new_session()
            pupil = Pupil(school=current_user.school, created_by_id=current_user.id, consent_at=datetime.now(timezone.utc),
                          checklist_session_id=found.id, **values)
            db.session.add(pupil)
            db.session.flush()
            record("change", "pupil", pupil.id, "created")
            db.session.commit()
            _open_here(pupil, found, code, new_code=True)
            setup = cur.definitions()[SETUP]
            return redirect(url_for("checklists.step", checklist_id=SETUP, step_id=setup.first))
    return render_template("staff/pupils/new.html", form=form, years=list(YEAR_GROUPS.items()), consent=list(CONSENT_BY.items()),
                           keep_days=current_app.config["CHECKLIST_DAYS"])


def _pupil_page(pupil: Pupil, form: CarryOnForm, code_status: int = 200):
    shown = session.get(CODE_TO_SHOW)
    code = None
    if isinstance(shown, list) and shown[:1] == [pupil.id]:
        code = shown[1]
        session.pop(CODE_TO_SHOW)
    return render_template("staff/pupils/pupil.html", pupil=pupil, progress=progress_of(pupil), form=form, code=code,
                           years=YEAR_GROUPS, consent=CONSENT_BY), code_status


@bp.route("/pupils/<int:pupil_id>")
@requires(Permission.PUPILS)
def pupil(pupil_id: int):
    found = pupil_or_404(pupil_id)
    record_now("view", "pupil", found.id, "page")
    return _pupil_page(found, CarryOnForm())


@bp.route("/pupils/<int:pupil_id>/carry-on", methods=["POST"])
@requires(Permission.PUPILS)
def carry_on(pupil_id: int):
    """Open the pupil's checklists in this browser again: with the pupil's code, or with a new code."""
    pupil = pupil_or_404(pupil_id)
    form = CarryOnForm()
    valid = form.validate()
    code = form.check()
    if not valid or code is None:
        return _pupil_page(pupil, form, 400)
    found = checklists_of(pupil)
    new_code = found is None or not code
    if found is None:  # deleted or expired: start again
        found, code = _new_session()
        pupil.checklist_session_id = found.id
    elif not code:
        code = _new_code(found)
    elif found.code_hash != codes.code_hash(code, current_app.config["SECRET_KEY"]):
        form.code.errors = [CODE_WRONG]
        return _pupil_page(pupil, form, 400)
    record("change", "pupil", pupil.id, "new-code" if new_code else "opened")
    db.session.commit()
    _open_here(pupil, found, code, new_code)
    return redirect(url_for("checklists.hub"))


def _plan_view(pupil_id: int, template: str, detail: str):
    pupil = pupil_or_404(pupil_id)
    found = checklists_of(pupil)
    record_now("view", "pupil", pupil.id, detail)
    return render_template(template, pupil=pupil, plan=build_plan(cur.definitions(), answers_of(found)), found=found, years=YEAR_GROUPS)


@bp.route("/pupils/<int:pupil_id>/plan")
@requires(Permission.PUPILS)
def pupil_plan(pupil_id: int):
    return _plan_view(pupil_id, "staff/pupils/plan.html", "plan")


@bp.route("/pupils/<int:pupil_id>/ehcp")
@requires(Permission.PUPILS)
def pupil_ehcp(pupil_id: int):
    return _plan_view(pupil_id, "staff/pupils/ehcp.html", "ehcp")
