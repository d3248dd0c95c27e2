"""What a letter lacks before it can be posted: the creditor's settings, the client's postal
address, a « [À COMPLÉTER] » left in its filled context."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import setting_label
from .items import present
from .plan import LetterPlan
from .postal import address_problem
from .records import LetterRows

_MARK = "À COMPLÉTER"


def _address(plan: LetterPlan, data: LetterRows) -> str | None:
    """Why the letter's postal address cannot be posted (None when it can)."""
    rows = data.of(plan.rows or plan.statement_rows)
    contact = any(present(r["contact"]) for r in rows)
    return address_problem(rows, contact)


def _placeholders(value: Any) -> bool:
    """Whether a filled context still holds a « [À COMPLÉTER …] » anywhere."""
    # A loop over a stack, exact types first: a letter's context holds thousands of values,
    # and a generator per dict and list cost more than the search itself.
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if _MARK in item:
                return True
        elif kind is dict:
            # A letter's parts list the invoices its « invoices » already holds.
            stack += [v for k, v in item.items() if k != "parts"]
        elif kind is list or kind is tuple:
            stack += item
        elif isinstance(item, str):
            if _MARK in item:
                return True
        elif isinstance(item, dict):
            stack += [v for k, v in item.items() if k != "parts"]
        elif isinstance(item, list | tuple):
            stack += item
    return False


def lacks(
    plan: LetterPlan, data: LetterRows, creditor: list[str], context: dict[str, Any] | None
) -> tuple[str, ...]:
    """What the letter lacks (creditor: the settings missing), in French; () when nothing."""
    found = []
    if creditor:
        found.append(f"dans vos réglages : {labels(creditor)}")
    address = _address(plan, data)
    if address is not None:
        found.append(address)
    if not found and context is not None and _placeholders(context):
        found.append("un champ « [À COMPLÉTER] » du modèle")
    return tuple(found)


# What « il manque » is followed by: the address said with its article.
_NAMED = {"adresse du client": "l'adresse du client"}
# The phrases that say themselves (an address there but incomplete, a refusal): not « il manque ».
_WHOLE = ("adresse du client ", "refusée au contrôle")


def missing_phrase(missing: Sequence[str]) -> str:
    """What a held letter lacks, in one French phrase: « il manque l'adresse du client »,
    « adresse du client incomplète : la rue » (an item that says itself), joined by « ; »."""
    whole = [m for m in missing if m.startswith(_WHOLE)]
    lacking = [_NAMED.get(m, m) for m in missing if not m.startswith(_WHOLE)]
    said = [f"il manque {', '.join(lacking)}"] if lacking else []
    return " ; ".join(said + whole)


def labels(keys: list[str]) -> str:
    """The missing settings by their French names, each once, in the form's order."""
    return ", ".join(setting_label(k) for k in dict.fromkeys(keys))


__all__ = ["labels", "lacks", "missing_phrase"]
