"""One referral: its page, status changes, notes and signposting to another service."""
