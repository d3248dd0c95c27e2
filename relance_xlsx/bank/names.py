"""Who paid: the payer's name (« VIR SEPA BOULANGERIE PETIT », « SARL MARTIN ») matched to a
client of the ledger (« Boulangerie Petit », « SARL Martin ») with rapidfuzz, among the clients
sharing a word with it (an index of word beginnings: no comparison with every client); or the
client's SIREN or SIRET written in the label.

A name that is one word, or a common surname, must not capture every payer that contains it:
« M JEAN MARTIN » is not « SARL Martin », « MARTIN ET FILS » is « Martin & Fils ». The legal
forms count apart (they agree or not), the payer's name is cut from the label where the
motive starts, and the best client must lead the next one by a margin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .records import fold

# Words of a label that never name a payer.
NOISE = frozenset(
    {"VIR", "VIREMENT", "VIRT", "VRT", "SEPA", "RECU", "RECUE", "RECEIVED", "INST",
     "INSTANTANE", "IMMEDIAT", "DE", "DU", "DES", "PAR", "ORDRE", "DONNEUR", "EMIS", "EMETTEUR",
     "BENEF", "BENEFICIAIRE", "FRM", "FROM", "TRANSFER", "ET", "LA", "LE", "LES", "L", "D",
     "THE", "AND", "CHQ", "CHEQUE", "REMISE", "PRLV", "CB", "CARTE", "DATE", "MONTANT", "EN",
     "FAVEUR", "A", "AU", "POUR", "COMPTE"}
)  # fmt: skip
LEGAL_FORMS = frozenset(
    {"SARL", "SAS", "SASU", "EURL", "SA", "SCI", "SNC", "SCOP", "EI", "EIRL", "SCM", "SCP",
     "SELARL", "SELAS", "GIE", "ETS", "ETABLISSEMENTS", "STE", "SOCIETE", "CIE", "GAEC"}
)  # fmt: skip
CIVILITIES = frozenset({"M", "MME", "MR", "MLLE", "MM", "MONSIEUR", "MADAME", "MADEMOISELLE"})
# Where the payer's name ends in a label and its motive starts.
_STOPS = frozenset(
    {"FACT", "FACTURE", "FACTURES", "FAC", "FCT", "INV", "INVOICE", "MOTIF", "REF",
     "REFERENCE", "NOTPROVIDED", "ACOMPTE", "SOLDE", "REGLEMENT", "REGLT", "REGL", "PAIEMENT",
     "PAYMENT", "REMBOURSEMENT", "REMB", "AVOIR", "COMMANDE", "CDE", "ECHEANCE", "LOYER",
     "TROP", "PERCU", "POUR", "MERCI", "NO", "N", "LIB", "LIBELLE", "VOTRE", "VOTRES", "VOS",
     "NOTRE", "NOS", "VS", "JANVIER", "FEVRIER",
     "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE",
     "DECEMBRE"}
)  # fmt: skip
MIN_SCORE = 88.0  # 0-100
MARGIN = 6.0  # the best client must lead the next one by this much
_PREFIX = 4
MAX_CANDIDATES = 5000
_SEGMENT = re.compile(r"/(?:DE|FROM|DONNEUR D ORDRE|EMETTEUR)\s+([^/]+)")
_SIREN = re.compile(r"(?<!\d)(\d{3}) ?(\d{3}) ?(\d{3})(?: ?(\d{5}))?(?!\d)")


_NOT_WORD = re.compile(r"[\W_]+")


def _tokens(text: str) -> list[str]:
    return _NOT_WORD.sub(" ", fold(text)).split()


def split_name(text: str) -> tuple[list[str], set[str]]:
    """The words of a name, folded, without noise, and its legal forms apart."""
    words, forms = [], set()
    for w in _tokens(text):
        if w in LEGAL_FORMS:
            forms.add(w)
        elif w not in NOISE and w not in CIVILITIES and not _reference(w):
            words.append(w)
    return words, forms


def payer_name(payer: str, label: str) -> tuple[str, bool]:
    """The payer's name: the bank's own field when it gives one (exact), else the label's
    « /DE … » segment (exact), else the label up to its motive (its end uncertain)."""
    if payer.strip():
        return payer, True
    segment = _SEGMENT.search(fold(label))
    if segment:
        return segment.group(1), True
    kept: list[str] = []
    named = 0  # words of a name kept: a motive word now ends it
    for w in _tokens(label):
        if w in _STOPS or any(c.isdigit() for c in w):
            if named == 1 and w.isdigit() and len(w) >= 4 and len(kept[-1]) <= 3:
                kept.pop()  # « FA » of « FA-2026-0036 »: a number's prefix, no name
                named = 0
            if named:
                break
            continue  # « VIREMENT EN VOTRE FAVEUR DE … », « PAYMENT FROM … »: not yet
        kept.append(w)
        named += not (w in NOISE or w in CIVILITIES or w in LEGAL_FORMS)
    return " ".join(kept), False


def _reference(word: str) -> bool:
    """A number, or letters and digits mixed (M105, 0001234): a reference, no name."""
    return any(c.isdigit() for c in word)


def siren_ok(digits: str) -> bool:
    """The Luhn key of a SIREN (9 digits) or a SIRET (14 digits)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


class ClientNames:
    """The clients of the open invoices, ready to be recognised in a payer's name."""

    def __init__(self, clients: Iterable[str], forms: Mapping[str, str] | None = None) -> None:
        self.names = sorted({c for c in clients if isinstance(c, str) and c.strip()})
        split = [split_name(c) for c in self.names]
        self.words = [w for w, _ in split]
        self.forms = [f | set(_tokens((forms or {}).get(c, ""))) & LEGAL_FORMS
                      for c, (_, f) in zip(self.names, split, strict=True)]  # fmt: skip
        self.cleaned = [" ".join(w) for w in self.words]
        self.by_prefix: dict[str, list[int]] = {}
        for i, words in enumerate(self.words):
            for w in dict.fromkeys(words):
                self.by_prefix.setdefault(w[:_PREFIX], []).append(i)

    def _candidates(self, query_words: list[str]) -> list[int]:
        """The clients sharing one of the query's two rarest word beginnings: a payer is
        recognised by what sets it apart (« PETIT »), not by « BOULANGERIE »."""
        prefixes = {w[:_PREFIX] for w in query_words} & self.by_prefix.keys()
        buckets = sorted((self.by_prefix[p] for p in prefixes), key=len)
        found: dict[int, None] = {}
        for bucket in buckets[:2]:
            found.update(dict.fromkeys(bucket[:MAX_CANDIDATES]))
        return list(found)

    def recognise(self, payer: str, label: str = "") -> tuple[list[tuple[str, float]], str]:
        """The clients this payer may be, best first with their score (at least MIN_SCORE),
        and the name compared."""
        name, _exact = payer_name(payer, label)
        query, forms = split_name(name)
        tokens = _tokens(name)
        person = any(w in CIVILITIES for w in tokens[:2])
        said = " ".join(w for w in tokens if w not in NOISE)  # as the bank wrote it
        if len(" ".join(query)) < 3:
            return [], said
        from rapidfuzz import fuzz, process  # imported when a payer is looked for, not by a run

        candidates = self._candidates(query)
        choices = [self.cleaned[i] for i in candidates]
        found = process.extract(
            " ".join(query),
            choices,
            scorer=fuzz.token_set_ratio,
            limit=None,
            score_cutoff=MIN_SCORE - 10,
        )
        scored: list[tuple[str, float, frozenset[str]]] = []
        for _choice, score, k in found:
            i = candidates[k]
            final, matched = _adjusted(float(score), query, forms, self.words[i], self.forms[i])
            if person and self.forms[i]:
                final -= 10.0  # « M JEAN MARTIN » is a person, the client a company
            if final >= MIN_SCORE:
                scored.append((self.names[i], min(final, 100.0), matched))
        return _undominated(scored), said

    def by_siren(self, text: str, sirens: Mapping[str, str]) -> str | None:
        """The one client whose SIREN (or SIRET) the text holds (its Luhn key checked)."""
        found = set()
        for m in _SIREN.finditer(fold(text)):
            siren = "".join(m.groups()[:3])
            if siren_ok(siren) and siren in sirens:
                found.add(sirens[siren])
        return found.pop() if len(found) == 1 else None


def _adjusted(
    score: float, query: list[str], forms: set[str], name: list[str], name_forms: set[str]
) -> tuple[float, frozenset[str]]:
    """The token-set score, lowered for the client's words the payer lacks and for legal
    forms that disagree; a name of one word must be all the payer says (or share its form)."""
    if len("".join(name)) < 3:
        return 0.0, frozenset()
    matched = frozenset(q for q in query if any(_same(q, n) for n in name))
    missing = sum(1 for n in name if not any(_same(q, n) for q in query))
    score -= 15.0 * missing / len(name)
    if forms and name_forms:
        score += 4.0 if forms & name_forms else -8.0
    extra = len(query) - len(matched)
    if len(name) == 1 and extra and not forms & name_forms:
        score = min(score, MIN_SCORE - 1)
    return score, matched


def _same(a: str, b: str) -> bool:
    """Two words of a name alike: equal, an initial (« B » for BENEDICTE), or a typo."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    from rapidfuzz import fuzz

    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 85


def _undominated(scored: list[tuple[str, float, frozenset[str]]]) -> list[tuple[str, float]]:
    """Best first; a client whose matched words are strictly fewer than another's (« MARTIN »
    against « MARTIN FILS ») is dropped."""
    kept = [
        (name, score)
        for name, score, matched in scored
        if not any(matched < other for _, _, other in scored)
    ]
    kept.sort(key=lambda pair: (-pair[1], pair[0]))
    return kept


def identified(scored: list[tuple[str, float]]) -> str | None:
    """The one client a payer is, when the best leads clearly; else None."""
    if not scored:
        return None
    if len(scored) > 1 and scored[0][1] - scored[1][1] < MARGIN:
        return None
    return scored[0][0]


__all__ = ["MIN_SCORE", "ClientNames", "identified", "payer_name", "siren_ok", "split_name"]
