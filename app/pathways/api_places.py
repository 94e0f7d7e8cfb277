"""Where a postcode is, for `postcode` and `proximity` on /service_at_locations, with no network.

The directory knows a postcode when one of its addresses has it (or, for an outward code such as "SB2",
when one of its addresses is in that district). Its centre is the mean position of those addresses'
locations that have a latitude and longitude. Distances are measured on a flat map around that centre
(an equirectangular projection), which is within a fraction of a percent of the true distance over the
100 km at most that `proximity` allows.
"""

import math

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.pathways.api_params import BadParameter
from app.pathways.models import Address, Location

METRES_PER_DEGREE = 111_320  # of latitude, and of longitude at the equator


def _folded_postcode():
    return func.upper(func.replace(Address.postal_code, " ", ""))


def _has_postcode(outward: str, whole: str):
    if whole:
        return _folded_postcode() == whole.replace(" ", "")
    return _folded_postcode().like(outward + "___")  # the inward code is always three characters


def places(session: Session, outward: str, whole: str, proximity: int | None):
    """A subquery of the location ids at the postcode, or within `proximity` metres of its centre."""
    at_postcode = select(Address.location_id).where(_has_postcode(outward, whole))
    if session.scalar(at_postcode.limit(1)) is None:
        raise BadParameter("postcode", "No place in this directory has that postcode, so it cannot be used.")
    if proximity is None:
        return at_postcode
    centre = session.execute(
        select(func.avg(Location.latitude), func.avg(Location.longitude)).where(
            Location.id.in_(at_postcode), Location.latitude.is_not(None), Location.longitude.is_not(None)
        )
    ).one()
    if centre[0] is None:
        raise BadParameter("proximity", "No place with that postcode has a map position, so distance is unknown.")
    latitude, longitude = float(centre[0]), float(centre[1])
    squeeze = math.cos(math.radians(latitude))  # a degree of longitude is shorter away from the equator
    north = (Location.latitude - latitude) * METRES_PER_DEGREE
    east = (Location.longitude - longitude) * METRES_PER_DEGREE * squeeze
    return select(Location.id).where(
        and_(Location.latitude.is_not(None), Location.longitude.is_not(None)),
        north * north + east * east <= float(proximity) ** 2,
    )
