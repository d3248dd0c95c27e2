"""What a declaration of claim says of a payment it deducts without knowing its date: made
after the opening judgment, a payment of an earlier debt is forbidden (Code de commerce
L622-7) and must not be deducted; the user is asked for its date (the fourth legal review,
9: « Réglé 400,00 € » was deducted without a word)."""

from __future__ import annotations

from typing import Any

from ..wording import money
from .casefile import text


def undated_notes(rows: list[dict[str, Any]]) -> list[str]:
    """What the declaration says of a payment deducted without a date (the fourth legal
    review, 9): made after the judgment, it must not be deducted (L622-7); the interest is
    counted on the rest from the due date, less than owed if it came later (lawnew L3)."""
    out = []
    for r in rows:
        received = float(r["paid"]) - float(r.get("applied") or 0) - float(r.get("netted") or 0)
        payments = r.get("payments") or ()
        dated = sum(float(a) for _, a in payments) if payments else 0.0
        dated = received if not payments and r["payment_date"] is not None else dated
        undated = round(received - dated, 2)
        if undated > 0.005:
            out.append(
                f"Facture {text(r['invoice'])} : règlement de {money(undated)} non daté : s'il "
                "est postérieur au jugement d'ouverture, il ne doit pas être déduit (L622-7) ; "
                "indiquez sa date. Intérêts comptés sur le reste dû dès l'échéance : reçu "
                "après elle, ce règlement laisse dus en plus les intérêts de son montant "
                "jusqu'à sa date."
            )
    return out


__all__ = ["undated_notes"]
