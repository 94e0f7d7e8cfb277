"""The symbol contact sheet: each picture beside the sentences that use it, for checking each pairing."""

from flask import current_app, render_template

from app.extensions import db
from app.staff.blueprint import bp
from app.staff.permissions import Permission, requires
from app.staff.symbols import service
from app.staff.symbols.uses import code_uses


@bp.route("/symbols")
@requires(Permission.EDIT_DIRECTORY)
def symbols():
    uses = current_app.extensions.get("symbol_uses")
    if uses is None:  # the code does not change while the app runs: read it once
        uses = current_app.extensions["symbol_uses"] = code_uses()
    entries = service.contact_sheet(current_app.config["SYMBOL_INDEX"], db.session, uses)
    counts = {name: sum(1 for e in entries if e.set_name == name) for name in service.SET_NAMES.values()}
    return render_template("staff/symbols/sheet.html", entries=entries, counts=counts)
