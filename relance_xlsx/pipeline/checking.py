"""`relance check`: read and validate the ledger only, and say how it was read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import collector
from ..config import CONFIG_NAME, Settings, load_settings, sole_trader_notes, write_columns
from ..errors import NoInvoiceTable
from ..ledger import Ledger, label, legend_like, read_ledger, would_stop
from ..policy import close_letter_notes
from ..progress import Progress, Quiet, step
from ..results import CheckResult


def check(
    ledger_path: Path,
    settings: Settings | None = None,
    *,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
    suggest_config: bool = False,
) -> CheckResult:
    """Read and validate the ledger only; write nothing (but relance.toml, if asked).

    With suggest_config, a workbook whose table is not recognised gets the guessed [columns]
    written into its relance.toml (beside the ledger unless settings came from another),
    and is read again with them.
    """
    settings = settings or Settings()
    written = None
    # No reference cycle worth collecting: the collector would only walk the cells again.
    with step(progress or Quiet(), "Lecture du classeur"), collector.paused():
        try:
            ledger = read_ledger(ledger_path, settings, as_of=as_of or dt.date.today())
        except NoInvoiceTable as exc:
            if suggest_config and not exc.suggestion:
                raise NoInvoiceTable(
                    f"{exc} relance.toml n'a pas été modifié : --suggest-config n'écrit que des "
                    "colonnes trouvées pour le n° de facture, le client, le montant et une date, "
                    "chacune vérifiée sur le contenu de sa colonne.",
                    {},
                ) from exc
            if not suggest_config:
                raise
            target = settings.config_path or ledger_path.parent / CONFIG_NAME
            written = write_columns(target, exc.suggestion)
            settings = load_settings(written)
            ledger = read_ledger(ledger_path, settings, as_of=as_of or dt.date.today())
    return CheckResult(
        str(ledger_path),
        ledger.sheet,
        list(ledger.sheets),
        ledger.header_row,
        ledger.columns,
        ledger.invoice_count,
        list(ledger.problems),
        list(ledger.skipped),
        [
            *sole_trader_notes(settings.creditor),
            *ledger.warnings,
            *close_letter_notes(ledger, settings),
            *([_UNCHANGED] if suggest_config and written is None else []),
        ],
        ledger.choice,
        str(written) if written else None,
        _fields(ledger),
        list(ledger.decisions),
        # The verdict a real run would give: a read that looks wrong, a format it cannot write.
        would_stop(ledger, settings.writeback.min_usable_share),
        _unread(ledger),
    )


# --suggest-config on a table already recognised: said, never silent (review-pubwb8 M2).
_UNCHANGED = (
    "relance.toml n'a pas été modifié (--suggest-config) : le tableau est reconnu, ses "
    "colonnes lues sont listées ; une colonne qui manque est signalée avec la ligne [columns] "
    "à écrire."
)


def _unread(ledger: Ledger) -> list[str]:
    """The table's headers that no field reads, in their order (blank ones and a colour
    legend beside them, « Légende : vert = payé », left out: review-pubwb7 HIGH-1)."""
    used = set(ledger.positions.values())
    return [
        h
        for j, h in enumerate(ledger.headers)
        if j not in used and str(h or "").strip() and not legend_like(h)
    ]


def _fields(ledger: Ledger) -> list[dict[str, str]]:
    """Each field read, in the order of its columns: French label, header, evidence."""
    return [
        {"field": name, "label": label(name), "header": header, "evidence": why}
        for name, header in sorted(ledger.columns.items(), key=lambda f: ledger.positions[f[0]])
        for why in [ledger.evidence.get(name, "")]
    ]


__all__ = ["check"]
