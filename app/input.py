"""What the site accepts from an address or a form before any page sees it: no control characters (a
database cannot keep some of them, and no one means to type them) and no ids beyond what a column holds."""

from flask import Flask, Request, abort, request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items
from werkzeug.routing import IntegerConverter
from werkzeug.utils import cached_property

from app.journeys.fields import CONTROL, clean

LARGEST_ID = 2**31 - 1  # the largest integer id a PostgreSQL INTEGER column holds
UNTOUCHED = ("/api/",)  # the JSON API answers for its own input


class IdConverter(IntegerConverter):
    """Whole numbers in addresses, no larger than an id column holds: a larger one is a page not found."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _cleaned(values):
    return ImmutableMultiDict([(clean(key), clean(value)) for key, value in iter_multi_items(values)])


class CleanRequest(Request):
    """A request whose query and form values have had their control characters taken out, keeping the
    rest of what the person typed (tabs and new lines are kept)."""

    def _kept(self) -> bool:
        return self.path.startswith(UNTOUCHED)

    @cached_property
    def args(self):
        found = super().args
        return found if self._kept() else _cleaned(found)

    def _load_form_data(self) -> None:
        """The form is read once, by whichever of form, files or values is asked for first."""
        already = "form" in self.__dict__
        super()._load_form_data()
        if not already and not self._kept():
            self.__dict__["form"] = _cleaned(self.__dict__["form"])


def refuse_control_characters():
    """An address with a control character in its path names no page (under /api, a JSON 404)."""
    if CONTROL.search(request.path):
        abort(404)


def setup_input(app: Flask) -> None:
    app.request_class = CleanRequest
    app.url_map.converters["int"] = IdConverter
    app.before_request(refuse_control_characters)
