"""Invoice numbers as a payer types them: « M 105 », « M-105 », « FACT M105 », « m0105 ».

Every number of the ledger is indexed once under its canonical form (letters and digit runs,
leading zeros dropped, case folded); a label is cut into the same runs and looked up window
by window, longest first: no pairwise comparison of labels with invoices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .records import fold

_RUN = re.compile(r"[A-Z]+|\d+")
# Words that announce an invoice number: a short number counts only after one of them (or
# after another number of the list: « factures 105, 106 et 107 »).
KEYWORDS = frozenset(
    {"FACT", "FACTURE", "FACTURES", "FAC", "FA", "FCT", "FT", "FACTS", "INV", "INVOICE",
     "INVOICES", "NO", "N", "NUM", "NUMERO", "REF", "REGLEMENT", "REGL", "REG", "PIECE"}
)  # fmt: skip
_JOINERS = frozenset({"ET", "AND", "PLUS"})
# A number of digits only, at least this long, is looked for anywhere; shorter, only after
# a keyword (a label is full of day numbers and amounts).
MIN_BARE_DIGITS = 5


def runs(text: str) -> list[str]:
    """The letter and digit runs of a text, folded: « Fact. M-0105 » -> FACT, M, 0105."""
    return _RUN.findall(fold(text))


def _canon_run(run: str) -> str:
    return (run.lstrip("0") or "0") if run.isdigit() else run


def canonical(number: object) -> str:
    """The form invoice numbers are compared in: « M 0105 », « m-105 », « M105 » -> M-105."""
    return "-".join(_canon_run(r) for r in runs(str(number)))


class NumberIndex:
    """The ledger's invoice numbers, by canonical form, each with its positions."""

    def __init__(self, numbers: Iterable[object]) -> None:
        self.positions: dict[str, list[int]] = {}
        self.prefixes: set[str] = set()
        self.longest = 1
        aliases: dict[str, list[int]] = {}
        for i, number in enumerate(numbers):
            key = canonical(number) if number not in (None, "") else ""
            if not key:
                continue
            self.positions.setdefault(key, []).append(i)
            parts = key.split("-")
            self.longest = max(self.longest, len(parts))
            if parts[0].isalpha():
                self.prefixes.add(parts[0])
                if len(parts) > 1:  # « FACTURE 2026-014 » for F2026-014: the prefix left out
                    aliases.setdefault("-".join(parts[1:]), []).append(i)
        self.aliases = {
            alias
            for alias, found in aliases.items()
            if alias not in self.positions and len(found) == 1
        }  # never an ambiguous one, and only after a keyword (see _plausible)
        for alias in self.aliases:
            self.positions[alias] = aliases[alias]

    def found_in(self, text: str) -> list[str]:
        """The canonical numbers of the ledger a text cites, in the order cited."""
        words = self._split_glued(runs(text))
        keys = [_canon_run(w) for w in words]
        found: list[str] = []
        i, last_end = 0, -10
        while i < len(keys):
            for size in range(min(self.longest, len(keys) - i), 0, -1):
                key = "-".join(keys[i : i + size])
                if key in self.positions and self._plausible(
                    key, words, i, last_end, key in self.aliases
                ):
                    found.append(key)
                    i, last_end = i + size, i + size
                    break
            else:
                series = self._series(found, keys[i], words, i, last_end)
                if series:
                    found.append(series)
                    last_end = i + 1
                i += 1
        return list(dict.fromkeys(found))

    def _series(self, found: list[str], run: str, words: list[str], i: int, last: int) -> str:
        """« FA-2026-0043 et 44 », « 2026-041, 042 » : a bare number right after a number
        found, in the same series (its last run replaced), when the ledger has it."""
        if not found or not run.isdigit() or "-" not in found[-1]:
            return ""
        before = words[i - 1] if i > 0 else ""
        if not (i == last or (i == last + 1 and before in _JOINERS)):
            return ""
        key = found[-1].rsplit("-", 1)[0] + "-" + run
        return key if key in self.positions else ""

    def _split_glued(self, words: list[str]) -> list[str]:
        """« FACTM105 »: a word that ends with a prefix of the ledger's numbers is cut there."""
        out = []
        for w in words:
            cut = next(
                (p for p in sorted(self.prefixes, key=len, reverse=True)
                 if w.isalpha() and len(w) > len(p) and w.endswith(p)
                 and w[: -len(p)] in KEYWORDS),
                None,
            )  # fmt: skip
            out += [w[: -len(cut)], cut] if cut else [w]
        return out

    @staticmethod
    def _plausible(key: str, words: list[str], i: int, last_end: int, alias: bool) -> bool:
        """A key with letters, or a long number, always counts; a short bare number, or a
        number whose prefix was left out, only after a keyword or right after another
        number found."""
        digits = key.replace("-", "")
        if not alias and (not digits.isdigit() or len(digits) >= MIN_BARE_DIGITS):
            return True
        before = words[i - 1] if i > 0 else ""
        after_list = i == last_end or (i == last_end + 1 and before in _JOINERS)
        return before in KEYWORDS or after_list


__all__ = ["KEYWORDS", "NumberIndex", "canonical", "runs"]
