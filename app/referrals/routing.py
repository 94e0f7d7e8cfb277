"""Where a request for help goes: the one rule, used by the pages that say it and the code that saves it."""

from app.pathways.models import Service


def goes_to_council(service: Service | None) -> bool:
    """True when the council's team takes the request: no service was named, the service is gone from the
    directory, or it needs a worker's referral (self_referral is False). Otherwise the service takes it."""
    return service is None or service.self_referral is False
