"""The staff blueprint, shared by the staff route modules. Staff pages are in English."""

from flask import Blueprint

from app.clock import today
from app.staff import words
from app.staff.overdue import is_overdue

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.context_processor
def _staff_words() -> dict:
    """The words and date formats every staff page uses for stored codes."""
    return {"staff_words": words, "is_overdue": is_overdue, "today": today()}
