"""What a litigation file says under its table of invoices: how the invoices settled late were
settled (paid, or a credit note naming the invoice, then paid), and the indemnities claimed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..wording import money
from .days import short_day
from .parties import LAW_INDEMNITY, Debtor, paid_late_line, still_owed


def settled_lines(
    debtor: Debtor, invoices: Sequence[Any], undated: Sequence[Any] = ()
) -> list[str]:
    """The invoices of the claim whose principal is settled, those paid without a day (none
    of their penalties computed), and the indemnities claimed."""
    out = [_undated(i) for i in undated]
    paid = [i for i in invoices if i.principal < 0.005 and i.paid > 0]
    plain = [i for i in paid if not i.credit_notes]
    if plain:
        owed = [any(i.interest > 0.005 for i in plain), any(i.indemnity > 0.005 for i in plain)]
        out.append(paid_late_line(debtor, [i.number for i in plain], *owed))
    out += [_credited(debtor, i) for i in paid if i.credit_notes]
    if any(i.indemnity for i in invoices):
        out.append(_indemnities(debtor, invoices))
    return out


def _indemnities(debtor: Debtor, invoices: Sequence[Any]) -> str:
    """The indemnities claimed, and on what: the law's 40 € (D441-5, R2192-32 for a public
    buyer); beyond it, the further compensation on proof of the costs (L441-10 II), as the
    basis says."""
    public = debtor.public
    article = "Code de la commande publique R2192-32" if public else "Code de commerce D441-5"
    indemnity = round(sum(i.indemnity for i in invoices), 2)
    count = sum(1 for i in invoices if i.indemnity)
    on = f"{count} facture{'s' if count > 1 else ''}"
    fixed = round(sum(min(i.indemnity, LAW_INDEMNITY) for i in invoices), 2)
    if indemnity - fixed < 0.005:
        return (
            f"Indemnités forfaitaires pour frais de recouvrement ({article}) : "
            f"{money(indemnity)} pour {on}."
        )
    proof = "" if debtor.public else " (Code de commerce L441-10 II)"
    return (
        f"Frais de recouvrement : {money(indemnity)} pour {on}, soit "
        f"{money(fixed)} d'indemnités forfaitaires ({article}) et "
        f"{money(round(indemnity - fixed, 2))} d'indemnisation complémentaire, sur "
        f"justification des frais exposés{proof}."
    )


def _credited(debtor: Debtor, invoice: Any) -> str:
    """« Facture M1 : avoir n° AV-M1 du 15/10/2026 (300,00 €), puis règlement de 700,00 € le
    02/12/2026 ; principal soldé après l'échéance ; restent dues … »: an invoice settled in
    part by a credit note naming it, each step on its day, oldest first."""
    owed = still_owed(debtor, invoice.interest > 0.005, invoice.indemnity > 0.005)
    return (
        f"Facture {invoice.number} : {_story(invoice)} ; principal soldé après l'échéance ; {owed}."
    )


def _undated(invoice: Any) -> str:
    """An invoice handed over, then settled by a payment without a day (a credit note does
    not date it): as for any payment without a day, no penalty is computed on it."""
    return (
        f"Facture {invoice.number} : {_story(invoice)} ; principal soldé à une date inconnue : "
        "sans la date du règlement, ni pénalités ni indemnité n'y sont calculées (indiquez-la "
        "dans le classeur, colonne « Date règlement », puis refaites le dossier)."
    )


def _story(invoice: Any) -> str:
    """Its credit notes and payments, each on its day, oldest first; the undated last."""
    steps = [
        (day, f"avoir n° {number} " + (f"du {short_day(day)}" if day else "non daté")
              + f" ({money(used)}" + (f" sur {money(whole)})" if whole - used > 0.005 else ")"))
        for number, day, used, whole in invoice.credit_notes
    ]  # fmt: skip
    steps += [
        (day, f"règlement de {money(amount)} " + (f"le {short_day(day)}" if day else "non daté"))
        for day, amount in invoice.payments
    ]  # fmt: skip
    steps.sort(key=lambda s: (s[0] is None, s[0] or dt.date.min))
    return ", puis ".join(text for _, text in steps)


__all__ = ["settled_lines"]
