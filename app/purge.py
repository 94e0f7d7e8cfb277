"""(to be written)"""
from flask.cli import AppGroup

data_cli = AppGroup("data", help="Look after personal data: remove it when its time is up.")
