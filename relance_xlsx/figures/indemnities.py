"""The indemnities a declaration of claim declares: the law's 40 € per invoice due before the
judgment (Code de commerce L441-10 II, D441-5); beyond it, a complement on proof of the costs
(L441-10 II), as the litigation file says (settled.py), never called « forfaitaire »."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..wording import money
from .parties import LAW_INDEMNITY

if TYPE_CHECKING:
    from .declaration import Declaration


def indemnity_lines(d: Declaration) -> list[str]:
    """« 2 facture(s) échue(s) avant le jugement × 40,00 € = 80,00 € », the product only when
    every indemnity is the same amount; else the count of each amount, then the sum."""
    amounts = Counter(round(i.indemnity, 2) for i in d.due if i.indemnity > 0.005)
    if not amounts:
        return []
    count = sum(amounts.values())
    each = " + ".join(f"{n} × {money(a)}" for a, n in sorted(amounts.items(), reverse=True))
    if len(amounts) == 1:
        each = f"{count} facture(s) échue(s) avant le jugement × {money(next(iter(amounts)))}"
    else:
        each = f"{count} factures échues avant le jugement, {each}"
    total = money(d._sum(d.due, "indemnity"))
    fixed = round(sum(min(i.indemnity, LAW_INDEMNITY) for i in d.due), 2)
    if d._sum(d.due, "indemnity") - fixed < 0.005:
        return [
            f"Indemnités forfaitaires pour frais de recouvrement : {each} = {total} "
            "(L441-10 II, D441-5)."
        ]
    # Beyond the law's 40 €, a complement on proof of the costs, as the litigation file says.
    more = money(round(d._sum(d.due, "indemnity") - fixed, 2))
    return [
        f"Frais de recouvrement : {each} = {total}, soit {money(fixed)} d'indemnités "
        f"forfaitaires (Code de commerce D441-5) et {more} d'indemnisation complémentaire, sur "
        "justification des frais exposés (L441-10 II)."
    ]


def beyond_law(d: Declaration) -> bool:
    """An indemnity above the law's 40 €: the rest is a complement, on proof (L441-10 II)."""
    return any(i.indemnity - LAW_INDEMNITY > 0.005 for i in d.due)


def indemnity_label(d: Declaration) -> str:
    """The summary's label of the indemnities."""
    if beyond_law(d):
        return "Frais de recouvrement (indemnités forfaitaires et indemnisation complémentaire)"
    return "Indemnités forfaitaires"


__all__ = ["beyond_law", "indemnity_label", "indemnity_lines"]
