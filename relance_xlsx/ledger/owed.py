"""Which column holds the amount owed: never a reference, the VAT-inclusive total beside a
net and a VAT column, never a running total."""

from __future__ import annotations

import numpy as np

from .column_case import Case
from .profile import Profile
from .sums import adds_up, running_total

# Words of a header that names a reference, never an amount (« V/REF », « Code client »).
REFERENCE_WORDS = frozenset(
    {"ref", "reference", "no", "code", "dossier", "siret", "siren", "tel", "telephone"}
    | {"phone", "cp", "zip", "postal", "iban", "compte"}
)
# Words of a header that names an amount (for a column chosen by its content).
_AMOUNT_WORDS = frozenset(
    {"montant", "amount", "total", "ttc", "bill", "billed", "prix", "price", "valeur"}
    | {"value", "somme", "sum", "du", "due", "invoice", "facture", "creance"}
)
# Fields whose columns hold amounts (the others are never a net, VAT or total column).
_MONEY = ("paid", "balance", "promise_amount", "vat")


def references(case: Case) -> None:
    """A reference, a row counter, text or dates are never read as an amount."""
    for field in ("amount", "balance"):
        column = case.movable(field)
        if column is None:
            continue
        why = not_amount(case.words(column), case.profiles[column])
        if why:
            del case.pos[field]
            case.notes.append(f"« {case.name(column)} » n'est pas un montant : {why}.")


def not_amount(words: set[str], p: Profile) -> str | None:
    """Why a column with this header and content holds no amounts (None: it may)."""
    if words & REFERENCE_WORDS:
        return "son en-tête nomme une référence"
    # Numbers that follow each other are references, unless the header says amount.
    if p.filled >= 3 and (p.counter or p.sequence) and not words & _AMOUNT_WORDS:
        return "des numéros qui se suivent, des références"
    if p.filled >= 3 and p.dates >= 0.8:
        return "elle contient des dates"
    if p.filled >= 3 and p.numbers < 0.5:
        return "elle contient surtout du texte"
    return None


def net_vat_total(case: Case) -> None:
    """With net, VAT and total columns, the client owes the VAT-inclusive total."""
    vat = case.pos.get("vat")
    if vat is None:
        return
    # One VAT column per rate (« montant TVA 20% », « montant TVA 10% »…): their sum.
    rates = [vat, *(j for j in case.free() if case.words(j) == case.words(vat))]
    vats = np.nansum([case.profiles[j].values for j in rates], axis=0)
    vats[np.all([np.isnan(case.profiles[j].values) for j in rates], axis=0)] = np.nan
    taken = {case.pos[f] for f in _MONEY if f in case.pos} | set(rates)
    columns = [
        j
        for j in {*case.free(), case.pos.get("amount"), case.pos.get("amount_ht")}
        if j is not None and j not in taken and case.numeric(j)
    ]
    best: tuple[int, int, int, int] | None = None
    for net in columns:
        for total in columns:
            if net == total:
                continue
            good, seen = adds_up(case.profiles[net].values, vats, case.profiles[total].values)
            if seen and good >= 0.8 * seen and (best is None or good > best[2]):
                best = (net, total, good, seen)
    if best is None:
        return
    net, total, good, seen = best
    before = case.pos.get("amount")
    if not case.is_fixed("amount"):
        case.pos["amount"] = total
    if not case.is_fixed("amount_ht") and case.pos.get("amount_ht") in (None, total):
        case.pos["amount_ht"] = net
    names = [case.name(j) for j in (total, net, vat)]
    taxes = f"« {names[2]} »" + (f" et {len(rates) - 1} autre(s) taux" if len(rates) > 1 else "")
    case.evidence["amount"] = (
        f"« {names[0]} » = « {names[1]} » + {taxes} sur {good} ligne(s) sur {seen} : "
        "le montant dû est le total TTC"
    )
    if before is not None and before != case.pos["amount"]:
        case.notes.append(
            f"Montant dû : « {names[0]} » (TTC), pas « {case.name(before)} » (hors taxes)."
        )


# Words of a header that names a net amount (before tax), and of one that names a total.
_NET_WORDS = frozenset(
    {"price", "prix", "ht", "net", "subtotal", "hors", "excl", "before", "pre", "goods"}
    | {"unit", "unitaire", "pu", "base"}
)
_GROSS_WORDS = frozenset({"ttc", "total", "gross", "incl", "including", "brut", "due", "du"})


def net_plus_vat(case: Case) -> None:
    """A net amount (« Price », « Montant HT ») beside a tax column and no total: the client
    owes the two together, never the net alone."""
    if "amount" not in case.pos and "balance" not in case.pos and "amount_ht" in case.pos:
        case.pos["amount"] = case.pos["amount_ht"]  # « Montant HT » and « TVA », no TTC
        if "vat" not in case.pos and _gross_beside_net(case, case.pos["amount_ht"]):
            return
    amount, vat = case.pos.get("amount"), case.pos.get("vat")
    if amount is None or vat is None or "amount" in case.evidence or case.is_fixed("amount"):
        return  # no tax, or the total was found (net_vat_total), or the user named it
    words = case.words(amount)
    if not words & _NET_WORDS or words & _GROSS_WORDS or not case.numeric(vat):
        return
    if _gross_as_vat(case, amount, vat):
        return
    case.pos["add_vat"] = vat
    names = case.name(amount), case.name(vat)
    case.evidence["amount"] = (
        f"« {names[0]} » + « {names[1]} » : aucune colonne de total, le montant dû est "
        "le montant hors taxes plus la taxe"
    )
    case.evidence["add_vat"] = f"ajoutée à « {names[0]} » pour le montant dû"
    case.notes.append(f"Montant dû : « {names[0]} » + « {names[1]} » (aucun total TTC).")


def _gross_beside_net(case: Case, net: int) -> bool:
    """A net claimed for want of a total, beside one amount column (its header names an
    amount) 0 to 30 % above it on nearly every row: that column, the TTC under a header the
    synonyms do not know, is claimed. Whether it was."""
    nets = case.profiles[net].values
    found = []
    for j in case.free():
        words = case.words(j)
        if not case.numeric(j) or words & (REFERENCE_WORDS | _NET_WORDS):
            continue
        if not words & (_AMOUNT_WORDS | _GROSS_WORDS):
            continue  # a header that names an amount: never a weight or a count
        gross = case.profiles[j].values
        both = ~np.isnan(nets) & ~np.isnan(gross) & (nets > 0)
        seen = int(np.count_nonzero(both))
        above = (gross[both] > nets[both]) & (gross[both] <= 1.3 * nets[both])
        if (
            seen >= 2
            and np.count_nonzero(above) >= 0.8 * seen
            and seen >= 0.8 * case.profiles[net].filled
        ):
            found.append(j)
    if len(found) != 1 or case.is_fixed("amount"):
        return False
    case.pos["amount"] = found[0]
    names = case.name(found[0]), case.name(net)
    case.evidence["amount"] = (
        f"« {names[0]} » dépasse « {names[1]} » (hors taxes) de 0 à 30 % sur chaque ligne : "
        "c'est le total TTC"
    )
    case.notes.append(f"Montant dû : « {names[0]} » (TTC), pas « {names[1]} » (hors taxes).")
    return True


def _gross_as_vat(case: Case, net: int, vat: int) -> bool:
    """A « VAT » column larger than the net on nearly every row is the total (« Total avec
    TVA » read as a tax): claimed as the TTC, never added to the net. Whether it was."""
    if case.is_fixed("vat"):
        return False
    nets, taxes = case.profiles[net].values, case.profiles[vat].values
    both = ~np.isnan(nets) & ~np.isnan(taxes) & (nets > 0)
    seen = int(np.count_nonzero(both))
    if not seen or np.count_nonzero(taxes[both] > nets[both]) < 0.8 * seen:
        return False
    del case.pos["vat"]
    case.pos["amount"] = vat
    if not case.is_fixed("amount_ht"):
        case.pos["amount_ht"] = net
    names = case.name(vat), case.name(net)
    case.evidence["amount"] = (
        f"« {names[0]} » est plus grand que « {names[1]} » (hors taxes) sur {seen} ligne(s) : "
        "c'est le total TTC, pas la TVA"
    )
    case.notes.append(f"Montant dû : « {names[0]} » (TTC), pas « {names[1]} » (hors taxes).")
    return True


def running_totals(case: Case) -> None:
    """A column filled on a group's last row with the sum above it is a running total."""
    for field in ("amount", "balance"):
        column = case.movable(field)
        if column is None or (field == "balance" and "amount" not in case.pos):
            continue
        own = case.profiles[column]
        bases = [case.pos["amount"]] if field == "balance" else _amount_columns(case, column)
        found = next((b for b in bases if running_total(own.values, case.profiles[b].values)), None)
        keys = [case.profiles[case.pos[k]].fill for k in ("invoice", "client") if k in case.pos]
        sparse = field == "amount" and own.fill < 0.5 and max(keys, default=0.0) >= 0.8
        if found is None and not (sparse and bases):
            continue
        del case.pos[field]
        how = "égale à la somme des lignes au-dessus" if found is not None else "presque vide"
        case.notes.append(
            f"« {case.name(column)} » est un total cumulé (remplie sur {own.filled} ligne(s) "
            f"sur {own.rows}, {how}) : ce n'est pas le montant de chaque facture."
        )
        if field == "amount":
            base = bases[0] if found is None else found
            case.pos["amount"] = base
            case.evidence["amount"] = (
                f"montant de chaque facture ; « {case.name(column)} » en est le total cumulé"
            )


def _amount_columns(case: Case, column: int) -> list[int]:
    """Other columns that could hold each invoice's amount: filled, numbers, amount words."""
    return [
        j
        for j in case.free()
        if j != column
        and case.numeric(j)
        and case.profiles[j].fill >= 0.8
        and case.words(j) & _AMOUNT_WORDS
        and not case.words(j) & REFERENCE_WORDS
    ]


_SUM_TOLERANCE = 0.01


def balance_beside_paid(case: Case) -> None:
    """The amount of a table with a balance and a paid column but no amount, in place: the
    balance never stands for it then, the payment would be deducted twice (review-pubwb7 H6);
    the column that is balance + paid on every row, else the balance without the paid one."""
    pos = case.pos
    if "amount" in pos or "balance" not in pos or "paid" not in pos:
        return
    balance, paid = pos["balance"], pos["paid"]
    left, got = case.profiles[balance].values, case.profiles[paid].values
    both = ~np.isnan(left) & ~np.isnan(got)
    if not np.count_nonzero(both & (got > 0)):
        return  # nothing paid anywhere: the balance is the amount, as without a paid column
    names = case.name(balance), case.name(paid)
    for j in case.free():
        if not case.numeric(j):
            continue
        whole = case.profiles[j].values
        seen = both & ~np.isnan(whole)
        if np.count_nonzero(seen) == np.count_nonzero(both) and np.all(
            np.abs(whole[seen] - left[seen] - got[seen]) <= _SUM_TOLERANCE
        ):
            pos["amount"] = j
            case.evidence["amount"] = (
                f"« {case.name(j)} » = « {names[0]} » + « {names[1]} » sur toutes les lignes"
            )
            return
    del pos["paid"]
    case.notes.append(
        f"« {names[0]} » lu comme le montant dû : « {names[1]} » n'en est pas déduit une "
        'seconde fois ; nommez la colonne du montant de la facture (amount = "…") dans la '
        "section [columns] de relance.toml."
    )


__all__ = [
    "REFERENCE_WORDS",
    "balance_beside_paid",
    "net_plus_vat",
    "net_vat_total",
    "not_amount",
    "references",
    "running_totals",
]
