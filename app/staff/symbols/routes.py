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
    sheet = current_app.extensions.get("symbol_sheet")
    if sheet is None:  # the index and the code do not change while the app runs (the pictures are cached too)
        sheet = current_app.extensions["symbol_sheet"] = (
            service.read_index(current_app.config["SYMBOL_INDEX"]),
            code_uses(),
        )
    index, uses = sheet
    entries = service.contact_sheet(index, db.session, uses)
    counts = {name: sum(1 for e in entries if e.set_name == name) for name in service.SET_NAMES.values()}
    return render_template("staff/symbols/sheet.html", entries=entries, counts=counts)
