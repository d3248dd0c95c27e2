"""Who paid: the payer's name in a label (« VIR SEPA BOULANGERIE PETIT ») matched to a
client of the ledger (« Boulangerie Petit ») with rapidfuzz, among the clients that share a
word with it (an index of word beginnings: no comparison with every client)."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

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


def words(text: str) -> list[str]:
    """The words of a name, folded, without the label's noise, numbers and legal forms."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return [w for w in cleaned.split() if w not in NOISE and not any(c.isdigit() for c in w)]


class ClientNames:
    """The clients of the open invoices, ready to be recognised in a payer's name."""

    def __init__(self, clients: Iterable[str]) -> None:
        self.names = sorted({c for c in clients if isinstance(c, str) and c.strip()})
        self.cleaned = [" ".join(words(c)) for c in self.names]
        self.by_prefix: dict[str, set[int]] = {}
        for i, cleaned in enumerate(self.cleaned):
            for w in cleaned.split():
                if len(w) >= 3:
                    self.by_prefix.setdefault(w[:_PREFIX], set()).add(i)

    def recognise(self, payer: str) -> tuple[list[tuple[str, float]], str]:
        """The clients this payer may be, best first with their score (at least MIN_SCORE),
        and the cleaned name compared."""
        query_words = words(payer)
        query = " ".join(query_words)
        if len(query) < 3:
            return [], query
        candidates: set[int] = set()
        for w in query_words:
            candidates |= self.by_prefix.get(w[:_PREFIX], set())
        scored = []
        for i in candidates:
            name = self.cleaned[i]
            if len(name.replace(" ", "")) < 3:
                continue
            score = _score(query, name)
            if score >= MIN_SCORE:
                scored.append((self.names[i], score))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored, query


def _score(query: str, name: str) -> float:
    """How well a payer's words name a client: every word of the client found (fuzzily) in
    the payer's, and not a one-word client hidden in a long label by chance."""
    base = float(fuzz.token_set_ratio(query, name))
    name_words = name.split()
    if len(name_words) == 1 and len(query.split()) > 2:
        base -= 5.0  # « PETIT » alone is weak evidence in a long label
    return base


def identified(scored: list[tuple[str, float]]) -> str | None:
    """The one client a payer is, when the best leads clearly; else None."""
    if not scored:
        return None
    if len(scored) > 1 and scored[0][1] - scored[1][1] < MARGIN:
        return None
    return scored[0][0]


__all__ = ["MIN_SCORE", "ClientNames", "identified", "words"]
