"""Checks across the records of one file: duplicate ids, things given two ways, references that lead nowhere."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from app.pathways.extension import KEY
from app.pathways.fields import ORGANIZATION, TAXONOMY, TAXONOMY_TERM, location_key, pick
from app.pathways.importing.checks import record_label
from app.pathways.importing.problems import Problem
from app.pathways.taxonomies import LADDER, TAXONOMY_IDS, TERM_IDS

# list on a service -> the kind of object in it, for duplicate ids
CHILD_KINDS = (
    "contacts",
    "phones",
    "schedules",
    "service_areas",
    "languages",
    "cost_options",
    "service_at_locations",
    "attributes",
)


class Directory(Protocol):
    """What is already stored, as far as the checks need to know."""

    def existing(self, kind: str, ids: set[str]) -> set[str]: ...

    def used_elsewhere(self, kind: str, ids: set[str], services: set[str], locations: set[str]) -> dict[str, str]: ...


class EmptyDirectory:
    def existing(self, kind, ids):
        return set()

    def used_elsewhere(self, kind, ids, services, locations):
        return {}


@dataclass
class Seen:
    """The first copy of each shared object in the file, to compare later copies with."""

    first: dict[str, tuple[str, dict]] = field(default_factory=dict)

    def compare(self, what: str, key: str, value: dict, label: str, where: str) -> Problem | None:
        if key not in self.first:
            self.first[key] = (label, value)
            return None
        first_label, first_value = self.first[key]
        if first_value == value:
            return None
        differ = sorted(name for name in set(value) | set(first_value) if value.get(name) != first_value.get(name))
        return Problem(
            label, where, f"{what} {key} is given differently in record {first_label} ({', '.join(differ)})."
        )


def children(record: dict, kind: str) -> list[tuple[str, dict]]:
    """(field path, object) for each object of one kind in a service record, where the directory keeps it."""
    out = [(f"{kind}[{i}]", obj) for i, obj in enumerate(record.get(kind) or []) if isinstance(obj, dict)]
    if kind == "phones":
        for c, contact in children(record, "contacts"):
            out += [
                (f"{c}.phones[{i}]", obj) for i, obj in enumerate(contact.get("phones") or []) if isinstance(obj, dict)
            ]
    if kind == "schedules":
        for s, sal in children(record, "service_at_locations"):
            out += [
                (f"{s}.schedules[{i}]", obj)
                for i, obj in enumerate(sal.get("schedules") or [])
                if isinstance(obj, dict)
            ]
    return out


def check_file(entries: list[tuple[int, dict]], directory: Directory) -> list[Problem]:
    """Problems between records, given as (position in the file, record) for records valid on their own."""
    records = [record for _, record in entries]
    labels = [record_label(record, position) for position, record in entries]
    problems = _duplicate_services(records, labels)
    problems += _duplicate_children(records, labels, directory)
    organizations = Seen()
    locations = Seen()
    problems += _organizations(records, labels, organizations, directory)
    problems += _locations(records, labels, locations, organizations, directory)
    problems += _terms(records, labels, directory)
    problems += _areas(records, labels)
    return problems


def _duplicate_services(records, labels) -> list[Problem]:
    counts = Counter(record["id"] for record in records)
    return [
        Problem(label, "id", "is used by more than one record in the file.")
        for record, label in zip(records, labels)
        if counts[record["id"]] > 1
    ]


def _duplicate_children(records, labels, directory: Directory) -> list[Problem]:
    problems = []
    services = {record["id"] for record in records}
    locations = {
        sal["location"]["id"]
        for record in records
        for _, sal in children(record, "service_at_locations")
        if isinstance(sal.get("location"), dict)
    }
    for kind in CHILD_KINDS:
        where_ids = [
            (label, path, obj["id"]) for record, label in zip(records, labels) for path, obj in children(record, kind)
        ]
        counts = Counter(obj_id for _, _, obj_id in where_ids)
        elsewhere = directory.used_elsewhere(kind, set(counts), services, locations)
        for label, path, obj_id in where_ids:
            if counts[obj_id] > 1:
                problems.append(
                    Problem(
                        label,
                        f"{path}.id",
                        f"{obj_id} is used by more than one {kind[:-1].replace('_', ' ')} in the file.",
                    )
                )
            if obj_id in elsewhere:
                problems.append(
                    Problem(label, f"{path}.id", f"{obj_id} already belongs to another service ({elsewhere[obj_id]}).")
                )
    return problems


def _organizations(records, labels, seen: Seen, directory: Directory) -> list[Problem]:
    problems, only_ids = [], []
    for record, label in zip(records, labels):
        organization, organization_id = record.get("organization"), record.get("organization_id")
        if organization and organization_id and organization["id"] != organization_id:
            problems.append(
                Problem(
                    label,
                    "organization_id",
                    f"{organization_id} does not match organization.id ({organization['id']}).",
                )
            )
        if organization:
            problem = seen.compare(
                "Organization", organization["id"], pick(organization, ORGANIZATION), label, "organization"
            )
            problems += [problem] if problem else []
        elif organization_id:
            only_ids.append((label, organization_id))
        else:
            problems.append(
                Problem(label, "organization", "is missing: every service needs the organization that runs it.")
            )
    known = set(seen.first) | directory.existing("organization", {i for _, i in only_ids})
    problems += [
        Problem(label, "organization_id", f"{i} is not in the file or the directory.")
        for label, i in only_ids
        if i not in known
    ]
    return problems


def _locations(records, labels, seen: Seen, organizations: Seen, directory: Directory) -> list[Problem]:
    problems, only_ids, location_orgs, address_owner, schedule_owner = [], [], [], {}, {}
    service_schedules = {obj["id"] for record in records for _, obj in children(record, "schedules")}
    for record, label in zip(records, labels):
        for path, sal in children(record, "service_at_locations"):
            location, location_id = sal.get("location"), sal.get("location_id")
            if location and location_id and location["id"] != location_id:
                problems.append(
                    Problem(
                        label, f"{path}.location_id", f"{location_id} does not match location.id ({location['id']})."
                    )
                )
            if location:
                problem = seen.compare("Location", location["id"], location_key(location), label, f"{path}.location")
                problems += [problem] if problem else []
                if location.get("organization_id"):
                    location_orgs.append((label, f"{path}.location.organization_id", location["organization_id"]))
                for a, address in enumerate(location.get("addresses") or []):
                    owner = address_owner.setdefault(address["id"], location["id"])
                    if owner != location["id"]:
                        problems.append(
                            Problem(
                                label,
                                f"{path}.location.addresses[{a}].id",
                                f"{address['id']} is also an address of location {owner}.",
                            )
                        )
                for s, schedule in enumerate(location.get("schedules") or []):
                    owner = schedule_owner.setdefault(schedule["id"], location["id"])
                    if owner != location["id"] or schedule["id"] in service_schedules:
                        problems.append(
                            Problem(
                                label,
                                f"{path}.location.schedules[{s}].id",
                                f"{schedule['id']} is also the id of another schedule in the file.",
                            )
                        )
            elif location_id:
                only_ids.append((label, f"{path}.location_id", location_id))
            else:
                problems.append(Problem(label, path, "has no location: give location or location_id."))
    elsewhere = directory.used_elsewhere("addresses", set(address_owner), set(), set(seen.first))
    problems += [
        Problem("file", "addresses", f"{a} already belongs to another location ({elsewhere[a]}).")
        for a in sorted(elsewhere)
    ]
    elsewhere = directory.used_elsewhere("location_schedules", set(schedule_owner), set(), set(seen.first))
    problems += [
        Problem("file", "schedules", f"{s} already belongs to another location or service ({elsewhere[s]}).")
        for s in sorted(elsewhere)
    ]
    known = set(seen.first) | directory.existing("location", {i for _, _, i in only_ids})
    problems += [
        Problem(label, where, f"{i} is not in the file or the directory.")
        for label, where, i in only_ids
        if i not in known
    ]
    known_orgs = set(organizations.first) | directory.existing("organization", {i for _, _, i in location_orgs})
    problems += [
        Problem(label, where, f"{i} is not in the file or the directory.")
        for label, where, i in location_orgs
        if i not in known_orgs
    ]
    return problems


def _terms(records, labels, directory: Directory) -> list[Problem]:
    problems, only_ids, terms, taxonomies = [], [], Seen(), Seen()
    for record, label in zip(records, labels):
        steps, used = 0, Counter()
        for path, attribute in children(record, "attributes"):
            term, term_id = attribute.get("taxonomy_term"), attribute.get("taxonomy_term_id")
            if term and term_id and term["id"] != term_id:
                problems.append(
                    Problem(
                        label, f"{path}.taxonomy_term_id", f"{term_id} does not match taxonomy_term.id ({term['id']})."
                    )
                )
            resolved = (term or {}).get("id") or term_id
            if not resolved:
                problems.append(Problem(label, path, "has no taxonomy term: give taxonomy_term or taxonomy_term_id."))
                continue
            used[resolved] += 1
            ours = _our_term_problem(term, resolved, label, path)
            if ours is not None:
                problems += ours
                steps += resolved in TERM_IDS and TERM_IDS[resolved][0] is LADDER
            elif term:
                detail = term.get("taxonomy_detail")
                if detail and term.get("taxonomy_id") and detail["id"] != term["taxonomy_id"]:
                    problems.append(
                        Problem(label, f"{path}.taxonomy_term.taxonomy_id", "does not match taxonomy_detail.id.")
                    )
                for seen, what, key, value, where in (
                    (terms, "Taxonomy term", term["id"], pick(term, TAXONOMY_TERM), f"{path}.taxonomy_term"),
                    (
                        taxonomies,
                        "Taxonomy",
                        (detail or {}).get("id"),
                        pick(detail or {}, TAXONOMY),
                        f"{path}.taxonomy_term.taxonomy_detail",
                    ),
                ):
                    problem = seen.compare(what, key, value, label, where) if key else None
                    problems += [problem] if problem else []
            else:
                only_ids.append((label, f"{path}.taxonomy_term_id", resolved))
        if steps > 1:
            problems.append(
                Problem(label, "attributes", "puts the service on more than one step of the ladder; choose one.")
            )
        problems += [
            Problem(label, "attributes", f"link the taxonomy term {t} more than once.")
            for t, n in used.items()
            if n > 1
        ]
    known = set(terms.first) | directory.existing("taxonomy_term", {i for _, _, i in only_ids})
    problems += [
        Problem(label, where, f"{i} is not a taxonomy term in the file or the directory.")
        for label, where, i in only_ids
        if i not in known
    ]
    return problems


def _our_term_problem(term: dict | None, term_id: str, label: str, path: str) -> list[Problem] | None:
    """Problems with a term of one of our vocabularies; None when the term is someone else's."""
    taxonomy_id = (term or {}).get("taxonomy_id") or ((term or {}).get("taxonomy_detail") or {}).get("id")
    if term_id in TERM_IDS:
        vocabulary, code = TERM_IDS[term_id]
        if term and (term.get("code") not in (None, code) or taxonomy_id not in (None, vocabulary.id)):
            return [
                Problem(
                    label,
                    f"{path}.taxonomy_term",
                    f"{term_id} is our term '{code}' in '{vocabulary.key}'; its code or taxonomy differ.",
                )
            ]
        return []
    if taxonomy_id not in TAXONOMY_IDS:
        return None
    vocabulary = TAXONOMY_IDS[taxonomy_id]
    code = term.get("code")
    if code in vocabulary.terms:
        return [
            Problem(
                label,
                f"{path}.taxonomy_term.id",
                f"'{code}' in '{vocabulary.key}' has the id {vocabulary.term_id(code)}, not {term_id}.",
            )
        ]
    return [
        Problem(
            label,
            f"{path}.taxonomy_term.code",
            f"'{code}' is not a term in '{vocabulary.key}'. Known terms: {', '.join(vocabulary.terms)}.",
        )
    ]


def _areas(records, labels) -> list[Problem]:
    seen, problems = Seen(), []
    for record, label in zip(records, labels):
        area = (record.get(KEY) or {}).get("area")
        if area:
            problem = seen.compare("Area", area["id"], area["name"], label, f"{KEY}.area")
            problems += [problem] if problem else []
    return problems
