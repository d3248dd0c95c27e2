"""Invoice numbers as a payer types them: « M 105 », « M-105 », « FACT M105 », « m0105 ».

Every number of the ledger is indexed once under its canonical form (letters and digit runs,
leading zeros dropped, case folded); a label is cut into the same runs and looked up window
by window, longest first: no pairwise comparison of labels with invoices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .records import fold

_RUN = re.compile(r"[A-Z]+|\d+")
# Words that announce an invoice number: a short number counts only after one of them (or
# after another number of the list: « factures 105, 106 et 107 »).
KEYWORDS = frozenset(
    {"FACT", "FACTURE", "FACTURES", "FAC", "FA", "FCT", "FT", "FACTS", "INV", "INVOICE",
     "INVOICES", "NO", "N", "NUM", "NUMERO", "REF", "REGLEMENT", "REGL", "REG", "PIECE"}
)  # fmt: skip
# Before a number reduced to its last digits (« FACT 118 » for 2026/118), a word that can
# only announce an invoice: « REGLEMENT 2 FACTURES » names no invoice 2.
_STRONG = KEYWORDS - {"REF", "REGLEMENT", "REGL", "REG"}
_JOINERS = frozenset({"ET", "AND", "PLUS"})
# Words after which a number is the client's own (its order, its customer number, a
# contract, a mandate): « VOTRE CDE 2026-0124 » names no invoice.
ORDER_WORDS = frozenset(
    {"CDE", "CDES", "CMD", "CMDE", "COMMANDE", "COMMANDES", "BC", "BDC", "BL", "BON", "BONS",
     "ORDER", "PO", "DEVIS", "CONTRAT", "CLIENT", "ADHERENT", "DOSSIER", "MANDAT", "RUM",
     "ICS", "SIRET", "SIREN", "TVA", "COMPTE", "CPT", "IBAN", "BIC", "TEL", "LIVRAISON"}
)  # fmt: skip
# A number of digits only, at least this long, is looked for anywhere; shorter, only after
# a keyword (a label is full of day numbers and amounts).
MIN_BARE_DIGITS = 5
# Dates and amounts are no invoice numbers (« FACTURE DU 30/09/2026 112,80 EUR »): they are
# replaced by a word before the label is cut into runs.
_DATES = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2})"
    r"(?![\d/.-]*\d)"
)
_AMOUNTS = re.compile(
    r"(?<![\d,./-])\d{1,3}(?:[ .\u00a0\u202f]?\d{3})*(?:[,.]\d{2})?\s?(?:EUROS|EUR|€)(?![A-Z])"
    r"|(?<![\d,./-])\d+,\d{2}(?![\d,])"
)
_LAST_WORD = re.compile(r"([A-Z]+)\W*$")


def without_dates_and_amounts(text: str, keep: Callable[[str], bool]) -> str:
    """The folded text with its dates and amounts replaced by the words DATE and MONTANT,
    unless one is an invoice number of the ledger (keep says so). After an invoice keyword,
    a first group of digits and a space is the number, not thousands: « FACT 123 620,00 ».
    """

    def replace(word: str) -> Callable[[re.Match[str]], str]:
        def one(m: re.Match[str]) -> str:
            found = m.group(0)
            if keep(found):
                return found
            before = _LAST_WORD.search(m.string, 0, m.start())
            head, space, rest = found.partition(" ")
            if space and rest[:1].isdigit() and before and before.group(1) in KEYWORDS:
                return f"{head} {word} "
            return f" {word} "

        return one

    return _AMOUNTS.sub(replace("MONTANT"), _DATES.sub(replace("DATE"), fold(text)))


_WORD = re.compile(r"[A-Z0-9]{6,}")


def runs(text: str) -> list[str]:
    """The letter and digit runs of a text, folded: « Fact. M-0105 » -> FACT, M, 0105."""
    return _RUN.findall(fold(text))


def _canon_run(run: str) -> str:
    return (run.lstrip("0") or "0") if run.isdigit() else run


def canonical(number: object) -> str:
    """The form invoice numbers are compared in: « M 0105 », « m-105 », « M105 » -> M-105."""
    return "-".join(_canon_run(r) for r in runs(str(number)))


class NumberIndex:
    """The ledger's invoice numbers, by canonical form, each with its positions; and their
    distinctive parts (aliases: « 2026-43 », « 43 » for FA-2026-0043), which name an invoice
    only when one open invoice has them (the matcher checks)."""

    def __init__(self, numbers: Iterable[object]) -> None:
        self.positions: dict[str, list[int]] = {}
        self.prefixes: set[str] = set()
        self.longest = 1
        # « FA20260050 »: a number with its separators dropped (by the payer or the bank),
        # long enough not to be some other number, given back its separators.
        self.squeezed: dict[str, str] = {}
        aliases: dict[str, list[int]] = {}
        for i, number in enumerate(numbers):
            found = _RUN.findall(fold(str(number))) if number not in (None, "") else []
            if not found:
                continue
            parts = [_canon_run(r) for r in found]
            key = "-".join(parts)
            self.positions.setdefault(key, []).append(i)
            if len(found) > 1 and sum(map(len, found)) >= 6:
                self.squeezed["".join(found)] = key
            self.longest = max(self.longest, len(parts))
            if parts[0].isalpha():
                self.prefixes.add(parts[0])
            # « FACTURE 2026-014 » for F2026-014, « FACT 118 » for 2026/118: the prefix, or
            # all but the last number, left out.
            for cut in range(1, len(parts)):
                if parts[cut].isdigit():
                    aliases.setdefault("-".join(parts[cut:]), []).append(i)
        self.aliases = {a: p for a, p in aliases.items() if a not in self.positions}
        self._first_letters = {p[0] for p in self.prefixes}

    def found_in(self, text: str) -> list[str]:
        """The canonical numbers (or aliases) of the ledger a text cites, in the order cited;
        dates, amounts and the client's order numbers are never read as invoice numbers."""
        cleaned = without_dates_and_amounts(text, lambda t: canonical(t) in self.positions)
        if self.squeezed:
            cleaned = _WORD.sub(lambda m: self._unsqueezed(m.group(0)), cleaned)
        words = self._split_glued(runs(cleaned))
        keys = [_canon_run(w) for w in words]
        found: list[str] = []
        i, last_end = 0, -10
        while i < len(keys):
            if words[i] in ORDER_WORDS:
                i = self._after_order(words, i + 1)
                continue
            key, size = self._at(keys, words, i, last_end, found)
            if key:
                found.append(key)
                i = last_end = i + size
            else:
                i += 1
        return list(dict.fromkeys(found))

    def _at(
        self, keys: list[str], words: list[str], i: int, last_end: int, found: list[str]
    ) -> tuple[str, int]:
        """The number cited at word i and how many words it takes: a number of the ledger
        (longest first), else the next of a series, else an alias."""
        windows = [
            ("-".join(keys[i : i + size]), size)
            for size in range(min(self.longest, len(keys) - i), 0, -1)
        ]
        for key, size in windows:
            if key in self.positions and self._plausible(key, words, i, last_end):
                return key, size
        series = self._series(found, keys[i], words, i, last_end)
        if series:
            return series, 1
        for key, size in windows:
            if key in self.aliases and self._plausible(key, words, i, last_end):
                return key, size
        return "", 0

    def _unsqueezed(self, word: str) -> str:
        """A word that is a number of the ledger with its separators dropped, given back
        its separators (« FA20260050 » -> « FA-2026-50 »)."""
        return self.squeezed.get(word, word)

    def of(self, key: str) -> list[int]:
        """The invoices a key found names: all of a number's, or those an alias may be."""
        return self.positions.get(key) or self.aliases.get(key, [])

    @staticmethod
    def _after_order(words: list[str], i: int) -> int:
        """Past the number an order word announces (« CDE N° 2026-0124 », « BON DE
        COMMANDE 118 »): its digit runs and short words, up to an invoice keyword."""
        while i < len(words):
            word = words[i]
            if word in KEYWORDS - {"N", "NO", "NUM", "NUMERO"} or (
                word.isalpha() and len(word) > 3
            ):
                break
            i += 1
        return i

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

    def _plausible(self, key: str, words: list[str], i: int, last_end: int) -> bool:
        """A number of the ledger with letters, or a long one, always counts; a short bare
        number only after a keyword or right after another number found; an alias (the
        prefix left out, or changed: « F2026-0043 » for FA-2026-0043) after a keyword, and
        reduced to its last number (« FACT 118 ») only after a word that names invoices."""
        before = words[i - 1] if i > 0 else ""
        after_list = i == last_end or (i == last_end + 1 and before in _JOINERS)
        if key in self.positions:
            digits = key.replace("-", "")
            if not digits.isdigit() or len(digits) >= MIN_BARE_DIGITS:
                return True
            return before in KEYWORDS or after_list
        if key not in self.aliases:
            return False
        if "-" not in key:  # the last number alone: « FACT 0043 ET 0044 »
            return len(words[i]) >= 2 and (before in _STRONG or after_list)
        prefix_variant = before.isalpha() and len(before) <= 4 and before[:1] in self._first_letters
        return before in KEYWORDS or after_list or prefix_variant


__all__ = [
    "KEYWORDS",
    "ORDER_WORDS",
    "NumberIndex",
    "canonical",
    "runs",
    "without_dates_and_amounts",
]
