"""Job outcomes: one hours ledger per person (jobs and hours check-ins), each programme's outcome rule as
data (`programmes/*.yaml`), one pure function that applies a rule to a ledger (`rules.py`), and the legal
minimum hourly pay by age and date (`pay.py`)."""
