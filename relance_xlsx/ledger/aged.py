"""An aged balance by client (« Balance âgée clients » : Compte, Intitulé, Non échu, 1 à 30 j,
31 à 60 j … Total): one line per client, no invoice, refused in one sentence that says so
(review-pubwb6 L1)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import LedgerError
from .columns import match_headers, normalise
from .grid import Grid

# An ageing bucket's header, folded: « Non échu », « 1 à 30 j », « 31-60 jours », « + 90 j »;
# Xero's « Current », « < 1 Month », « 1 Month », « 3 Months », « Older » (review-pubwb8 H2).
# Also « Échu depuis plus de 90 jours », « Current (not due) », « 0-30 », « Over 90 », « 90 j
# et + », « Retard > 90 j », « Échues » (review-pubre H2).
_BUCKET = re.compile(
    r"^(non echu\w*|a echoir|pas echu\w*|not (yet )?due|current( not (yet )?due)?|older|"
    r"plus ancien\w*|echu|echue|echus|echues|"
    r"(echu\w* )?(depuis )?(de )?\d{1,3} (a |to |et )?\d{1,3}( (j|jours?|days?|mois|months?))?|"
    r"((echu\w*|en retard|retard) )?(depuis )?"
    r"(plus de |au dela de |over |more than |moins de |less than )?\d{1,3} "
    r"(j|jours?|days?|mois|months?)( (et plus|and over|plus|et))?|"
    r"((echu\w*|en retard|retard) )?(plus de |au dela de |over |more than )\d{1,3})$"
)
# « 90+ », « > 120 », « Retard > 90 j », « ≥ 91 »: the sign is lost in folding.
_SIGNED = re.compile(
    r"^((echu\w*|en retard|retard)\s*)?[>≥+]\s*\d{1,3}\s*(j|jours?|days?|mois|months?)?$|"
    r"^\d{1,3}\s*(j|jours?|days?|mois|months?)?\s*(et\s*)?\+\s*(j|jours?|days?|mois|months?)?$"
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


def is_bucket(header: Any) -> bool:
    """Whether a header names an ageing bucket (« Current », « 0-30 j », « Older »): a part
    of the balance split by age, never what is left to pay of the invoice."""
    return isinstance(header, str) and bool(_BUCKET.match(_folded(header)))


def refuse_bucket_balance(grid: Grid) -> str | None:
    """Refuse an ageing bucket read as the balance beside another bucket (an overdue invoice
    is 0 under « Current », never paid); a lone bucket-like balance is only warned of."""
    if "balance" not in grid.positions or not is_bucket(header := grid.header("balance")):
        return None
    others = [h for h in grid.headers if is_bucket(h) and h != header]
    said = (
        f"« {header} » est une tranche d'ancienneté de la balance âgée (la part du solde "
        "non échue, ou échue depuis tant de temps), pas ce qui reste à payer : une facture "
        "échue y vaut 0 sans être réglée"
    )
    if not others:
        return f"Attention : {said} ; vérifiez la ligne balance de relance.toml."
    raise LedgerError(
        f"{said} ; nommez plutôt la colonne du solde de chaque facture (« Total » après "
        f"« {header} », « {others[0]} »…) dans la section [columns] de relance.toml, "
        'balance = "Total", ou retirez la ligne balance ; aucune lettre n\'est préparée.'
    )


def _folded(value: str) -> str:
    if _SIGNED.match(" ".join(value.lower().replace("é", "e").split())):
        return "90 jours et plus"  # read as a bucket, whatever its number
    return " ".join(normalise(value).split())


__all__ = ["aged_refusal", "is_bucket", "refuse_bucket_balance"]
