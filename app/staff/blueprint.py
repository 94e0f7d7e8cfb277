"""The staff blueprint, shared by the staff route modules. Staff pages are in English."""
from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")
