"""Columns judged by what they hold as well as by their header.

The headers give a first mapping (columns.match_headers); the rows under them confirm or
correct it: an e-mail column is never the postal address, a running total is not the invoice
amount, the VAT-inclusive total is what is owed, a row counter is not an invoice number, a
reference is not an amount. Each field gets the evidence `check` shows for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .columns import header_words
from .labels import label
from .profile import Profile, Profiles
from .sums import adds_up, running_total

# Headers that number rows rather than invoices (« N° », « # », « ID », « Ligne »).
_GENERIC_NUMBER = frozenset({"no", "ligne", "line", "row", "index", "idx", "rang", "item"})
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
# Words of a header that speaks of payment (« Paid? », « Réglée (O/N) », « Payment received »).
_PAID_WORDS = frozenset(
    {"paid", "paye", "payee", "regle", "reglee", "solde", "soldee", "encaisse", "encaissee"}
    | {"received", "recu", "recue", "payment", "paiement", "settled"}
)
# Fields an e-mail column is sometimes mistaken for.
_NOT_EMAIL = ("address", "street", "city", "contact", "remarks", "object")
# Fields whose columns hold amounts (the others are never a net, VAT or total column).
_MONEY = ("paid", "balance", "promise_amount", "vat")


@dataclass(frozen=True)
class Judged:
    """A header mapping after the content has had its say, with the evidence per field."""

    positions: dict[str, int]
    evidence: dict[str, str]
    notes: tuple[str, ...]


class _Case:
    """The mapping being judged, the profiles of its columns, and what was said."""

    def __init__(
        self, positions: Mapping[str, int], row: Sequence[Any], profiles: Profiles, fixed: set[str]
    ) -> None:
        self.pos = dict(positions)
        self.names = {j: str(v).strip() for j, v in enumerate(row) if isinstance(v, str)}
        self.names = {j: n for j, n in self.names.items() if n}
        self.profiles = profiles
        self.fixed = fixed
        self.evidence: dict[str, str] = {}
        self.notes: list[str] = []

    def name(self, column: int) -> str:
        return self.names.get(column, f"colonne {column + 1}")

    def words(self, column: int) -> set[str]:
        return set(header_words(self.names.get(column, "")).split())

    def free(self) -> list[int]:
        """Columns with a header that no field uses."""
        used = set(self.pos.values())
        return [j for j in sorted(self.names) if j not in used]

    def movable(self, field: str) -> int | None:
        """The field's column, unless relance.toml named it (the user's word wins)."""
        return None if field in self.fixed else self.pos.get(field)

    def numeric(self, column: int) -> bool:
        p = self.profiles[column]
        return p.filled > 0 and p.numbers >= 0.8 and not (p.counter or p.sequence)


def judge(
    positions: Mapping[str, int],
    row: Sequence[Any],
    sample: Sequence[Sequence[Any]],
    overrides: Mapping[str, str] | None = None,
) -> Judged:
    """The mapping of a header row corrected by its rows' content, and why each field."""
    case = _Case(positions, row, Profiles(sample), set(overrides or {}))
    _emails(case)
    _postcodes(case)
    _paid_flags(case)
    _row_counter(case)
    _references(case)
    _net_vat_total(case)
    _running_totals(case)
    if "amount" not in case.pos and "balance" in case.pos:
        case.pos["amount"] = case.pos.pop("balance")  # what is still owed stands for it
    for field, column in case.pos.items():
        if field not in case.evidence:
            how = "nommée dans relance.toml" if field in case.fixed else "en-tête reconnu"
            case.evidence[field] = f"{how} ; {case.profiles[column].describe()}"
    _caveats(case)
    return Judged(case.pos, case.evidence, tuple(case.notes))


def _caveats(case: _Case) -> None:
    """What the evidence must add: a counter kept by its header, a client that is a code."""
    invoice, client = case.pos.get("invoice"), case.pos.get("client")
    if invoice is not None and case.profiles[invoice].counter:
        case.evidence["invoice"] += " ; gardé : l'en-tête nomme le n° de facture"
    if client is not None and case.profiles[client].digits >= 0.8:
        case.evidence["client"] += (
            " ; des codes plutôt que des noms : les lettres les porteront, sauf si une feuille "
            "de clients donne leurs noms"
        )


def _emails(case: _Case) -> None:
    """A column of e-mail addresses is the e-mail, whatever its header says."""
    for field in _NOT_EMAIL:
        column = case.movable(field)
        if column is None or case.profiles[column].emails < 0.5:
            continue
        del case.pos[field]
        share = _percent(case.profiles[column].emails)
        case.notes.append(
            f"« {case.name(column)} » contient des adresses e-mail ({share}) : ce n'est pas "
            f"{label(field).lower()}."
        )
        if "email" not in case.pos:
            case.pos["email"] = column
            case.evidence["email"] = f"d'après le contenu : {share} d'adresses e-mail"
    if "email" in case.pos:
        return
    for column in case.free():
        if case.profiles[column].emails >= 0.8:
            case.pos["email"] = column
            share = _percent(case.profiles[column].emails)
            case.evidence["email"] = f"d'après le contenu : {share} d'adresses e-mail"
            return


def _postcodes(case: _Case) -> None:
    """A column of five-digit codes under an address or town header is the postcode."""
    for field in ("address", "street", "city"):
        column = case.movable(field)
        p = None if column is None else case.profiles[column]
        if column is None or p is None or p.postcodes < 0.8 or p.decimals or p.filled < 2:
            continue
        del case.pos[field]
        if "postcode" not in case.pos:
            case.pos["postcode"] = column
            case.evidence["postcode"] = (
                f"d'après le contenu : {_percent(p.postcodes)} de codes postaux"
            )


def _paid_flags(case: _Case) -> None:
    """A column of yes/no under a header that speaks of payment says which are paid."""
    if "paid_flag" in case.pos or "paid" in case.pos:
        return
    for column in case.free():
        p = case.profiles[column]
        if p.filled and p.flags >= 0.8 and case.words(column) & _PAID_WORDS:
            case.pos["paid_flag"] = column
            case.evidence["paid_flag"] = f"d'après le contenu : {_percent(p.flags)} de oui/non"
            return


def _row_counter(case: _Case) -> None:
    """« N° » holding 1, 2, 3… counts the rows: it is not an invoice number."""
    column = case.movable("invoice")
    if column is None or not case.profiles[column].counter:
        return
    if header_words(case.name(column)) not in _GENERIC_NUMBER:
        return  # « InvoiceID » 1, 2, 3: the office numbers its invoices so
    del case.pos["invoice"]
    case.notes.append(
        f"« {case.name(column)} » compte les lignes (1, 2, 3…) : ce n'est pas un n° de facture."
    )


def _references(case: _Case) -> None:
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


def _net_vat_total(case: _Case) -> None:
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
    if "amount" not in case.fixed:
        case.pos["amount"] = total
    if "amount_ht" not in case.fixed and case.pos.get("amount_ht") in (None, total):
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


def _running_totals(case: _Case) -> None:
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


def _amount_columns(case: _Case, column: int) -> list[int]:
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


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


__all__ = ["REFERENCE_WORDS", "Judged", "judge", "not_amount"]
