"""Each install signs its sessions with its own key: development makes one under instance/ and keeps it,
and production refuses a short key or any key written in the project's files."""

import re
import stat
import subprocess

import pytest

from app.config import KNOWN_KEYS, PROJECT_ROOT, ConfigError, instance_secret_key, load_config
from tests.site import PRODUCTION_SETTINGS as PRODUCTION


def test_development_without_a_key_makes_one_only_its_owner_can_read(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    key_file = tmp_path / "instance" / "secret_key"
    settings = load_config({"APP_ENV": "development", "SECRET_KEY": None, "SECRET_KEY_FILE": str(key_file)})
    assert re.fullmatch(r"[0-9a-f]{64}", settings["SECRET_KEY"])
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() == settings["SECRET_KEY"]


def test_development_keeps_its_key_from_one_start_to_the_next(tmp_path):
    key_file = tmp_path / "secret_key"
    first = load_config({"APP_ENV": "development", "SECRET_KEY": None, "SECRET_KEY_FILE": str(key_file)})
    again = load_config({"APP_ENV": "development", "SECRET_KEY": None, "SECRET_KEY_FILE": str(key_file)})
    assert first["SECRET_KEY"] == again["SECRET_KEY"]


def test_two_installs_get_different_keys(tmp_path):
    assert instance_secret_key(tmp_path / "one") != instance_secret_key(tmp_path / "two")


def test_a_kept_key_file_that_others_could_read_is_made_private_again(tmp_path):
    key_file = tmp_path / "secret_key"
    key = instance_secret_key(key_file)
    key_file.chmod(0o644)
    assert instance_secret_key(key_file) == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_an_empty_key_file_is_refused_with_what_to_do(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("")
    with pytest.raises(ConfigError, match="delete it"):
        instance_secret_key(key_file)


def test_development_with_secret_key_set_uses_it_and_writes_no_file(tmp_path):
    key_file = tmp_path / "secret_key"
    settings = load_config({"APP_ENV": "development", "SECRET_KEY": "k" * 40, "SECRET_KEY_FILE": str(key_file)})
    assert settings["SECRET_KEY"] == "k" * 40 and not key_file.exists()


def test_the_development_settings_ship_no_key():
    from app.config import DevelopmentConfig

    assert "SECRET_KEY" not in vars(DevelopmentConfig)


@pytest.mark.parametrize(
    "key", ["short-key", "x" * 31, "a" * 64, "ab" * 40, *sorted(KNOWN_KEYS), "Development-Only-Not-Secret"]
)
def test_production_refuses_a_short_simple_or_known_key(key):
    with pytest.raises(ConfigError, match="SECRET_KEY is"):
        load_config({**PRODUCTION, "SECRET_KEY": key})


def test_production_accepts_a_long_random_key():
    assert load_config(PRODUCTION)["SECRET_KEY"] == PRODUCTION["SECRET_KEY"]


def _keys_written_in_the_project() -> set[str]:
    """Every value given to SECRET_KEY in a file git tracks: Python, docs, Makefile, CI."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    pattern = re.compile(r"""SECRET_KEY["']?\s*[:=]\s*(?:os\.environ\.get\([^)]*?,\s*)?["']([^"'\s]+)["']""")
    found = set()
    for name in files:
        path = PROJECT_ROOT / name
        if (
            path.suffix not in {".py", ".md", ".cfg", ".toml", ".ini", ".yaml", ".yml", ".env", ""}
            or not path.is_file()
        ):
            continue
        found.update(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def test_production_refuses_every_key_written_in_the_project():
    keys = _keys_written_in_the_project()
    assert "test-only-not-secret" in keys and "bench-only-not-secret" in keys  # the search finds them
    for key in keys:
        with pytest.raises(ConfigError, match="SECRET_KEY is"):
            load_config({**PRODUCTION, "SECRET_KEY": key})
