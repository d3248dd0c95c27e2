"""What `relance check` and `relance send` show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from .console import SHOWN_PROBLEMS, err, more_problems, out

if TYPE_CHECKING:  # annotations only: a send's result imports the mail (issue 35)
    from ..results import CheckResult, SendResult


def render_send(result: SendResult) -> None:
    """The table of e-mails sent, refused or failed, and a summary line."""
    table = Table(title=f"E-mails via {result.server}", title_justify="left")
    for name in ("Client", "Destinataire", "Résultat"):
        table.add_column(name)
    words = {
        "sent": "envoyé",
        "already_sent": "déjà envoyé",
        "refused": "refusé",
        "failed": "échec",
    }
    for d in result.deliveries:
        status = words[d.status] + (f" : {d.detail}" if d.detail else "")
        table.add_row(d.client, ", ".join(d.to), status)
    out.print(table)
    out.print(
        f"{result.count('sent')} envoyé(s), {result.count('already_sent')} déjà envoyé(s), "
        f"{result.count('refused')} refusé(s), {result.count('failed')} en échec ; "
        f"{result.journal_lines} ligne(s) ajoutée(s) au journal.",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def render_check(result: CheckResult) -> None:
    """The sheet and header found, each field with its evidence, the decisions, problems."""
    for w in result.warnings:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    _say(
        f"Feuille « {result.sheet} » (parmi : {', '.join(result.sheets)}), "
        f"en-têtes en ligne {result.header_row}, {result.invoices} factures."
    )
    if result.config_written:
        _say(
            f"Colonnes devinées écrites dans {result.config_written} (section [columns]) : "
            "vérifiez-les."
        )
    if result.choice:
        _say(result.choice)
    mapping = Table(title="Colonnes lues", title_justify="left")
    for name in ("Champ", "En-tête du classeur", "Pourquoi"):
        mapping.add_column(name)
    for f in result.fields:
        # Text, never markup: a header such as « [Montant] » is shown as written.
        mapping.add_row(Text(f["label"]), Text(f["header"]), Text(f["evidence"]))
    out.print(mapping)
    if result.unread:
        shown = ", ".join(f"« {h} »" for h in result.unread[:20])
        more = f" … et {len(result.unread) - 20} autres" if len(result.unread) > 20 else ""
        _say(
            f"Colonnes non lues : {shown}{more}. Si l'une d'elles compte (une adresse, une "
            "date), nommez-la dans la section [columns] de relance.toml."
        )
    if result.decisions:
        decided = Table(title="Décisions de lecture", title_justify="left")
        decided.add_column("Ce qui a été lu")
        decided.add_column("Lignes", justify="right")
        for d in result.decisions:
            decided.add_row(Text(d.what), str(d.count))
        out.print(decided)
    for p in result.problems[:SHOWN_PROBLEMS]:
        _say(f"  - {p.describe()}")
    if rest := more_problems(len(result.problems)):
        _say(rest)
    for s in result.skipped:
        _say(f"  · ligne {s.row} ignorée : {s.reason}")
    if result.would_stop:  # the verdict last, where the eye ends: the run's own
        err.print(
            f"Erreur : relance run s'arrêterait sur ce classeur : {result.would_stop}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _say(text: str) -> None:
    out.print(text, markup=False, highlight=False, soft_wrap=True)


__all__ = ["render_check", "render_send"]
