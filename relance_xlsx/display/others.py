"""What `relance check` and `relance send` show."""

from __future__ import annotations

from rich.table import Table

from ..results import CheckResult, SendResult
from .console import err, out


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
    """The sheet and header found, the column mapping, problems and skipped rows."""
    for w in result.warnings:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    out.print(
        f"Feuille « {result.sheet} » (parmi : {', '.join(result.sheets)}), "
        f"en-têtes en ligne {result.header_row}, {result.invoices} factures.",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if result.config_written:
        out.print(
            f"Colonnes devinées écrites dans {result.config_written} (section [columns]) : "
            "vérifiez-les.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.choice:
        out.print(result.choice, markup=False, highlight=False, soft_wrap=True)
    mapping = Table(title="Colonnes reconnues", title_justify="left")
    mapping.add_column("Champ")
    mapping.add_column("En-tête du classeur")
    for name, header in result.columns.items():
        mapping.add_row(name, header)
    out.print(mapping)
    for p in result.problems:
        out.print(f"  - {p.describe()}", markup=False, highlight=False, soft_wrap=True)
    for s in result.skipped:
        out.print(
            f"  · ligne {s.row} ignorée : {s.reason}", markup=False, highlight=False, soft_wrap=True
        )


__all__ = ["render_check", "render_send"]
