"""Resume codes: three easy words and four digits, easy to write down or read out."""

import hashlib
import hmac
import re
import secrets
from functools import lru_cache
from importlib import resources

DIGITS = 4


@lru_cache(maxsize=1)
def words() -> tuple[str, ...]:
    """The EFF short word list: 1,296 short, common words chosen to be easy to remember and type."""
    text = (resources.files("xkcdpass") / "static" / "eff-short").read_text(encoding="utf-8")
    return tuple(sorted({w.strip().lower() for w in text.split() if w.strip().isalpha()}))


def bits_of_randomness() -> float:
    import math

    return 3 * math.log2(len(words())) + DIGITS * math.log2(10)


def new_code() -> str:
    """A fresh code like 'frog-lamp-mint-4821' (about 44 bits of randomness)."""
    choice = words()
    picked = [secrets.choice(choice) for _ in range(3)]
    return "-".join(picked + [f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"])


def normalise(typed: str) -> str | None:
    """Forgive case, spaces and punctuation: 'Frog Lamp, mint 4821' -> 'frog-lamp-mint-4821'."""
    parts = re.findall(r"[a-z]+|\d+", (typed or "").lower()[:200])
    letters = [p for p in parts if p.isalpha()]
    digits = "".join(p for p in parts if p.isdigit())
    if len(letters) != 3 or len(digits) != DIGITS or any(w not in set(words()) for w in letters):
        return None
    return "-".join(letters + [digits])


def code_hash(code: str, secret: str) -> str:
    """A keyed hash, so a copy of the database alone cannot be searched for codes."""
    return hmac.new(secret.encode(), code.encode(), hashlib.sha256).hexdigest()
