"""Round the numbers in SVG path data to whole units without letting errors add up.

Relative commands ("l 2.5 -1.3") are rewritten from the rounded position the path has reached, so
the rounding error of every point stays under half a unit however long the path is. Mulberry
drawings use an 850-unit box shown at 48 to 100 pixels, so half a unit is well under a tenth of a pixel.
"""

from __future__ import annotations

import re

NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
FLAG = re.compile(r"\s*,?\s*([01])")
NUMBER = re.compile(r"\s*,?\s*(" + NUM + ")")
SEPARATORS = re.compile(r"[\s,]*")


def _tokens(d: str) -> list[str | float]:
    """Commands as letters and numbers as floats; arc flags ("a5 5 0 015 5") are read one digit each."""
    out: list[str | float] = []
    pos, command, count = 0, "", 0
    while pos < len(d):
        match = SEPARATORS.match(d, pos)
        pos = match.end()
        if pos >= len(d):
            break
        if d[pos].isalpha():
            command, count = d[pos], 0
            if command.lower() not in ARGS:
                raise ValueError(f"unknown path command {command!r}")
            out.append(command)
            pos += 1
            continue
        in_arc = command.lower() == "a" and count % 7 in (3, 4)
        match = (FLAG if in_arc else NUMBER).match(d, pos)
        if match is None:
            raise ValueError(f"cannot read path data at {d[pos : pos + 20]!r}")
        out.append(float(match.group(1)))
        count += 1
        pos = match.end()
    return out


def _num(value: float) -> str:
    value = round(value, 1)
    if value == int(value):
        return str(int(value))
    text = f"{value:.1f}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _join(numbers: list[str]) -> str:
    """Numbers written as short as they can be read back: a minus sign separates on its own."""
    out = ""
    for text in numbers:
        out += text if not out or text.startswith("-") else " " + text
    return out


def point(base: list[float], x: float, y: float) -> tuple[int, int]:
    """The point (x, y) from base, on the nearest whole unit."""
    return round(base[0] + x), round(base[1] + y)


def round_path(d: str) -> str:
    """The same path with every point on a whole unit (radii and angles keep one decimal)."""
    tokens = _tokens(d)
    out: list[str] = []
    exact = [0.0, 0.0]  # where the original path is
    shown = [0, 0]  # where the rounded path is
    start_exact, start_shown = [0.0, 0.0], [0, 0]
    i = 0
    command = ""
    while i < len(tokens):
        token = tokens[i]
        if isinstance(token, str):
            command = token
            i += 1
            if command in "Zz":
                exact, shown = list(start_exact), list(start_shown)
                out.append(command)
                continue
            out.append(command)
            first = True
        elif not command or command in "Zz":
            raise ValueError("numbers without a command")
        else:
            first = False
        lower = command.lower()
        relative = command.islower()
        n = ARGS[lower]
        args = tokens[i : i + n]
        if len(args) < n or any(isinstance(a, str) for a in args):
            raise ValueError(f"command {command} is short of numbers")
        i += n
        numbers: list[str] = []
        base = exact if relative else [0.0, 0.0]

        if lower == "h":
            target = round(base[0] + args[0])
            numbers.append(_num(target - shown[0] if relative else target))
            exact = [base[0] + args[0] if relative else args[0], exact[1]]
            shown = [target, shown[1]]
        elif lower == "v":
            target = round(base[1] + args[0])
            numbers.append(_num(target - shown[1] if relative else target))
            exact = [exact[0], base[1] + args[0] if relative else args[0]]
            shown = [shown[0], target]
        elif lower == "a":
            rx, ry, rotation, large, sweep, x, y = args
            px, py = point(base, x, y)
            numbers += [_num(round(rx, 1)), _num(round(ry, 1)), _num(round(rotation, 1))]
            numbers += [str(int(large)), str(int(sweep))]
            numbers += [_num(px - shown[0]), _num(py - shown[1])] if relative else [_num(px), _num(py)]
            exact = [base[0] + x, base[1] + y]
            shown = [px, py]
        else:
            pairs = [(args[k], args[k + 1]) for k in range(0, n, 2)]
            last = (0, 0)
            for x, y in pairs:
                px, py = point(base, x, y)
                numbers += [_num(px - shown[0]), _num(py - shown[1])] if relative else [_num(px), _num(py)]
                last = (px, py)
            lx, ly = pairs[-1]
            exact = [base[0] + lx, base[1] + ly]
            shown = list(last)
        if lower == "m":
            start_exact, start_shown = list(exact), list(shown)
            if first:
                command = "l" if relative else "L"  # numbers after a moveto are lines
        if not first:
            out.append(" " if numbers[0][0] not in "-" else "")
        out.append(_join(numbers))
    return "".join(out)


def round_numbers(value: str, whole: bool = True) -> str:
    """Whole units (or one decimal) for a list of coordinates (polygon points) or a single length."""
    return " ".join(_num(round(float(n)) if whole else float(n)) for n in re.findall(NUM, value))
