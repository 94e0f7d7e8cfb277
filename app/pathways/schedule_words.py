"""A schedule in words: an HSDS 3.0 schedule (an iCal rule in fields) as short easy-read sentences.

Pure: a schedule as a dict of its HSDS fields and a language ("en" or "cy") in, sentences out. The
words live here, not in the message catalogue, because Welsh needs them joined with mutations
("a thrydydd", "ail ddydd Mawrth") that a translated template cannot make. A rule that cannot be said
simply (week numbers, days of the year, every 2 months) gives the schedule's own description instead.
"""

from dataclasses import dataclass
from datetime import date

from app.pathways.importing.values import day_parts, numbers, parse_date

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORDS = {
    "en": {
        "days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "months": ("January February March April May June July August September October November December").split(),
        "ordinals": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last", -2: "second to last"},
        "and": "and",
        "every day": "Every day",
        "every week": "Every week",
        "every": "Every {days}",
        "run": "{first} to {last}",
        "every other": "Every other {day}",
        "every other week": "Every other week on {days}",
        "every n weeks": "Every {n} weeks on {days}",
        "month days": "On the {days} of the month",
        "last day": "On the last day of the month",
        "month one": "The {ordinals} {day} of the month",
        "month many": "{Ordinals} {day} of the month",
        "month mixed": "{parts} of the month",
        "times": "{rule}, {opens} to {closes}.",
        "from time": "{rule}, from {opens}.",
        "until time": "{rule}, until {closes}.",
        "only times": "{opens} to {closes}.",
        "runs": "It runs from {start} to {end}.",
        "starts": "It starts on {start}.",
        "ends": "It ends on {end}.",
        "first session": "The first session is on {start}.",
        "last session": "The last session is on {end}.",
        "once": "It happens once.",
        "count": "It happens {n} times.",
        "ask": "Ask the service when it happens.",
    },
    "cy": {
        "days": ("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"),
        "months": ("Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr").split(),
        "and": "a",
        "every day": "Bob dydd",
        "every week": "Bob wythnos",
        "every": "Bob {days}",
        "run": "{first} i ddydd {last}",
        "every other": "Bob yn ail ddydd {day}",
        "every other week": "Bob yn ail wythnos ar {days}",
        "every n weeks": "Bob {n} wythnos ar {days}",
        "month days": "Ar {days} o'r mis",
        "last day": "Ar ddiwrnod olaf y mis",
        "month one": "{parts} y mis",
        "month many": "{parts} y mis",
        "month mixed": "{parts} y mis",
        "times": "{rule}, {opens} tan {closes}.",
        "from time": "{rule}, o {opens}.",
        "until time": "{rule}, tan {closes}.",
        "only times": "{opens} tan {closes}.",
        "runs": "Mae'n digwydd o {start} tan {end}.",
        "starts": "Mae'n dechrau ar {start}.",
        "ends": "Mae'n gorffen ar {end}.",
        "first session": "Mae'r sesiwn gyntaf ar {start}.",
        "last session": "Mae'r sesiwn olaf ar {end}.",
        "once": "Mae'n digwydd unwaith.",
        "count": "Mae'n digwydd {n} gwaith.",
        "ask": "Gofynnwch i'r gwasanaeth pryd mae'n digwydd.",
    },
}
# Welsh: which week of the month, said with the day ("dydd Mercher cyntaf", "ail ddydd Mawrth").
CY_WEEK_OF_MONTH = {
    1: "dydd {day} cyntaf",
    2: "ail ddydd {day}",
    3: "trydydd dydd {day}",
    4: "pedwerydd dydd {day}",
    5: "pumed dydd {day}",
    -1: "dydd {day} olaf",
    -2: "dydd {day} olaf ond un",
}
CY_DAY_OF_MONTH = {
    1: "1af", 2: "2il", 3: "3ydd", 4: "4ydd", 5: "5ed", 6: "6ed", 7: "7fed", 8: "8fed", 9: "9fed", 10: "10fed",
    11: "11eg", 12: "12fed", 13: "13eg", 14: "14eg", 15: "15fed", 16: "16eg", 17: "17eg", 18: "18fed", 19: "19eg",
    20: "20fed",
}  # fmt: skip
ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}  # after "a" (and)
UNSAYABLE = ("byweekno", "byyearday")


@dataclass(frozen=True)
class Sentence:
    text: str
    from_record: bool = False  # the data's own words, in the language it was written in


class Unsayable(Exception):
    """The rule has no simple words; the description stands in."""


def schedule_sentences(schedule: dict, lang: str) -> list[Sentence]:
    """Easy-read sentences for one HSDS schedule in English ("en") or Welsh ("cy")."""
    lang = "cy" if lang == "cy" else "en"
    words = WORDS[lang]
    own = [Sentence(schedule[name], True) for name in ("attending_type", "notes") if schedule.get(name)]
    try:
        said = [Sentence(_rule_with_times(schedule, words, lang)), *_dates(schedule, words, lang)]
    except (Unsayable, ValueError):
        fallback = schedule.get("description")
        said = [Sentence(fallback, True) if fallback else Sentence(words["ask"])]
    return [sentence for sentence in said if sentence.text] + own


def _rule_with_times(schedule: dict, words: dict, lang: str) -> str:
    rule = _rule(schedule, words, lang)
    opens = _clock(schedule["opens_at"], lang) if schedule.get("opens_at") else None
    closes = _clock(schedule["closes_at"], lang) if schedule.get("closes_at") else None
    if rule is None:
        if opens and closes:
            return words["only times"].format(opens=_capital(opens), closes=closes)
        raise Unsayable
    if opens and closes:
        return words["times"].format(rule=rule, opens=opens, closes=closes)
    if opens:
        return words["from time"].format(rule=rule, opens=opens)
    if closes:
        return words["until time"].format(rule=rule, closes=closes)
    return rule + "."


def _rule(schedule: dict, words: dict, lang: str) -> str | None:
    """The repeating part, or None when the schedule gives no rule at all."""
    if any(schedule.get(name) for name in UNSAYABLE):
        raise Unsayable
    freq = schedule.get("freq")
    interval = int(schedule.get("interval") or 1)
    parts = day_parts(schedule["byday"]) if schedule.get("byday") else []
    month_days = numbers(schedule["bymonthday"], 31) if schedule.get("bymonthday") else []
    if freq is None and not parts and not month_days:
        return None
    if freq == "MONTHLY" or month_days or any(ordinal for ordinal, _ in parts):
        if interval != 1 or (parts and month_days):
            raise Unsayable
        if month_days:
            return _month_days(month_days, words, lang)
        if all(ordinal is None for ordinal, _ in parts):
            return _weekly([day for _, day in parts], 1, words, lang)
        return _weeks_of_month(parts, words, lang)
    return _weekly([day for _, day in parts], interval, words, lang)


def _weekly(days: list[str], interval: int, words: dict, lang: str) -> str:
    days = [day for day in DAYS if day in days]
    if not days:
        if interval == 1:
            return words["every week"]
        raise Unsayable
    if interval == 1:
        if len(days) == 7:
            return words["every day"]
        indexes = [DAYS.index(day) for day in days]
        if len(days) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
            first, last = (words["days"][i] for i in (indexes[0], indexes[-1]))
            return _capital(words["run"].format(first=_day(first, lang), last=last))
        return words["every"].format(days=_day_list(days, words, lang))
    if interval == 2 and len(days) == 1:
        return words["every other"].format(day=words["days"][DAYS.index(days[0])])
    key = "every other week" if interval == 2 else "every n weeks"
    listed = _day_list(days, words, lang)
    if lang == "cy":
        listed = "ddydd" + listed[len("dydd") :]  # soft mutation after "ar"
    return words[key].format(n=interval, days=listed)


def _weeks_of_month(parts: list[tuple[int | None, str]], words: dict, lang: str) -> str:
    if any(ordinal is None or ordinal not in CY_WEEK_OF_MONTH for ordinal, _ in parts):
        raise Unsayable
    parts = sorted(dict.fromkeys(parts), key=lambda p: (DAYS.index(p[1]), p[0] if p[0] > 0 else 10 - p[0]))
    days = list(dict.fromkeys(day for _, day in parts))
    if lang == "cy":
        phrases = [CY_WEEK_OF_MONTH[o].format(day=words["days"][DAYS.index(d)]) for o, d in parts]
        return words["month one"].format(parts=_capital(_join_cy(phrases)))
    names = {day: words["days"][DAYS.index(day)] for day in days}
    if len(days) == 1:
        ordinals = _join([words["ordinals"][o] for o, _ in parts], words)
        key = "month one" if len(parts) == 1 else "month many"
        return words[key].format(ordinals=ordinals, Ordinals=_capital(ordinals), day=names[days[0]])
    phrases = [f"{words['ordinals'][o]} {names[d]}" for o, d in parts]
    return words["month mixed"].format(parts=_capital(_join(phrases, words, article="the ")))


def _month_days(month_days: list[int], words: dict, lang: str) -> str:
    if month_days == [-1]:
        return words["last day"]
    if any(day < 0 for day in month_days):
        raise Unsayable
    month_days = sorted(set(month_days))
    if lang == "cy":
        listed = [f"y {CY_DAY_OF_MONTH.get(day, f'{day}ain')}" for day in month_days]
        joined = ", ".join(listed[:-1]) + " a'r " + listed[-1][2:] if len(listed) > 1 else listed[0]
        return words["month days"].format(days=joined)
    return words["month days"].format(days=_join([_english_ordinal(day) for day in month_days], words))


def _dates(schedule: dict, words: dict, lang: str) -> list[Sentence]:
    start, end = schedule.get("valid_from"), schedule.get("valid_to")
    out = []
    if start and end:
        out.append(words["runs"].format(start=_date(start, words), end=_date(end, words)))
    elif start:
        out.append(words["starts"].format(start=_date(start, words)))
    elif end:
        out.append(words["ends"].format(end=_date(end, words)))
    if schedule.get("dtstart") and schedule.get("dtstart") != start:
        out.append(words["first session"].format(start=_date(schedule["dtstart"], words)))
    if schedule.get("until") and schedule.get("until") != end:
        out.append(words["last session"].format(end=_date(schedule["until"], words)))
    count = schedule.get("count")
    if count:
        out.append(words["once"] if int(count) == 1 else words["count"].format(n=int(count)))
    return [Sentence(text) for text in out]


def _date(value: str, words: dict) -> str:
    day: date = parse_date(value)
    return f"{day.day} {words['months'][day.month - 1]} {day.year}"


def _clock(value: str, lang: str) -> str:
    """ "09:30" -> "9:30am" or "9:30 y bore"; "12:00" -> "12 noon" or "12 hanner dydd"."""
    hour, minute = int(value[:2]), int(value[3:5])
    shown = str(hour % 12 or 12) + (f":{minute:02d}" if minute else "")
    if minute == 0 and hour in (0, 12):
        noon = hour == 12
        return (
            f"12 {'noon' if noon else 'midnight'}" if lang == "en" else f"12 {'hanner dydd' if noon else 'hanner nos'}"
        )
    if lang == "en":
        return shown + ("am" if hour < 12 else "pm")
    return shown + (" y bore" if hour < 12 else " y prynhawn" if hour < 18 else " yr hwyr")


def _day(name: str, lang: str) -> str:
    return f"dydd {name}" if lang == "cy" else name


def _day_list(days: list[str], words: dict, lang: str) -> str:
    return _join([_day(words["days"][DAYS.index(day)], lang) for day in days], words)


def _join(items: list[str], words: dict, article: str = "") -> str:
    if len(items) == 1:
        return article + items[0]
    return ", ".join(article + item for item in items[:-1]) + f" {words['and']} {article}{items[-1]}"


def _join_cy(phrases: list[str]) -> str:
    """Welsh "a" (and) becomes "ac" before a vowel and changes c, p, t after it (a thrydydd)."""
    if len(phrases) == 1:
        return phrases[0]
    last = phrases[-1]
    if last[0] in "aeiouwy":
        joined = "ac " + last
    elif last[0] in ASPIRATE:
        joined = "a " + ASPIRATE[last[0]] + last[1:]
    else:
        joined = "a " + last
    return ", ".join(phrases[:-1]) + " " + joined


def _english_ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
