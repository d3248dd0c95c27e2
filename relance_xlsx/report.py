"""What a person sees: progress bars on stderr, summary tables, and the JSON document.

Rich only; the command line (cli) decides when to call these.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .ledger import ALL_KINDS, KIND_LABELS, LEVEL_LABELS
from .letters import HELD_LIST
from .results import CheckResult, RunResult, SendResult
from .wording import date_long, money

err = Console(stderr=True)
out = Console()


def print_json(document: dict[str, Any]) -> None:
    """Print one JSON document on stdout: indented at a terminal, compact for scripts."""
    # orjson writes a million invoices in 0.8 s where the standard json takes 9 s.
    option = orjson.OPT_NON_STR_KEYS | (orjson.OPT_INDENT_2 if sys.stdout.isatty() else 0)
    sys.stdout.write(orjson.dumps(document, option=option).decode() + "\n")


class Bar:
    """A rich progress bar on stderr, only on a terminal and not with --json."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and err.is_terminal
        self.bar: Progress | None = None
        self.task: Any = None

    def start(self, label: str, total: int) -> None:
        # Counted steps show from 5 items; open-ended steps (total 0) always, while they run.
        if not self.enabled or 0 < total < 5:
            return
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task(label, total=total or None)

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


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


def render_run(result: RunResult) -> None:
    """Warnings, the letters and levels tables, problems, and where things were written."""
    for w in result.warnings:
        err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    day = date_long(dt.date.fromisoformat(result.as_of))  # the JSON keeps the ISO date
    title = f"{Path(result.ledger).name} — feuille « {result.sheet} » — {day}"
    if result.dry_run:
        title += " (simulation : rien n'a été écrit)"
    letters = Table(title=title, title_justify="left")
    letters.add_column("Courrier")
    letters.add_column("Lettres", justify="right")
    letters.add_column("Montant réclamé", justify="right")
    by_kind: Counter[str] = Counter(letter.kind for letter in result.letters)
    totals: defaultdict[str, float] = defaultdict(float)
    for letter in result.letters:
        totals[letter.kind] += letter.total_due
    for kind in ALL_KINDS:
        if by_kind[kind]:
            letters.add_row(KIND_LABELS[kind], str(by_kind[kind]), money(totals[kind]))
    litigation = [i for i in result.invoices if i.action == "litigation"]
    if litigation:  # no letter: the count is of invoices handed over, said so in the label
        letters.add_row(
            "Contentieux (factures, sans lettre)",
            str(len(litigation)),
            money(sum(i.outstanding for i in litigation)),
        )
    out.print(letters)
    out.print(_levels_table(result))
    errors = [p for p in result.problems if p.severity == "error"]
    warns = [p for p in result.problems if p.severity == "warning"]
    out.print(
        f"{len(result.invoices)} factures lues, {len(errors)} problème(s), "
        f"{len(warns)} avertissement(s), {len(result.skipped)} ligne(s) ignorée(s).",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    for p in (errors + warns)[:30]:
        out.print(f"  - {p.describe()}", markup=False, highlight=False, soft_wrap=True)
    if len(errors) + len(warns) > 30:
        out.print(f"  … et {len(errors) + len(warns) - 30} autres (relance check --json).")
    _where_things_went(result)


def _levels_table(result: RunResult) -> Table:
    """Outstanding amounts by level after the run."""
    levels = Table(title="Encours par niveau", title_justify="left")
    levels.add_column("Niveau")
    levels.add_column("Factures", justify="right")
    levels.add_column("Reste dû", justify="right")
    count: Counter[int] = Counter()
    due: defaultdict[int, float] = defaultdict(float)
    for inv in result.invoices:
        if inv.outstanding > 0:
            count[inv.level] += 1
            due[inv.level] += inv.outstanding
    for level in sorted(count):
        levels.add_row(
            LEVEL_LABELS[level] or "Aucune relance", str(count[level]), money(due[level])
        )
    return levels


def _where_things_went(result: RunResult) -> None:
    """Where the letters, e-mails and the updated workbook are."""
    if result.to_complete:
        folder = Path(result.to_complete[0].path).parent
        where = "" if result.dry_run else f" dans {folder} (voir {HELD_LIST})"
        out.print(
            f"{len(result.to_complete)} lettre(s) à compléter{where} : ni imprimées ni "
            "envoyées, leurs factures restent à leur niveau.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.letters and not result.dry_run:
        out.print(
            f"Lettres : {result.out_dir}  (à imprimer : {result.bundle})",
            markup=False,
            highlight=False,
        )
    if result.letters or result.to_complete:
        out.print(
            f"Modèles : {result.templates or 'modèles fournis avec relance-xlsx'}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.emails:
        out.print(
            f"E-mails préparés : {len(result.emails)} dans {Path(result.emails[0]).parent} "
            "(rien n'est envoyé sans « relance send »).",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.no_email:
        out.print(
            f"Sans adresse e-mail (courrier papier seulement) : {', '.join(result.no_email)}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.rows_written or result.journal_lines:
        out.print(
            f"Classeur mis à jour : {result.rows_written} ligne(s), "
            f"{result.journal_lines} ligne(s) de journal ; sauvegarde : {result.backup}",
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


__all__ = ["Bar", "err", "out", "print_json", "render_check", "render_run", "render_send"]
