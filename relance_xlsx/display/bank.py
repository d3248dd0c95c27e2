"""What `relance match` shows: one line per credit, what is proposed and why, in French."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..bank import ALREADY, FUTURE, OTHER, SURE, TO_DECIDE, MatchResult
from ..wording import money
from .console import err, out

DECISIONS = {
    SURE: "à appliquer", TO_DECIDE: "à décider par vous", ALREADY: "déjà importé",
    FUTURE: "date future", OTHER: "hors clients",
}  # fmt: skip


def render_match(result: MatchResult) -> None:
    """The proposals table, the statements read, and a summary line."""
    for w in result.warnings:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    for s in result.statements:
        out.print(
            f"Relevé {s.path} ({s.format.upper()}) : {len(s.entries)} opération(s), "
            f"{len(s.credits)} crédit(s), {s.debits} débit(s)"
            + (f" ; {s.description}" if s.description else "")
            + "."
            + (f" {len(s.skipped)} ligne(s) écartée(s)." if s.skipped else ""),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    table = Table(title="Rapprochement bancaire", title_justify="left", show_lines=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Montant", justify="right", no_wrap=True)
    table.add_column("Décision", no_wrap=True)
    table.add_column("Factures", no_wrap=True)
    table.add_column("Libellé, et pourquoi", ratio=1)
    applied = result.applied > 0
    for p in result.proposals:
        e = p.entry
        decision = "appliqué" if applied and p.status == SURE else DECISIONS[p.status]
        paid = [a.invoice for a in p.allocations] if p.status == SURE else []
        paid += [f"{s.invoice} (pénalités)" for s in p.penalties]
        invoices = "\n".join(paid) or "\n".join(p.candidates)
        confidence = f"{p.confidence:.0%}".replace("%", "\u00a0%")
        why = f"{e.label}\n→ {p.reason} (confiance {confidence})"
        # Text, never markup: a bank label may hold « [ » and « ] ».
        cells = (f"{e.date:%d/%m/%Y}", money(e.amount), decision, invoices, why)
        table.add_row(*(Text(c) for c in cells))
    out.print(table)
    out.print(_summary(result), markup=False, highlight=False, soft_wrap=True)


def _summary(result: MatchResult) -> str:
    sure, undecided, already, future, other = (
        result.count(s) for s in (SURE, TO_DECIDE, ALREADY, FUTURE, OTHER)
    )
    credits = len(result.proposals) - result.taken_back
    undecided -= result.taken_back  # the debits taking a payment back are said apart
    text = (
        f"{credits} crédit(s) : {sure} sûr(s), {undecided} à décider par vous, "
        f"{already} déjà importé(s)"
    )
    if future:
        text += f", {future} daté(s) après le {_day(result.as_of)} (non appliqué(s))"
    if other:
        text += f", {other} hors clients (remises de carte, espèces…)"
    if result.taken_back:
        text += (
            f" ; {result.taken_back} débit(s) reprenant un règlement de client (rejet, retour, "
            "annulation), à décider par vous"
        )
    text += f" ; {result.debits} débit(s) ignoré(s)"
    if result.credit_duplicates:
        text += (
            f" ; {result.credit_duplicates} crédit(s) en double écarté(s) (la même opération "
            "dans deux relevés, comptée une fois)"
        )
    text += "."
    if result.apply:
        text += (
            f" Appliqué : {result.applied} crédit(s), {result.payments_written} règlement(s) "
            f"écrit(s) ({result.target or 'rien à écrire'}), {result.journal_lines} ligne(s) "
            "au journal."
        )
        if result.backup:
            text += f" Sauvegarde : {result.backup}."
    else:
        text += " Rien n'a été écrit dans le classeur : relancez avec --apply pour appliquer."
    if result.review:
        text += f" Détail pour contrôle : {result.review}."
    return text


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


__all__ = ["render_match"]
