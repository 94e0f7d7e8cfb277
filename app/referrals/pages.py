"""The referral journey's pages with examples, for the checks, the sweep and the audio build."""
REFERRAL_PAGES: dict[str, dict | list[dict]] = {}
REFERRAL_NOT_PAGES: set[str] = set()
