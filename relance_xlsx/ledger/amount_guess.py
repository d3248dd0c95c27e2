"""Which column a guessed mapping (`check --suggest-config`) names as the amount, among several
columns of money: the total beside its net (« Base HT » beside « Total facture »), and the
amount in the invoice's own currency beside one converted into the bookkeeping currency
(« Amount at historic rate » beside « Amount in transaction currency » and « Currency »).
"""

from __future__ import annotations

from collections.abc import Callable

from .columns import ALIASES, header_words

# A net amount, before tax: never the amount claimed when the total stands beside it.
_NET = frozenset({"ht", "hors", "net", "subtotal", "excl", "before"})
_NET_HEADERS = frozenset(header_words(a) for a in ALIASES["amount_ht"])
# A total, with tax: the amount claimed.
_GROSS = frozenset({"total", "brut", "ttc", "gross", "tvac", "incl", "including"})
# An amount converted into the bookkeeping currency (« at historic rate », « en devise de
# tenue », « in local currency », « Balance RON »), not the invoice's.
_CONVERTED = (
    "historic",
    "historical",
    "local currency",
    "accounting currency",
    "functional currency",
    "reporting currency",
    "company currency",
    "devise de tenue",
    "devise locale",
    "devise comptable",
    "monnaie locale",
    "devise societe",
    "mst",
    "ledger currency",
)
# The invoice's own currency (« Amount in transaction currency », « Montant devise »).
_OWN = ("transaction currency", "document currency", "invoice currency", "devise", "currency")
_CURRENCY_HEADERS = frozenset(header_words(a) for a in ALIASES["currency"])
# What is left to pay is the balance, never the invoice's amount.
_LEFT = frozenset({"balance", "solde", "reste", "restant", "outstanding", "open", "remaining"})


def _is_net(header: str) -> bool:
    folded = header_words(header)
    return folded in _NET_HEADERS or bool(set(folded.split()) & _NET and "ttc" not in folded)


def _is_converted(header: str) -> bool:
    folded = f" {header_words(header)} "
    return any(f" {w} " in folded for w in _CONVERTED)


def _is_own(header: str) -> bool:
    folded = f" {header_words(header)} "
    return not _is_converted(header) and any(f" {w} " in folded for w in _OWN)


def pick_amount(
    chosen: str | None,
    headers: dict[int, str],
    fits: Callable[[int], bool],
) -> tuple[str | None, str | None]:
    """The amount column to suggest instead of `chosen` (or `chosen` itself), and why it was
    set aside; None when no column can be trusted (then the amount is not written).

    `fits` says whether a column's content can hold an amount.
    """
    if chosen is None:
        return None, None
    money = [h for j, h in headers.items() if h != chosen and fits(j)]
    if _is_net(chosen):
        gross = [h for h in money if set(header_words(h).split()) & _GROSS and not _is_net(h)]
        if gross:
            return gross[0], (
                f"« {chosen} » n'est pas retenue pour le montant : c'est le montant hors taxes, "
                f"et « {gross[0]} » est le total réclamé"
            )
    has_currency = any(header_words(h) in _CURRENCY_HEADERS for h in headers.values())
    if has_currency and _is_converted(chosen):
        own = [h for h in money if _is_own(h) and not set(header_words(h).split()) & _LEFT]
        why = (
            f"« {chosen} » n'est pas retenue pour le montant : c'est un montant converti dans "
            "la devise de tenue des comptes, pas dans celle de la facture (colonne devise)"
        )
        return (own[0], why) if own else (None, why + " ; nommez le montant dans [columns]")
    return chosen, None


__all__ = ["pick_amount"]
