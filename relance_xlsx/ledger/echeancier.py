"""An accounting « Échéancier clients » (Sage, EBP): the account's name beside its code."""

from __future__ import annotations

import numpy as np

from ..wording import money
from .coded import parse_amounts
from .column_case import Case
from .columns import header_words
from .grid import Grid

# The name of an account beside its code (« N° compte | Intitulé »).
_ACCOUNT_NAME = frozenset(
    {"intitule", "intitule compte", "intitule du compte", "intitule tiers", "intitule client"}
    | {"libelle compte", "libelle du compte", "nom du compte", "nom compte"}
)


def account_names(case: Case) -> None:
    """« Intitulé » beside a client account code (« 411ALPHA ») read as the client: one name
    per code on every row, the name of the account, not the invoice's subject."""
    number, client = case.pos.get("client_number"), case.pos.get("client")
    if number is None or client != number or case.is_fixed("client"):
        return
    named = case.movable("object")
    if named is None or header_words(case.name(named)) not in _ACCOUNT_NAME:
        return
    pairs: dict[str, set[str]] = {}
    for row in case.profiles.sample:
        code = row[number] if number < len(row) else None
        name = row[named] if named < len(row) else None
        if code in (None, "") or name in (None, ""):
            continue
        pairs.setdefault(str(code).strip(), set()).add(str(name).strip())
    if not pairs or any(len(names) > 1 for names in pairs.values()):
        return
    case.pos["client"] = case.pos.pop("object")
    case.evidence["client"] = (
        f"d'après le contenu : un nom par compte de « {case.name(number)} », le nom du client"
    )


# The rows of instalments held because the invoice's total is reached before them: held on
# purpose, their reason said, never counted as misread (usable.py; review-late M4).
PLAN_SURPLUS = "plan_surplus"

# The amount of one instalment beside the invoice's total (« Montant TTC | Montant échéance »).
_INSTALMENT_AMOUNT = frozenset(
    {"montant echeance", "montant de l echeance", "montant de echeance", "montant d echeance"}
    | {"montant echeance ttc", "montant de l echeance ttc", "echeance montant"}
)


def instalment_amounts(case: Case) -> None:
    """« Montant échéance » beside the invoice's total is the amount of each row: an
    instalment is claimed for its own amount, never the invoice's whole (review-nextcase H0)."""
    amount = case.movable("amount")
    if amount is None:
        return
    own = [j for j in case.free() if header_words(case.name(j)) in _INSTALMENT_AMOUNT]
    if len(own) != 1 or not case.numeric(own[0]):
        return
    case.pos["amount"] = own[0]
    # The invoice's total stays read: its instalments may not add up to more.
    case.pos["invoice_total"] = amount
    case.evidence["invoice_total"] = "le total de la facture, que ses échéances ne dépassent pas"
    names = case.name(own[0]), case.name(amount)
    case.evidence["amount"] = (
        f"« {names[0]} » : le montant de chaque échéance, « {names[1]} » étant le total "
        "de la facture"
    )
    case.notes.append(
        f"Montant dû : « {names[0]} » (chaque échéance), pas « {names[1]} » (toute la facture)."
    )


def instalments(rows_of: dict[int, list[int]], due: np.ndarray) -> set[int]:
    """The repeated invoice numbers (by code) whose rows each have their own due date: the
    instalments of one invoice (« échéancier »), not a number typed twice."""
    out: set[int] = set()
    for code, rows in rows_of.items():
        days = due[rows]
        if not np.isnat(days).any() and len(set(days.tolist())) == len(rows):
            out.add(code)
    return out


def beyond_invoice(
    grid: Grid, staged: dict[int, list[int]], amount: np.ndarray, due: np.ndarray
) -> dict[int, tuple[float, str, bool]]:
    """The rows of each invoice whose instalments add up to more than its total (« Montant
    TTC »): (the amount cut from the row, the problem said, whether the row is held). Taken in
    due-date order, the instalments are claimed up to the invoice's total, the later ones cut,
    one with nothing left held: never more claimed than the invoice, nor nothing at all (a
    plan adding the agreed indemnity, 3 × 420 € on 1 200 €: review-late M4)."""
    if "invoice_total" not in grid.positions:
        return {}
    total = parse_amounts(grid.raw("invoice_total"))[0]
    out: dict[int, tuple[float, str, bool]] = {}
    for rows in staged.values():
        whole = total[rows]
        if np.isnan(whole).all():
            continue
        ceiling, summed = float(np.nanmax(whole)), float(np.nansum(amount[rows]))
        # No tolerance upward: the tolerance spares chasing small balances, it never lets a
        # letter claim more than the invoice (3 × 333,34 € on 1 000 €, review-late M4).
        if abs(summed) <= abs(ceiling) + 0.005:
            continue
        said = (
            f"les échéances de cette facture font {money(summed)} en tout, plus que son "
            f"montant de {money(ceiling)} (« {grid.header('invoice_total')} ») : "
        )
        parts = amount[rows]
        if ceiling <= 0 or np.isnan(parts).any() or (parts < 0).any():
            held = said + "facture retenue, rien n'est réclamé ; corrigez les échéances en trop"
            out.update(dict.fromkeys(rows, (0.0, held, True)))
            continue
        out.update(_capped(rows, amount, due, ceiling, (said, _surplus(summed - ceiling))))
    return out


def _surplus(extra: float) -> str:
    return (
        f"le surplus de l'échéancier ({money(extra)}) n'est pas réclamé, jamais plus que la "
        "facture ; corrigez les échéances s'il s'agit d'une erreur"
    )


def _capped(
    rows: list[int], amount: np.ndarray, due: np.ndarray, ceiling: float, said: tuple[str, str]
) -> dict[int, tuple[float, str, bool]]:
    """The instalments cut, in due-date order, so that they add up to the invoice's total."""
    out: dict[int, tuple[float, str, bool]] = {}
    left = ceiling
    for i in sorted(rows, key=lambda r: (due[r], r)):
        keep = round(min(float(amount[i]), max(left, 0.0)), 2)
        left = round(left - keep, 2)
        cut = round(float(amount[i]) - keep, 2)
        if cut < 0.005:
            continue
        if keep >= 0.005:
            why = f"cette échéance de {money(float(amount[i]))} est réclamée pour {money(keep)}"
            out[i] = (cut, f"{said[0]}{why} ; {said[1]}", False)
        else:  # nothing left of the invoice for it: held, never claimed
            why = f"rien n'est réclamé sur cette échéance de {money(float(amount[i]))}"
            out[i] = (0.0, f"{said[0]}{why} ; {said[1]}", True)
    return out


def cut_instalments(
    amount: np.ndarray, outstanding: np.ndarray, cut: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The amounts and balances once the instalments beyond their invoice are cut: claimed up
    to its total, never more (review-late M4); every other row as it was."""
    lowered = np.where(cut > 0, np.maximum(outstanding - cut, 0.0), outstanding)
    return amount - cut, lowered


def instalment_note(others: list[int]) -> str:
    """The warning on an instalment's row, naming the other instalments' rows."""
    return (
        f"facture en plusieurs échéances (aussi ligne {', '.join(map(str, others))}) : "
        "chaque échéance est relancée à sa date, pour son seul montant"
    )


__all__ = [
    "PLAN_SURPLUS",
    "account_names",
    "beyond_invoice",
    "cut_instalments",
    "instalment_amounts",
    "instalment_note",
    "instalments",
]
