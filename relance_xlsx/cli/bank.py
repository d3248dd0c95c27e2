"""`relance match`: the bank statements matched to the ledger, applied on demand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import display, pipeline
from ..display import Bar, print_json
from .boundary import FrenchCommand, say
from .commands import ConfigOpt, JsonOpt, LedgerArg, SheetOpt, app, parse_day, settings_for


@app.command(cls=FrenchCommand)
def match(
    ledger: LedgerArg,
    statements: Annotated[
        list[Path],
        typer.Argument(
            help="Le ou les relevés téléchargés de la banque (CSV, OFX ou CAMT.053).",
            metavar="RELEVÉ",
        ),
    ],
    apply: Annotated[
        bool,
        typer.Option(
            "--apply",
            help="Écrire dans le classeur les règlements sûrs (sauvegarde, journal) ; sans "
            "cette option rien n'est écrit dans le classeur.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Date du rapprochement (JJ/MM/AAAA ou AAAA-MM-JJ).", metavar="DATE"
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Dossier de rapprochement.xlsx (par défaut relances/<date>/)."),
    ] = None,
    config: ConfigOpt = None,
    sheet: SheetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rapprocher les relevés bancaires du grand livre : qui a payé quoi, avant de relancer.

    Exemple : relance match grand-livre.xlsx releve-novembre.csv --apply
    """
    # No relance.toml is fine here: matching needs no creditor (the run says it when it is).
    settings, _ = settings_for(config, ledger, sheet)
    result = pipeline.match(
        ledger,
        statements,
        settings,
        as_of=parse_day(as_of),
        apply=apply,
        out_dir=out_dir,
        progress=Bar(not as_json),
    )
    if as_json:
        for w in result.warnings:
            say(f"Attention : {w}")
        print_json(result.to_json())
        return
    display.render_match(result)  # its module imports the bank: loaded here only


__all__ = ["match"]
