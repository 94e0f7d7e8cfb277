"""A period chosen in the address (from and to, as 2026-11-27), for the dashboard and the claim pack: this
financial year to today unless chosen; a date that is not understood is left out with a message."""

from dataclasses import dataclass
from datetime import date

LAST_YEAR = 9998


@dataclass
class Period:
    first: date
    last: date
    typed: dict
    problems: dict

    def args(self) -> dict[str, str]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}


def financial_year_start(today: date) -> date:
    return date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def choose_period(args, today: date) -> Period:
    """The dates in the address, or this financial year to today; a date not understood is left out."""
    typed = {name: (args.get(name) or "").strip()[:100] for name in ("from", "to")}
    days, problems = {"from": financial_year_start(today), "to": today}, {}
    for name in days:
        if not typed[name]:
            continue
        try:
            day = date.fromisoformat(typed[name])
        except ValueError:
            problems[name] = "Write the date like 2026-11-27 (year, month, day). We left this date out."
            continue
        if day.year > LAST_YEAR:
            problems[name] = f"Choose a date in {LAST_YEAR} or before. We left this date out."
            continue
        days[name] = day
    if days["from"] > days["to"]:
        problems["to"] = "The 'to' date is before the 'from' date, so we show up to today."
        days["to"] = max(today, days["from"])
    return Period(days["from"], days["to"], typed, problems)
