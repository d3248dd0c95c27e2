"""How big a template's values may grow: sizes counted before they are made.

A template runs in a sandbox, but the sandbox does not know sizes: `['x' * 999999] * 1000`
is a list of a thousand items (cheap), and its `|join` a billion characters (6 GB). So each
operation that can make something big is estimated before it runs, from its inputs: `join`
from the sizes of its items, `replace` from the number of matches, `indent` from the number
of lines, `~` and `+` from their operands. A value is measured deep (a list of lists of
texts), stopping as soon as it is past the limit, so that measuring costs at most the limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.exceptions import SecurityError

MAX_TEXT = 1_000_000  # characters (or items) one operation may make
MAX_WRAP = 100_000  # characters wordwrap may rewrap: textwrap takes 48 s for a million
_COLLECTIONS = (list, tuple, set, frozenset, dict)


def size_of(value: Any, limit: int = MAX_TEXT) -> int:
    """Characters of a text, or items and characters of a collection counted deep (a part
    shared twice counts twice, as it would print twice); the count stops past limit."""
    if isinstance(value, str | bytes):
        return len(value)
    if not isinstance(value, _COLLECTIONS):
        return 1
    total = 0
    pending: list[Iterator[Any]] = [iter((value,))]
    while pending and total <= limit:
        for item in pending[-1]:
            if isinstance(item, str | bytes):
                total += len(item)
            elif isinstance(item, dict):
                total += len(item)
                pending.append(iter(item.items()))
                break
            elif isinstance(item, _COLLECTIONS):
                total += len(item)
                pending.append(iter(item))
                break
            else:
                total += 1
            if total > limit:
                break
        else:
            pending.pop()
    return total


def refuse_beyond(size: int, what: str, limit: int = MAX_TEXT) -> None:
    """SecurityError (in French: what, e.g. « texte répété trop long ») when an operation
    would make more than limit."""
    if size > limit:
        raise SecurityError(f"{what} ({_grouped(size)} signes, {_grouped(limit)} au plus)")


# An integer a template computes: squared again and again, one product took minutes of CPU.
MAX_NUMBER = 10**100
_MAX_BITS = 2 * MAX_NUMBER.bit_length()  # operands past this are refused before the product


def refuse_bits(bits: int) -> None:
    """An integer product or power refused before it is computed, by its operands' sizes."""
    if bits > _MAX_BITS:
        raise SecurityError("nombre trop grand (plus de 10^100)")


def bounded_number(value: int) -> int:
    """An integer result, refused past MAX_NUMBER (a letter's sums are far below)."""
    if abs(value) > MAX_NUMBER:
        raise SecurityError("nombre trop grand (plus de 10^100)")
    return value


# A width in a format string: "{:>1000000000}", "%1000000000s".
_WIDE_FORMAT = re.compile(r"[{%][^{}%]*?(\d{7,})")


def check_widths(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """A width asked for (a number, or one in a format string) past MAX_TEXT: refused."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_TEXT:
            raise SecurityError(f"largeur trop grande ({value}, {MAX_TEXT} au plus)")
        wide = _WIDE_FORMAT.search(value) if isinstance(value, str) else None
        if wide and int(wide.group(1)) > MAX_TEXT:
            raise SecurityError(f"largeur trop grande ({wide.group(1)}, {MAX_TEXT} au plus)")


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _width(value: Any) -> int:
    """An indent or a wrap string: a number of spaces or a text."""
    return len(value) if isinstance(value, str) else int(value or 0)


def _join(value: Any, d: str = "", attribute: Any = None, *_: Any) -> int:
    items = list(value)
    return size_of(items) + len(str(d)) * max(len(items) - 1, 0)


def _replace(s: Any, old: Any, new: Any, count: Any = None, *_: Any) -> int:
    text, old, new = str(s), str(old), str(new)
    matches = text.count(old) if count is None or int(count) < 0 else min(text.count(old), count)
    return len(text) + matches * max(len(new) - len(old), 0)


def _indent(s: Any, width: Any = 4, first: bool = False, blank: bool = False, *_: Any) -> int:
    text = str(s)
    return len(text) + (text.count("\n") + 1) * _width(width)


def _wordwrap(s: Any, width: int = 79, *args: Any, **kwargs: Any) -> int:
    text = str(s)
    if len(text) > MAX_WRAP:
        raise SecurityError(f"wordwrap sur un texte trop long ({_grouped(len(text))} signes)")
    wrap = kwargs.get("wrapstring") or (args[1] if len(args) > 1 else None) or "\n"
    return len(text) + (len(text) // max(int(width), 1) + 1) * len(str(wrap))


def _expandtabs(s: Any, tabsize: int = 8) -> int:
    text = str(s)
    return len(text) + text.count("\t") * max(int(tabsize), 0)


def _padded(s: Any, width: Any = 0, *_: Any, **__: Any) -> int:
    return max(len(str(s)), _width(width))


# The numbers in a format string's fields: their widths and precisions.
_FIELD_NUMBERS = re.compile(r"[{%][^{}%]*?(\d+)")


def _format(s: Any, *args: Any, **kwargs: Any) -> int:
    """A format string's output: each field at most as long as the longest argument, plus
    every width it asks for."""
    text = str(s)
    fields = text.count("%") + text.count("{")
    longest = max([size_of(a) for a in (*args, *kwargs.values())] or [0])
    widths = sum(int(n) for n in _FIELD_NUMBERS.findall(text[: 10 * MAX_TEXT]))
    return len(text) + fields * longest + widths


def _flattened(value: Any, *_: Any, **__: Any) -> int:
    """Filters that write their whole input out (string, tojson, pprint, escape...)."""
    return 8 * size_of(value, MAX_TEXT) if isinstance(value, _COLLECTIONS) else len(str(value))


def _summed(value: Any, attribute: Any = None, start: Any = 0, *_: Any) -> int:
    return size_of(list(value)) + size_of(start)


# What the output of a filter or a text method may reach, from its arguments.
ESTIMATES: dict[str, Callable[..., int]] = {
    "join": _join,
    "replace": _replace,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "expandtabs": _expandtabs,
    "center": _padded,
    "ljust": _padded,
    "rjust": _padded,
    "zfill": _padded,
    "truncate": _padded,
    "format": _format,
    "format_map": _format,
    "sum": _summed,
    "string": _flattened,
    "tojson": _flattened,
    "pprint": _flattened,
    "escape": _flattened,
    "e": _flattened,
    "forceescape": _flattened,
    "urlencode": _flattened,
    "urlize": _flattened,
    "xmlattr": _flattened,
    "list": _flattened,
}


def estimate(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The most a filter or text method may make from these arguments (0 when unknown)."""
    estimator = ESTIMATES.get(name)
    if estimator is None or not args:
        return 0
    try:
        return estimator(*args, **kwargs)
    except SecurityError:
        raise
    except (TypeError, ValueError):
        return 0  # the call itself will fail with its own error


__all__ = [
    "ESTIMATES",
    "MAX_NUMBER",
    "MAX_TEXT",
    "bounded_number",
    "check_widths",
    "estimate",
    "refuse_beyond",
    "refuse_bits",
    "size_of",
]
