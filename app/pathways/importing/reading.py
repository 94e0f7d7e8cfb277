"""Reading an import file: a JSON array of HSDS services, or a page of them ({"contents": [...]})."""

import json
from pathlib import Path

from app.pathways.importing.problems import ImportFailed, Problem
from app.pathways.limits import MAX_FILE_BYTES, MAX_RECORDS

FILE = "file"


def read_records(path: str | Path) -> list:
    """The records in the file, or ImportFailed saying plainly why there are none."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(f"The file is {size:,} bytes; at most {MAX_FILE_BYTES:,} are allowed.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise _fail(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise _fail(f"The file cannot be read: {error.strerror}.") from None
    return parse_records(raw)


def parse_records(raw: bytes) -> list:
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_not_json)
    except UnicodeDecodeError:
        raise _fail("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise _fail(f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}.") from None
    except RecursionError:
        raise _fail("The file is nested too deeply to read.") from None
    if isinstance(data, dict) and "contents" in data:
        data = data["contents"]
    if not isinstance(data, list):
        raise _fail('The file must hold a JSON array of services, or a page with a "contents" array.')
    if len(data) > MAX_RECORDS:
        raise _fail(f"The file has {len(data):,} records; at most {MAX_RECORDS:,} can be imported at once.")
    return data


def _not_json(name: str):
    """JSON has no NaN or Infinity, though Python would read them."""
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


def _fail(message: str) -> ImportFailed:
    return ImportFailed([Problem(FILE, "", message)])
