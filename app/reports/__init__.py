"""Figures a council reports: referrals, first contact, job starts and sustained outcomes for a period,
counted once (`figures.py`) for the staff dashboard, its CSVs and the public results page, with small
numbers hidden in anything that leaves the staff side (`suppress`)."""
