"""Extensions, created once and bound to the app with init_app."""

from flask_babel import Babel
from flask_wtf import CSRFProtect

from app.database import Database

babel = Babel()
csrf = CSRFProtect()
db = Database()
