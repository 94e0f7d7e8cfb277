"""The reading settings form."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField

from app.easyread.reading import CHOICES
from app.messages import CHOOSE_ONE

SETTING_LABELS = {"size": "Text size", "contrast": "Colours", "spacing": "Space between lines", "font": "Letters"}


class ReadingSettingsForm(FlaskForm):
    size = RadioField(choices=CHOICES["size"], validators=[CHOOSE_ONE()])
    contrast = RadioField(choices=CHOICES["contrast"], validators=[CHOOSE_ONE()])
    spacing = RadioField(choices=CHOICES["spacing"], validators=[CHOOSE_ONE()])
    font = RadioField(choices=CHOICES["font"], validators=[CHOOSE_ONE()])
    next = HiddenField()
