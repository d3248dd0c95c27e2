"""An aged balance by client (« Balance âgée clients » : Compte, Intitulé, Non échu, 1 à 30 j,
31 à 60 j … Total): one line per client, no invoice, refused in one sentence that says so
(review-pubwb6 L1)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import LedgerError
from .columns import match_headers, normalise

# An ageing bucket's header, folded: « Non échu », « 1 à 30 j », « 31-60 jours », « + 90 j ».
_BUCKET = re.compile(
    r"^(non echu\w*|a echoir|pas echu\w*|not due|current|"
    r"(de )?\d+ (a |to |et )?\d+ (j|jours?|days?)|"
    r"(plus de |au dela de |over )?\d+ (j|jours?|days?))$"
)
_BUCKETS = 2


def aged_refusal(path: Path, heads: dict[str, list[list[Any]]]) -> LedgerError | None:
    """The refusal of a workbook whose table is an aged balance by client (ageing buckets,
    no invoice number), or None."""
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            buckets = [v for v in row if isinstance(v, str) and _BUCKET.match(_folded(v))]
            if len(buckets) < _BUCKETS or "invoice" in match_headers(row):
                continue
            shown = ", ".join(f"« {str(b).strip()} »" for b in buckets[:4])
            return LedgerError(
                f"{path.name} est une balance âgée par client (feuille « {sheet} », en-têtes "
                f"en ligne {index + 1} : {shown}…) : une ligne par client, sans ses factures, "
                "et une lettre doit nommer chaque facture due ; exportez plutôt de votre "
                "logiciel la balance âgée détaillée par facture, l'« échéancier clients » ou le "
                "« grand livre clients non lettré »."
            )
    return None


def _folded(value: str) -> str:
    return " ".join(normalise(value).split())


__all__ = ["aged_refusal"]
