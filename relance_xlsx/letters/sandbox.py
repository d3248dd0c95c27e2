"""A Jinja sandbox with bounds: a template cannot make a run hang or fill the memory.

Jinja's own sandbox stops attribute tricks, not size: `'x' * 10**10` asks for 10 GB, and
`range(10**5)` nested three times never ends. Here every loop over `range`, every repetition
and every power is counted against limits generous for any letter, and a render that passes
them fails with a French sentence (a jinja2.SecurityError, which callers report with the
template's name).
"""

from __future__ import annotations

import operator
import re
import time
from collections.abc import Iterator
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_RANGE = 10_000  # one range() in a letter: a table of invoices is a few hundred lines
MAX_STEPS = 1_000_000  # every range() turn of one render, nested loops included
MAX_TEXT = 1_000_000  # characters (or items) one repetition or padding may make
MAX_SECONDS = 20.0  # one render
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "indent"})


class BoundedSandbox(SandboxedEnvironment):
    """SandboxedEnvironment plus bounds on loops, repetition, powers, padding and time."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = self._range
        for name in ("lipsum", "cycler", "joiner"):  # nothing a letter needs
            self.globals.pop(name, None)
        for name in ("center", "indent", "wordwrap", "truncate", "format"):
            self.filters[name] = self._bounded_filter(self.filters[name])
        self._steps = 0
        self._started = time.monotonic()

    def start(self) -> None:
        """Reset the budget: called before each render."""
        self._steps = 0
        self._started = time.monotonic()

    def _tick(self, steps: int = 1) -> None:
        self._steps += steps
        if self._steps > MAX_STEPS:
            raise SecurityError(f"boucles trop longues (plus de {MAX_STEPS} tours)")
        if time.monotonic() - self._started > MAX_SECONDS:
            raise SecurityError(f"remplissage trop long (plus de {MAX_SECONDS:.0f} secondes)")

    def _range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise SecurityError(f"range() trop grand ({len(numbers)} tours, {MAX_RANGE} au plus)")
        return self._counted(numbers)

    def _counted(self, numbers: range) -> Iterator[int]:
        for n in numbers:
            self._tick()
            yield n

    def call_binop(
        self, context: jinja2.runtime.Context, operator_: str, left: Any, right: Any
    ) -> Any:
        """`*`, `**` and `%`, refused when the result would be huge."""
        self._tick()
        if operator_ == "*":
            for seq, count in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(count, int)
                if sized and len(seq) * count > MAX_TEXT:
                    raise SecurityError(f"texte répété trop long (plus de {MAX_TEXT} signes)")
            return operator.mul(left, right)
        if operator_ == "%":
            _check_sizes((left,), {})
            return operator.mod(left, right)
        numbers = isinstance(left, int | float) and isinstance(right, int | float)
        if numbers and abs(right) > 100 and abs(left) > 1:
            raise SecurityError("puissance trop grande")
        return operator.pow(left, right)

    def call(self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kw: Any) -> Any:
        """Every call from a template counts as a step."""
        self._tick()
        return super().call(__context, __obj, *args, **kw)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Padding methods of text ('x'.center(n), '{:>n}'.format) are bounded like `*`."""
        value = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in _PADDING and callable(value):
            _check_sizes((obj,), {})
            return self._bounded_filter(value)
        return value

    def _bounded_filter(self, plain: Any) -> Any:
        def bounded(*args: Any, **kwargs: Any) -> Any:
            _check_sizes(args, kwargs)
            return plain(*args, **kwargs)

        # Jinja reads this mark to pass the environment or context first.
        if hasattr(plain, "jinja_pass_arg"):
            bounded.jinja_pass_arg = plain.jinja_pass_arg  # type: ignore[attr-defined]
        return bounded


# A width in a format string: "{:>1000000000}", "%1000000000s".
_WIDE_FORMAT = re.compile(r"[{%][^{}%]*?(\d{7,})")


def _check_sizes(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_TEXT:
            raise SecurityError(f"largeur trop grande ({value}, {MAX_TEXT} au plus)")
        wide = _WIDE_FORMAT.search(value) if isinstance(value, str) else None
        if wide and int(wide.group(1)) > MAX_TEXT:
            raise SecurityError(f"largeur trop grande ({wide.group(1)}, {MAX_TEXT} au plus)")


def bounded_env(**options: Any) -> BoundedSandbox:
    """A bounded, sandboxed environment; values are data and a missing value is an error."""
    return BoundedSandbox(undefined=jinja2.StrictUndefined, **options)


__all__ = ["MAX_RANGE", "MAX_STEPS", "MAX_TEXT", "BoundedSandbox", "bounded_env"]
