"""Checks on one record: the HSDS schema, our extension, and what the schema does not catch."""

import math
from datetime import UTC, datetime

from app.pathways import schema
from app.pathways.extension import KEY
from app.pathways.extension import validator as extension_validator
from app.pathways.importing.problems import Problem, field_path, shorten
from app.pathways.importing.values import TIME, check_link, check_schedule
from app.pathways.limits import MAX_AGE, MIN_AGE, limit_for

UUID_LENGTH = 36


def record_label(record, position: int) -> str:
    """How problems name a record: its id when it has a sensible one, else its place in the file."""
    if isinstance(record, dict) and isinstance(record.get("id"), str) and 0 < len(record["id"]) <= UUID_LENGTH:
        return record["id"]
    return f"#{position}"


def check_record(record, position: int, symbols: set[str]) -> list[Problem]:
    """Every problem with one service record on its own."""
    label = record_label(record, position)
    if not isinstance(record, dict):
        return [Problem(label, "", "is not a JSON object (a service record in {...}).")]
    problems = [
        Problem(label, field_path(error.absolute_path), shorten(error.message))
        for error in schema.validator().iter_errors(record)
    ]
    problems += _check_values(record, label, [])
    problems += _check_ages(record, label)
    problems += _check_modified(record, label)
    extension = record.get(KEY)
    if extension is not None:
        problems += [
            Problem(label, field_path([KEY, *error.absolute_path]), shorten(error.message))
            for error in extension_validator().iter_errors(extension)
        ]
        concept = extension.get("symbol") if isinstance(extension, dict) else None
        if isinstance(concept, str) and concept not in symbols:
            problems.append(
                Problem(label, f"{KEY}.symbol", f"'{shorten(concept)}' is not a symbol in the symbol index.")
            )
    return problems


def _check_values(value, label: str, path: list) -> list[Problem]:
    """Lengths of texts, whole numbers, sane numbers and times, at any depth."""
    problems = []
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    if isinstance(value, dict):
        for key, item in value.items():
            problems += _check_values(item, label, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems += _check_values(item, label, [*path, index])
            if name == "schedules":
                problems += check_schedule(item, label, [*path, index])
    elif isinstance(value, str):
        if len(value) > limit_for(name):
            problems.append(
                Problem(
                    label,
                    field_path(path),
                    f"is {len(value):,} characters long; at most {limit_for(name):,} are allowed.",
                )
            )
        if "\x00" in value:
            problems.append(Problem(label, field_path(path), "contains a NUL character, which text cannot hold."))
        if name in ("opens_at", "closes_at") and not TIME.match(value):
            problems.append(Problem(label, field_path(path), "must be a time like 09:30 (or 09:30Z, or 09:30+01:00)."))
        link_problem = check_link(name, value)
        if link_problem:
            problems.append(Problem(label, field_path(path), link_problem))
    elif isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(label, field_path(path), "must be a real number."))
    elif _is_number(value):
        if name in ("extension", "interval", "count") and not float(value).is_integer():
            problems.append(Problem(label, field_path(path), "must be a whole number."))
        if name == "amount" and value < 0:
            problems.append(Problem(label, field_path(path), "cannot be less than 0."))
        if name == "latitude" and not -90 <= value <= 90 or name == "longitude" and not -180 <= value <= 180:
            problems.append(Problem(label, field_path(path), "is not a place on Earth."))
    return problems


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_ages(record: dict, label: str) -> list[Problem]:
    problems, ages = [], {}
    for name in ("minimum_age", "maximum_age"):
        age = record.get(name)
        if not _is_number(age) or not math.isfinite(age):
            continue
        if not float(age).is_integer():
            problems.append(Problem(label, name, "must be a whole number of years."))
        elif not MIN_AGE <= age <= MAX_AGE:
            problems.append(Problem(label, name, f"must be between {MIN_AGE} and {MAX_AGE} years."))
        else:
            ages[name] = age
    if len(ages) == 2 and ages["minimum_age"] > ages["maximum_age"]:
        problems.append(
            Problem(
                label, "minimum_age", f"({ages['minimum_age']:g}) is more than maximum_age ({ages['maximum_age']:g})."
            )
        )
    return problems


def parse_modified(value: str) -> datetime:
    """An HSDS date-time as UTC, to the second."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def _check_modified(record: dict, label: str) -> list[Problem]:
    value = record.get("last_modified")
    if not isinstance(value, str) or len(value) > 40:
        return []
    try:
        parse_modified(value)
    except ValueError:
        return [Problem(label, "last_modified", "must be a date and time like 2026-11-01T09:00:00Z.")]
    return []
