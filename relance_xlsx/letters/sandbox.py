"""A Jinja sandbox with bounds: a template cannot make a run hang or fill the memory.

Jinja's own sandbox stops attribute tricks, not size: `'x' * 10**10` asks for 10 GB,
`['x' * 999999] * 1000 | join` a billion characters, and `range(10**5)` nested three times
never ends. Here every loop turn, call, filter and operator counts against a budget of
steps and time; every operation that can make something big is estimated before it runs
(bounds.py); what one render writes, and all it makes on the way, is capped; lists and
dicts cannot be changed in place; nothing can be included from a file. Past a bound the
render fails with a French sentence (a jinja2.SecurityError, which callers report with the
template's name).
"""

from __future__ import annotations

import operator
import re
import sys
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

from .bounds import (
    MAX_TEXT,
    bounded_number,
    check_widths,
    estimate,
    refuse_beyond,
    refuse_bits,
    size_of,
)
from .codegen import BoundedCodeGenerator
from .sandboxerrors import in_french, template_line

MAX_RANGE = 10_000  # one range() in a letter: a table of invoices is a few hundred lines
MAX_STEPS = 1_000_000  # loop turns, calls, filters and operators of one render
MAX_SECONDS = 20.0  # of the rendering thread's CPU time, for one render
# The clock is read every so many steps: a thread's CPU clock costs a system call (5 µs here).
_CLOCK_EVERY = 128
MAX_OUTPUT = 20_000_000  # characters one render writes (a letter is a few hundred thousand)
# Pieces of the output measured at once: references to strings already made (MAX_MADE bounds
# what operations make), so a run past MAX_OUTPUT is refused before it is joined.
_RUN = 256
MAX_MADE = 50_000_000  # characters and items all the operations of one render may make
MAX_DEPTH = 50  # calls inside calls: macros, recursive loops
_COUNTED = "_relance_counted"


class _NoFiles(jinja2.BaseLoader):
    """{% include %}, {% import %} and {% extends %} would read files: refused."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise SecurityError(f"inclure un autre fichier (« {template[:80]} ») est refusé")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox plus bounds on steps, time, depth, sizes and output."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = BoundedCodeGenerator

    def __init__(self, **options: Any) -> None:
        options.setdefault("loader", _NoFiles())
        super().__init__(**options)
        self.globals["range"] = self._range
        for name in ("lipsum", "cycler", "joiner"):  # nothing a letter needs
            self.globals.pop(name, None)
        for name, plain in list(self.filters.items()):
            self.filters[name] = self._bounded(name, plain)
        self.filters[_COUNTED] = self._counted
        self.finalize = self._finalize
        self._steps = self._made = self._depth = 0
        self._started = time.thread_time()
        self._clock_at = _CLOCK_EVERY

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's tree, each for loop's items counted turn by turn."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.lineno)
        return tree

    def start(self) -> None:
        """Reset the budget: called before each render."""
        self._steps = self._made = self._depth = 0
        # CPU time, not wall time: on a busy machine (a million-row run's other process, an
        # antivirus) a letter of 200 invoices waited past 20 s of wall time and the run failed.
        self._started = time.thread_time()
        self._clock_at = _CLOCK_EVERY

    def _tick(self, steps: int = 1) -> None:
        self._steps += steps
        if self._steps > MAX_STEPS:
            raise SecurityError(f"boucles trop longues (plus de {MAX_STEPS} tours)")
        if self._steps >= self._clock_at:
            self._clock()

    def _clock(self) -> None:
        """Past MAX_SECONDS of this thread's CPU time since start(): refused."""
        self._clock_at = self._steps + _CLOCK_EVERY
        if time.thread_time() - self._started > MAX_SECONDS:
            raise SecurityError(f"remplissage trop long (plus de {MAX_SECONDS:.0f} secondes)")

    def _account(self, value: Any) -> Any:
        """Count what an operation made against the render's budget."""
        made = len(value) if isinstance(value, str | list | tuple | dict) else 1
        refuse_beyond(made, "résultat trop long", 10 * MAX_TEXT)
        self._made += made
        if self._made > MAX_MADE:
            raise SecurityError(f"le modèle fabrique plus de {MAX_MADE} signes en tout")
        return value

    def _range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise SecurityError(f"range() trop grand ({len(numbers)} tours, {MAX_RANGE} au plus)")
        return self._counted(numbers)

    def _counted(self, items: Iterable[Any]) -> Iterator[Any]:
        """Every turn of a loop counts as a step."""
        if isinstance(items, jinja2.Undefined):
            items = iter(items)  # a strict Undefined raises its own error here
        for item in items:
            self._tick()
            yield item

    def bounded_join(self, values: tuple[Any, ...], markup: bool) -> str:
        """`a ~ b`: refused before it is made when the operands are too big."""
        self._tick()
        refuse_beyond(sum(size_of(v) for v in values), "texte assemblé par ~ trop long")
        return self._account(markup_join(values) if markup else str_join(values))

    def concat(self, pieces: Iterable[str]) -> str:
        """The render's output, refused past MAX_OUTPUT characters (Jinja joins with this)."""
        out: list[str] = []
        written = 0
        pieces = iter(pieces)
        # Measured by runs of pieces, in C: a letter is thousands of pieces, and a Python
        # turn for each was a tenth of its rendering. A run is small beside MAX_OUTPUT.
        while run := list(islice(pieces, _RUN)):
            written += sum(map(len, run))
            if written > MAX_OUTPUT:
                raise SecurityError(f"lettre trop longue (plus de {MAX_OUTPUT} signes)")
            out += run
        return "".join(out)

    def _finalize(self, value: Any) -> Any:
        """What `{{ value }}` prints: a collection is measured before it is written out."""
        if isinstance(value, list | tuple | dict | set | frozenset):
            refuse_beyond(size_of(value), "valeur affichée trop longue")
        return value

    def escaped(self, value: Any) -> Any:
        """What `{{ value }}` writes (the code generator's call): escape(finalize(value)), with
        a text that holds nothing to escape written as it is (the same characters, without
        making a Markup of it)."""
        if type(value) is str:
            return value if _TO_ESCAPE.search(value) is None else escape(value)
        return escape(self._finalize(value))  # the finalize __init__ sets

    def call_binop(
        self, context: jinja2.runtime.Context, operator_: str, left: Any, right: Any
    ) -> Any:
        """`*`, `+`, `**` and `%`, refused when the result would be huge."""
        self._tick()
        self._clock()  # one operation on big numbers may take long: the clock read each time
        if operator_ == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(count, int):
                    refuse_beyond(len(seq) * count, "texte répété trop long")
            if isinstance(left, int) and isinstance(right, int):
                refuse_bits(left.bit_length() + right.bit_length())
                return bounded_number(operator.mul(left, right))
            return self._account(operator.mul(left, right))
        if operator_ == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                refuse_beyond(len(left) + len(right), "texte assemblé par + trop long")
            if isinstance(left, int) and isinstance(right, int):
                return bounded_number(operator.add(left, right))
            return self._account(operator.add(left, right))
        if operator_ == "%":
            check_widths((left,), {})
            if isinstance(left, str):
                args = right if isinstance(right, tuple) else (right,)
                refuse_beyond(estimate("format", (left, *args), {}), "texte formaté trop long")
            return self._account(operator.mod(left, right))
        numbers = isinstance(left, int | float) and isinstance(right, int | float)
        if numbers and abs(right) > 100 and abs(left) > 1:
            raise SecurityError("puissance trop grande")
        if isinstance(left, int) and isinstance(right, int) and right > 0:
            refuse_bits(left.bit_length() * right)
            return bounded_number(operator.pow(left, right))
        return operator.pow(left, right)

    def call(self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kw: Any) -> Any:
        """Every call from a template counts as a step; calls nest at most MAX_DEPTH deep."""
        self._tick()
        if isinstance(__obj, LoopContext) and args:
            args = (self._counted(args[0]), *args[1:])  # a recursive loop's inner turns
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise SecurityError(f"appels imbriqués trop profonds (plus de {MAX_DEPTH})")
            return super().call(__context, __obj, *args, **kw)
        finally:
            self._depth -= 1

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Text methods that can grow ('x'.replace, '{:>n}'.format) are bounded like filters."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES and attribute in obj:
            # `letter.kind` on a context dict: what Jinja finds after getattr() fails, without
            # raising and catching an AttributeError for each of a letter's thousand lookups.
            return obj[attribute]
        value = super().getattr(obj, attribute)
        if isinstance(obj, str) and callable(value) and not isinstance(value, jinja2.Undefined):
            return self._bounded(attribute, value, bound_to=obj)
        return value

    def _bounded(self, name: str, plain: Any, bound_to: Any = None) -> Any:
        # A filter marked to get the context or environment first: its value comes second.
        skip = 1 if hasattr(plain, "jinja_pass_arg") else 0

        def bounded(*args: Any, **kwargs: Any) -> Any:
            self._tick()
            if len(args) > skip and isinstance(args[skip], Iterator):
                # map/select/batch hand on generators: made a list (bounded) to be measured.
                items = list(islice(args[skip], MAX_TEXT + 1))
                refuse_beyond(len(items), f"liste passée à {name} trop longue")
                args = (*args[:skip], items, *args[skip + 1 :])
            check_widths((*args, bound_to), kwargs)
            values = args[skip:]
            if bound_to is not None:  # a text's method: 'x'.replace(...), ', '.join(items)
                values = (*values, bound_to) if name == "join" else (bound_to, *values)
            refuse_beyond(estimate(name, tuple(values), kwargs), f"résultat de {name} trop long")
            return self._account(plain(*args, **kwargs))

        # Jinja reads this mark to pass the environment or context first.
        if skip:
            bounded.jinja_pass_arg = plain.jinja_pass_arg  # type: ignore[attr-defined]
        return bounded

    def handle_exception(self, source: str | None = None) -> Any:
        """An error of the template's own making (recursion, a failing method) becomes a
        TemplateError with a French sentence; Jinja's own errors pass as they are."""
        exc = sys.exc_info()[1]
        line = template_line(exc)  # kept on the error raised: callers say where it failed
        said: jinja2.TemplateError | None = in_french(exc)
        if isinstance(exc, RecursionError):
            said = SecurityError("appels imbriqués trop profonds")
        elif isinstance(exc, MemoryError):
            said = SecurityError("le modèle demande trop de mémoire")
        elif said is None and isinstance(exc, Exception) and not isinstance(exc, _OWN):
            said = jinja2.TemplateRuntimeError(
                "une expression du modèle échoue (méthode ou valeur impossible)"
            )
        if said is not None:
            said.template_line = line  # type: ignore[attr-defined]
            raise said from None
        if exc is not None:
            exc.template_line = line  # type: ignore[attr-defined]
        return super().handle_exception(source)


_OWN = jinja2.TemplateError  # errors Jinja says itself
# What markupsafe's escape replaces.
_TO_ESCAPE = re.compile("[&<>'\"]")
# The names a dict answers by getattr(): a key of the same name is found by obj["name"] only.
_DICT_ATTRIBUTES = frozenset(dir(dict))


def bounded_env(**options: Any) -> BoundedSandbox:
    """A bounded, sandboxed environment; values are data and a missing value is an error."""
    return BoundedSandbox(undefined=jinja2.StrictUndefined, **options)


__all__ = ["MAX_RANGE", "MAX_STEPS", "MAX_TEXT", "BoundedSandbox", "bounded_env"]
