"""What the status columns say of each invoice: paid, not to chase, on hold, waiting.

Each distinct status is read once (statuses.status_meaning); when two columns speak (a
« Statut » and a platform's « Statut PDP », a « CLOTURE »), the stronger meaning wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .atsale import NOT_RECEIPTS, receipts_book
from .coded import Coded, nones, object_array
from .columns import header_words
from .flagged import FLAG_READERS, FLAG_SAID, UNKNOWN_FLAGS
from .grid import Grid
from .lettering import NOT_LETTERING, column_meanings, not_lettering
from .pending import CLOSED_PART_PAID, pending_word
from .problems import Decision
from .reminded import issued_drafts, reminded_rows, sent_anyway
from .statuses import CLOSED, DRAFT, HOLD, OPEN, PRIORITY, SAID, status_meaning
from .text import parse_text

STATUS_FIELDS = (
    "status",
    "payment_status",
    "platform_status",
    "closed",
    "litigation",
    "cancelled",
    "credit_flag",
    "credit_due",
    "lettering",
    "draft_flag",
    "sent_flag",
    "payment_method",
)
# Axonaut's paid column, beside its « Payée partiellement ».
_AXONAUT_PAID = frozenset({"montant paye", "montant payee"})
UNKNOWN_STATUS = "statut non reconnu : la facture est relancée si elle est échue"
_EXAMPLES = 3
_UNKNOWN_EXAMPLES = 12


@dataclass(frozen=True, eq=False)
class Standing:
    """Per row: the meaning of its statuses (its rank in PRIORITY, len(PRIORITY) for none),
    and the cell that says it."""

    ranks: np.ndarray
    said: np.ndarray  # « Soldé » (colonne « ETAT »)
    decisions: tuple[Decision, ...]
    asked: np.ndarray  # a draft's status beside a recorded reminder: the hold reason, or None

    @property
    def meaning(self) -> np.ndarray:
        """The meaning of each row's statuses, or None."""
        return object_array([*PRIORITY, None])[self.ranks]

    def take(self, rows: np.ndarray) -> Standing:
        """The rows a mask or index array selects."""
        return Standing(self.ranks[rows], self.said[rows], self.decisions, self.asked[rows])

    def rows(self, meaning: str) -> np.ndarray:
        """Which rows have this meaning."""
        # Ranks compared, not a million texts: this is asked once per meaning.
        rank = PRIORITY.index(meaning) if meaning in PRIORITY else -1
        return np.equal(self.ranks, rank)


def read_standing(grid: Grid) -> Standing:
    """The meaning of each row's status cells, and what `check` lists of them."""
    none = len(PRIORITY)
    ranks = np.full(len(grid), none)
    said = nones(len(grid))
    sources = nones(len(grid))  # the field whose cell gave each row's meaning
    proof = reminded_rows(grid)  # a reminder recorded: issued (review-pubre2 H2, M1)
    decisions: list[Decision] = []
    for field in STATUS_FIELDS:
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        read = FLAG_READERS[field][0] if field in FLAG_READERS else _reader(grid)
        values = raw.values.tolist()
        meanings = column_meanings(values) if field == "lettering" else [read(v) for v in values]
        header = grid.header(field)
        if field == "lettering" and not_lettering(list(raw.values)):
            decisions.append(Decision(f"« {header} » {NOT_LETTERING}", int((raw.codes >= 0).sum())))
            continue
        if field == "payment_method" and not receipts_book(grid.positions):
            filled = int((raw.codes >= 0).sum())
            decisions.append(Decision(f"« {header} » : {NOT_RECEIPTS}", filled))
            continue
        rank = np.array([PRIORITY.index(m) if m else none for m in meanings])[raw.codes]
        better = rank < ranks
        if field == "sent_flag":  # « Not Sent » beside « AUTHORISED »: issued, chased
            better &= ranks != PRIORITY.index(OPEN)
            better &= ~sent_anyway(grid, better & (rank == PRIORITY.index(HOLD)), proof)
        ranks = np.where(better, rank, ranks)
        sources[better] = field
        quotes = object_array([f"« {_shown(v)} », colonne « {header} »" for v in raw.values])
        said[better] = quotes[raw.codes[better]]
        decisions += _decisions(header, raw, meanings, field)
    drafts = np.equal(ranks, PRIORITY.index(DRAFT))
    asked = issued_drafts(grid, drafts, sources, proof)
    ranks[asked != None] = PRIORITY.index(HOLD)  # noqa: E711
    return Standing(ranks, said, tuple(decisions), asked)


def _reader(grid: Grid) -> Callable[[Any], str | None]:
    """The status reader: Axonaut's « Payée partiellement » beside a « Montant payé » is a
    part paid, its balance owed (read from that column), not Dolibarr's classed invoice."""
    if "paid" not in grid.positions or header_words(grid.header("paid")) not in _AXONAUT_PAID:
        return status_meaning  # Dolibarr's « Déjà réglé », « Reste à encaisser »: classed
    return lambda v: OPEN if pending_word(v) == CLOSED_PART_PAID else status_meaning(v)


def _decisions(header: str, raw: Coded, meanings: list[str | None], field: str) -> list[Decision]:
    """One line per meaning of a column: its values (most frequent first) and their count."""
    flag = FLAG_READERS.get(field)
    counts = np.bincount(raw.codes, minlength=len(raw.values))
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for value, meaning, count in zip(raw.values, meanings, counts.tolist(), strict=True):
        text = _shown(value)
        if not count or not text or (flag and meaning is None and flag[1](value) is False):
            continue
        unknown = flag[2] if flag else UNKNOWN_STATUS
        said = FLAG_SAID.get(field, {}).get(meaning or "") or SAID.get(meaning or "")
        if meaning == HOLD and not flag and (step := pending_word(value)):
            # « Promesse de paiement », « Mise en demeure »: what is under way, not a dispute.
            said = f"{step.split(' : ')[0]} : en attente, pas de relance"
        groups[said or unknown].append((count, text))
    out = []
    for said, found in groups.items():
        found.sort(key=lambda c: -c[0])
        # Statuses not known are all named (a run warns of them), up to a longer list.
        # So are lettering codes: one typed for « unpaid » among AA, AB must show by name.
        named = said in (UNKNOWN_STATUS, *UNKNOWN_FLAGS) or field == "lettering"
        examples = _UNKNOWN_EXAMPLES if named else _EXAMPLES
        shown = ", ".join(f"« {text} » ({count})" for count, text in found[:examples])
        more = f" … et {len(found) - examples} autre(s)" if len(found) > examples else ""
        what = f"« {header} » = {shown}{more} : {said}"
        if said == UNKNOWN_STATUS and {t for _, t in found} <= {"0", "1"}:
            # Read as paid only under a header that says so (judge._paid_ones): say how.
            what += " (si 1 veut dire réglée, renommez la colonne « Payée »)"
        out.append(Decision(what, sum(c for c, _ in found)))
    return out


def _shown(value: Any) -> str:
    return " ".join((parse_text(value) or "").split())


__all__ = ["CLOSED", "STATUS_FIELDS", "UNKNOWN_STATUS", "Standing", "read_standing"]
