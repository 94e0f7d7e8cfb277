"""(to be written)"""
from flask.cli import AppGroup

outbox_cli = AppGroup("outbox", help="Send the messages waiting in the outbox.")
