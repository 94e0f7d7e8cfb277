"""Download one pinned package from the npm registry as a tarball, for the asset scripts."""

import json
import subprocess
from pathlib import Path


def npm_pack(spec: str, dest: Path) -> Path:
    """Fetch `name@version` into dest with `npm pack` and return the tarball's path."""
    result = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(dest)],
        cwd=dest,
        check=True,
        capture_output=True,
        text=True,
    )
    # npm may print warnings before the JSON on stdout.
    payload = json.loads(result.stdout[result.stdout.index("[") :])
    return dest / payload[0]["filename"]
