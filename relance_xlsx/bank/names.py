"""Who paid: the payer's name in a label (« VIR SEPA BOULANGERIE PETIT ») matched to a
client of the ledger (« Boulangerie Petit ») with rapidfuzz, among the clients that share a
word with it (an index of word beginnings: no comparison with every client)."""

from __future__ import annotations

from collections.abc import Iterable

from .records import fold

# Words of a label that never name a payer, and legal forms that do not tell two apart.
NOISE = frozenset(
    {"VIR", "VIREMENT", "VIRT", "VRT", "SEPA", "RECU", "RECUE", "RECEIVED", "INST",
     "INSTANTANE", "IMMEDIAT", "DE", "DU", "DES", "PAR", "ORDRE", "DONNEUR", "EMIS", "EMETTEUR",
     "REF", "REFERENCE", "MOTIF", "LIB", "LIBELLE", "BENEF", "BENEFICIAIRE", "FRM", "FROM",
     "TRANSFER", "PAYMENT", "PAIEMENT", "REGLEMENT", "REGL", "FACT", "FACTURE", "FACTURES",
     "FAC", "INV", "INVOICE", "NO", "N", "ET", "M", "MME", "MR", "MLLE", "MONSIEUR", "MADAME",
     "SARL", "SAS", "SASU", "EURL", "SA", "SCI", "SNC", "SCOP", "EI", "EIRL", "ETS",
     "ETABLISSEMENTS", "STE", "SOCIETE", "CIE", "LA", "LE", "LES", "L", "D", "THE",
     "CHQ", "CHEQUE", "REMISE", "PRLV", "CB", "CARTE", "NOTPROVIDED", "DATE"}
)  # fmt: skip
MIN_SCORE = 88.0  # token set ratio, 0-100
MARGIN = 6.0  # the best client must lead the next one by this much
_PREFIX = 4
MAX_CANDIDATES = 5000


def words(text: str) -> list[str]:
    """The words of a name, folded, without the label's noise and legal forms."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return [w for w in cleaned.split() if w not in NOISE and not _reference(w)]


def _reference(word: str) -> bool:
    """A long number, or letters and digits mixed (M105, 0001234): a reference, no name."""
    digits = sum(c.isdigit() for c in word)
    return digits >= 5 or (0 < digits < len(word) and len(word) > 3)


class ClientNames:
    """The clients of the open invoices, ready to be recognised in a payer's name."""

    def __init__(self, clients: Iterable[str]) -> None:
        self.names = sorted({c for c in clients if isinstance(c, str) and c.strip()})
        self.cleaned = [" ".join(words(c)) for c in self.names]
        self.by_prefix: dict[str, list[int]] = {}
        for i, cleaned in enumerate(self.cleaned):
            for w in dict.fromkeys(cleaned.split()):
                self.by_prefix.setdefault(w[:_PREFIX], []).append(i)

    def _candidates(self, query_words: list[str]) -> list[int]:
        """The clients sharing one of the query's two rarest word beginnings: a payer is
        recognised by what sets it apart (« PETIT »), not by « BOULANGERIE »."""
        buckets = sorted(
            (
                self.by_prefix[w[:_PREFIX]]
                for w in set(query_words)
                if w[:_PREFIX] in self.by_prefix
            ),
            key=len,
        )
        found: dict[int, None] = {}
        for bucket in buckets[:2]:
            found.update(dict.fromkeys(bucket[:MAX_CANDIDATES]))
        return list(found)

    def recognise(self, payer: str) -> tuple[list[tuple[str, float]], str]:
        """The clients this payer may be, best first with their score (at least MIN_SCORE),
        and the cleaned name compared."""
        query_words = words(payer)
        query = " ".join(query_words)
        if len(query) < 3:
            return [], query
        from rapidfuzz import fuzz, process  # imported when a payer is looked for, not by a run

        candidates = self._candidates(query_words)
        choices = [self.cleaned[i] for i in candidates]
        found = process.extract(
            query, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=MIN_SCORE - 10
        )
        scored = []
        for _choice, score, k in found:
            final = _adjusted(float(score), query, choices[k])
            if final >= MIN_SCORE:
                scored.append((self.names[candidates[k]], final))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored, query


def _adjusted(score: float, query: str, name: str) -> float:
    """« PETIT » alone, found in a long label, is weak evidence; a name of two letters none."""
    if len(name.replace(" ", "")) < 3:
        return 0.0
    if len(name.split()) == 1 and len(query.split()) > 2:
        return score - 5.0
    return score


def identified(scored: list[tuple[str, float]]) -> str | None:
    """The one client a payer is, when the best leads clearly; else None."""
    if not scored:
        return None
    if len(scored) > 1 and scored[0][1] - scored[1][1] < MARGIN:
        return None
    return scored[0][0]


__all__ = ["MIN_SCORE", "ClientNames", "identified", "words"]
