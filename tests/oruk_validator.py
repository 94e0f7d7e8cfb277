"""A check of the API that works as the Open Referral UK validator (OpenReferralUK/oruk-validator) does.

- The version is read from the root (`version`, with "HSDS-UK-" and "v" taken off); it names the profile's
  own OpenAPI description (`<version>/openapi.json`), which is what every answer is checked against, not the
  one the site serves. Only 3.0 is shipped here: any other version is an error.
- Each path's tags say whether it is required or optional. A required path that does not answer 2xx, or
  answers against its schema, is an error; an optional one is a warning.
- A list is asked for page 1, then (if it has more than one page) the middle page (total_pages // 2, when
  there are more than two) and the last page. A list whose first page holds no items is an empty feed: a
  warning, and no more pages are asked for.
- The ids on a list's first page are gathered; `/{path}/{id}` is then asked for with up to ten of them,
  chosen at random, and each answer is checked against that path's schema. With no ids (an empty feed)
  it is not tested, which is a warning.
- Extra fields (our `x_mywaytowork`) are not reported, as the validator's default does not report them.

`validate(client)` returns a Report with its errors and warnings; each is (path, message).
"""

import json
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).resolve().parent / "oruk_schema"
BASE = "https://openreferraluk.org/specifications/3.0/schema/"
IDS_TO_TEST = 10


@dataclass
class Report:
    version: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problem(self, optional: bool, path: str, message: str) -> None:
        (self.warnings if optional else self.errors).append((path, message))


def version_number(version: str) -> str | None:
    """ "HSDS-UK-3.0" -> "3.0", as the validator reads it; None when it is no number."""
    text = version.replace("HSDS-UK-", "").replace("hsds-uk-", "").replace("V", "").replace("v", "").strip()
    try:
        return f"{float(text):.1f}"
    except ValueError:
        return None


@cache
def _registry(version: str) -> Registry:
    folder = SCHEMAS / f"oruk-{version}"
    resources = []
    for path in folder.glob("*.json"):
        if path.name != "openapi.json":
            contents = json.loads(path.read_text(encoding="utf-8"))
            resources.append((BASE + path.name, DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


@cache
def openapi(version: str) -> dict | None:
    """The profile's OpenAPI description for a version, or None when it is not one the validator knows."""
    path = SCHEMAS / f"oruk-{version}" / "openapi.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@cache
def _validator(version: str, ref: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": ref}, registry=_registry(version), format_checker=FormatChecker())


def _is_optional(operation: dict) -> bool:
    return any(str(tag).lower() == "optional" for tag in operation.get("tags", []))


def _schema_ref(operation: dict) -> str:
    return operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]


def _has_page_parameter(spec: dict, operation: dict) -> bool:
    for parameter in operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
        if parameter.get("name") == "page" and parameter.get("in") == "query":
            return True
    return False


class _Check:
    def __init__(self, client, prefix: str, version: str, spec: dict, report: Report, rng: random.Random):
        self.client, self.prefix, self.version, self.spec = client, prefix, version, spec
        self.report, self.rng = report, rng

    def get(self, path: str, optional: bool, shown_as: str):
        """The JSON body of a 2xx answer, or None after reporting what went wrong."""
        self.report.requests.append(path)
        response = self.client.get(self.prefix + path)
        if not 200 <= response.status_code < 300:
            kind = "Optional" if optional else "Required"
            self.report.problem(
                optional, shown_as, f"{kind} endpoint returned non-success status {response.status_code}"
            )
            return None
        try:
            return json.loads(response.get_data(as_text=True))
        except ValueError:
            self.report.problem(optional, shown_as, "the answer is not JSON")
            return None

    def against_schema(self, body, operation: dict, optional: bool, shown_as: str) -> None:
        for error in _validator(self.version, _schema_ref(operation)).iter_errors(body):
            where = "/".join(str(part) for part in error.absolute_path)
            self.report.problem(optional, shown_as, f"{where}: {error.message[:200]}")

    def a_list(self, path: str, operation: dict) -> list[str]:
        """Pages 1, middle and last of a list, each checked; the ids on page 1."""
        optional = _is_optional(operation)
        paged = _has_page_parameter(self.spec, operation)
        first = self.get(f"{path}?page=1" if paged else path, optional, path)
        if first is None:
            return []
        self.against_schema(first, operation, optional, path)
        contents = first.get("contents") if isinstance(first, dict) else first
        items = contents if isinstance(contents, list) else []
        if not items:
            self.report.warnings.append((path, "EMPTY_FEED_WARNING: the list returned 0 items"))
            return []
        pages = first.get("total_pages") if isinstance(first, dict) else None
        if paged and isinstance(pages, int) and pages > 1:
            for number in ([pages // 2] if pages > 2 else []) + [pages]:
                body = self.get(f"{path}?page={number}", optional, f"{path}?page={number}")
                if body is not None:
                    self.against_schema(body, operation, optional, f"{path}?page={number}")
        return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]

    def by_id(self, path: str, operation: dict, ids: list[str]) -> None:
        optional = _is_optional(operation)
        if not ids:  # not tested: a warning whether the path is required or not
            self.report.warnings.append((path, "NO_IDS_AVAILABLE: not tested, its list gave no ids"))
            return
        chosen = ids if len(ids) <= IDS_TO_TEST else self.rng.sample(ids, IDS_TO_TEST)
        for given in chosen:
            where = path.replace("{id}", given)
            body = self.get(where, optional, where)
            if body is not None:
                self.against_schema(body, operation, optional, where)


def validate(client, root: str = "/api", seed: int | None = None) -> Report:
    """Check the API under `root` as the national validator does."""
    report = Report()
    response = client.get(root + "/")
    if response.status_code != 200:
        report.errors.append(("/", f"the root returned {response.status_code}"))
        return report
    details = response.get_json(silent=True) or {}
    report.version = str(details.get("version") or "")
    number = version_number(report.version)
    spec = openapi(number) if number else None
    if spec is None:
        report.errors.append(("/", f"no Open Referral UK description for version {report.version!r}"))
        return report
    check = _Check(client, root, number, spec, report, random.Random(seed))
    check.against_schema(details, spec["paths"]["/"]["get"], _is_optional(spec["paths"]["/"]["get"]), "/")
    ids: dict[str, list[str]] = {}
    collections = [p for p in spec["paths"] if p != "/" and "{" not in p]
    for path in collections:
        ids[path] = check.a_list(path, spec["paths"][path]["get"])
    for path, item in spec["paths"].items():
        if "{id}" in path:
            check.by_id(path, item["get"], ids.get(path.rsplit("/{id}", 1)[0], []))
    return report
