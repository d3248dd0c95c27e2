"""The end of a run, as a person reads it: what was sent, what is owed, where it all went."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

from rich.table import Table

from ..ledger import ALL_KINDS, KIND_LABELS, LEVEL_LABELS
from ..letters import HELD_LIST
from ..results import NotChased, RunResult
from ..wording import date_long, money
from .console import SHOWN_PROBLEMS, err, more_problems, out


def render_run(result: RunResult) -> None:
    """Warnings, the letters and levels tables, problems, and where things were written."""
    stop = result.would_stop
    for w in result.warnings:
        if not (stop and stop in w):  # said once, as the headline
            err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
    day = date_long(dt.date.fromisoformat(result.as_of))  # the JSON keeps the ISO date
    title = f"{Path(result.ledger).name} — feuille « {result.sheet} » — {day}"
    if result.dry_run:
        title += " (simulation : rien n'a été écrit)"
    # Its own line, never a table's title: rich wrapped it to the table's width (« «
    # Factures\n» » when piped), and no table of letters is shown when none is to send.
    out.print(title, markup=False, highlight=False, soft_wrap=True)
    if stop:  # never « Rien de nouveau » when the real run would not even start
        out.print(
            f"Sans --dry-run, ce run s'arrêterait : {stop}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    elif _nothing_new(result):
        out.print("Rien de nouveau aujourd'hui : aucune lettre, aucun changement de niveau.")
    if result.letters or any(i.action == "litigation" for i in result.invoices):
        out.print(_letters_table(result))
    _clients_listed(result)
    out.print(_levels_table(result))
    _paid_late(result)
    _not_chased(result)
    errors = [p for p in result.problems if p.severity == "error"]
    warns = [p for p in result.problems if p.severity == "warning"]
    # Counted as shown: the rows' warnings listed below and the run's « Attention : » above.
    out.print(
        f"{len(result.invoices)} factures lues, {len(errors)} problème(s), "
        f"{len(warns) + len(result.warnings)} avertissement(s), "
        f"{len(result.skipped)} ligne(s) ignorée(s).",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    for p in (errors + warns)[:SHOWN_PROBLEMS]:
        out.print(f"  - {p.describe()}", markup=False, highlight=False, soft_wrap=True)
    if more := more_problems(len(errors) + len(warns)):
        out.print(more)
    _where_things_went(result)


# Letters that claim nothing: their amount is what was paid, or the statement's balance.
_NOT_CLAIMED = ("remerciement", "releve")


def _nothing_new(result: RunResult) -> bool:
    """No letter, no invoice handed to litigation, nothing to complete."""
    busy = ("letter", "thanks", "claim", "litigation", "incomplete")
    return not result.letters and not any(i.action in busy for i in result.invoices)


def _letters_table(result: RunResult) -> Table:
    """Letters by kind, the amount each claims (none for thanks and statements), a total."""
    letters = Table(show_footer=True)
    letters.add_column("Courrier", footer="Total réclamé")
    letters.add_column("Lettres", justify="right")
    letters.add_column("Montant réclamé", justify="right")
    by_kind: Counter[str] = Counter(letter.kind for letter in result.letters)
    totals: defaultdict[str, float] = defaultdict(float)
    for letter in result.letters:
        totals[letter.kind] += letter.total_due
    claimed = 0.0
    for kind in ALL_KINDS:
        if by_kind[kind]:
            shown = "—" if kind in _NOT_CLAIMED else money(totals[kind])
            claimed += 0.0 if kind in _NOT_CLAIMED else totals[kind]
            letters.add_row(KIND_LABELS[kind], str(by_kind[kind]), shown)
    litigation = [i for i in result.invoices if i.action == "litigation"]
    if litigation:  # no letter: the count is of invoices handed over, said so in the label
        amount = sum(i.outstanding for i in litigation)
        claimed += amount
        letters.add_row("Contentieux (factures, sans lettre)", str(len(litigation)), money(amount))
    letters.columns[1].footer = str(len(result.letters))
    letters.columns[2].footer = money(claimed)
    return letters


def _clients_listed(result: RunResult) -> None:
    """In a dry run, who would get which letter (the page and the clerk check it first)."""
    if not result.dry_run or not result.letters:
        return
    shown = [f"{x.client} ({KIND_LABELS[x.kind].lower()})" for x in result.letters[:40]]
    more = f" … et {len(result.letters) - 40} autres" if len(result.letters) > 40 else ""
    out.print(
        "Lettres prévues : " + ", ".join(shown) + more + ".",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _paid_late(result: RunResult) -> None:
    """The penalties still due on invoices paid late, never claimed without the office."""
    if not result.paid_late:
        return
    interest = sum(p.interest for p in result.paid_late)
    indemnity = sum(p.indemnity for p in result.paid_late)
    # Penalties (L441-10), a public buyer's interest (L2192-13) or a consumer's legal interest
    # (Code civil 1231-6): no one article for all; a consumer owes no indemnity.
    fixed = f" et {money(indemnity)} d'indemnités forfaitaires" if indemnity else ""
    out.print(
        f"Réglées en retard : {len(result.paid_late)} client(s) doivent encore "
        f"{money(interest)} de pénalités ou intérêts de retard{fixed}, "
        "non réclamés (voir « paid_late » dans --json).",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _not_chased(result: RunResult) -> None:
    """What is not chased this week, by why: a clerk reads at once that a dispute, a time-bar
    or a liquidation is why a client got nothing (the paid late are said above)."""
    by_why: dict[str, list[NotChased]] = defaultdict(list)
    for item in result.summary.not_chased:
        if item.why != "paid_late":
            by_why[item.why].append(item)
    if not by_why:
        return
    out.print("Non relancées cette semaine :")
    for items in by_why.values():
        count = sum(len(x.invoices) for x in items)
        clients = list(dict.fromkeys(x.client for x in items))
        shown = ", ".join(clients[:5]) + (
            f" … et {len(clients) - 5} autres" if len(clients) > 5 else ""
        )
        out.print(
            f"  - {items[0].label} : {count} facture(s), {money(sum(x.amount for x in items))} "
            f"({shown})",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _levels_table(result: RunResult) -> Table:
    """Outstanding amounts by level after the run."""
    levels = Table(title="Encours par niveau", title_justify="left", show_footer=True)
    levels.add_column("Niveau", footer="Total")
    levels.add_column("Factures", justify="right")
    levels.add_column("Reste dû", justify="right")
    count: Counter[int] = Counter()
    due: defaultdict[int, float] = defaultdict(float)
    for inv in result.invoices:
        if inv.outstanding > 0 and not inv.paid:  # a cent left within the tolerance is paid
            count[inv.level] += 1
            due[inv.level] += inv.outstanding
    for level in sorted(count):
        levels.add_row(
            LEVEL_LABELS[level] or "Aucune relance", str(count[level]), money(due[level])
        )
    levels.columns[1].footer = str(sum(count.values()))
    levels.columns[2].footer = money(sum(due.values()))
    return levels


def _print_files(result: RunResult) -> None:
    """The bundles to print, the registered letters apart, the numbers carried back."""
    bundle = result.bundle_pdf or result.bundle
    said = [f"Lettres : {result.out_dir}"]
    if bundle:
        said.append(f"À imprimer (courrier simple) : {Path(bundle).name}")
    if result.registered_pdf or result.registered_bundle:
        registered = sum(1 for x in result.letters if x.registered)
        name = Path(str(result.registered_pdf or result.registered_bundle)).name
        listing = Path(str(result.posting_list_pdf or result.posting_list)).name
        said.append(
            f"En recommandé avec AR ({registered} lettre(s)) : {name}, avec la liste de "
            f"dépôt {listing} à remettre au bureau de poste ; notez ensuite les numéros de "
            "recommandé dans liste_recommandes.xlsx (ou à l'étape « Recommandés » de relance "
            "ui) : la prochaine exécution les reporte dans le classeur"
            + _found_again(Path(str(result.out_dir)), Path(result.ledger))
        )
    for line in said:
        out.print(line, markup=False, highlight=False, soft_wrap=True)


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
        _print_files(result)
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
    # Said when e-mails were drafted: a paper-only office need not read its whole client list.
    if result.no_email and result.emails:
        shown = ", ".join(result.no_email[:20])
        more = f" … et {len(result.no_email) - 20} autres" if len(result.no_email) > 20 else ""
        out.print(
            f"Sans adresse e-mail (courrier papier seulement) : {shown}{more}.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if result.registered_numbers:
        verb = "à reporter" if result.dry_run else "reportés"
        out.print(
            f"Numéros de recommandé {verb} dans le classeur (colonne « N° recommandé ») : "
            f"{len(result.registered_numbers)} facture(s).",
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


def _found_again(out: Path, ledger: Path) -> str:
    """Where the next run looks for the list, said when --out put it where it does not look."""
    # The next run reads the lists in the folders beside the ledger and in relances/ (any
    # name: the hidden sheet keeps the list's date), and those beside its own folder.
    home = ledger.resolve().parent
    if out.resolve().parent in (home, home / "relances"):
        return ""
    return (
        f", si elle écrit aussi dans un dossier de « {out.resolve().parent} » (--out), ou si "
        f"le dossier « {out.name} » est rangé à côté du classeur ou dans son dossier relances/"
    )


__all__ = ["render_run"]
