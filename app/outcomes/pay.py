"""The legal minimum hourly pay for a person's age on a day (the National Minimum Wage and National Living
Wage, and the apprentice rate), from `app/data/minimum-wage.json`, which lists each year's rates from the
day they start. Plain data in, plain data out."""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

RATES_FILE = Path(__file__).resolve().parents[1] / "data" / "minimum-wage.json"
APPRENTICE_RATE_UNDER = 19  # apprentices under this age get the apprentice rate for all of their apprenticeship


@dataclass(frozen=True)
class Rates:
    starts: date
    by_age: tuple[tuple[int, Decimal], ...]  # (lowest age, rate), oldest band first
    apprentice: Decimal


@cache
def all_rates(path: Path = RATES_FILE) -> tuple[Rates, ...]:
    """Every year's rates, earliest first."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        sorted(
            (
                Rates(
                    date.fromisoformat(entry["from"]),
                    tuple(
                        sorted(((band["from_age"], Decimal(band["rate"])) for band in entry["by_age"]), reverse=True)
                    ),
                    Decimal(entry["apprentice"]),
                )
                for entry in data["rates"]
            ),
            key=lambda rates: rates.starts,
        )
    )


def minimum_hourly_pay(
    on: date, age: int | None, apprenticeship: bool = False, first_year: bool = False
) -> Decimal | None:
    """The lowest hourly pay that is legal on this day at this age; None before the first rates we hold.
    An unknown age gets the adult rate: a pay that passes it is legal at every age."""
    rates = next((r for r in reversed(all_rates()) if r.starts <= on), None)
    if rates is None:
        return None
    if apprenticeship and age is not None and (age < APPRENTICE_RATE_UNDER or first_year):
        return rates.apprentice
    if age is None:
        return rates.by_age[0][1]
    return next(rate for lowest, rate in rates.by_age if age >= lowest)
