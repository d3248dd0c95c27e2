"""The manager's view: `relance report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .. import display, pipeline
from ..display import Bar, out, print_json
from .boundary import FrenchCommand, say
from .commands import ConfigOpt, JsonOpt, LedgerArg, SheetOpt, app, parse_day, settings_for


@app.command(cls=FrenchCommand)
def report(
    ledger: LedgerArg,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date du rapport (JJ/MM/AAAA ou AAAA-MM-JJ).", metavar="DATE"),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Dossier du rapport (par défaut relances/<date>/)."),
    ] = None,
    no_pdf: Annotated[
        bool, typer.Option("--no-pdf", help="Ne pas convertir rapport.xlsx en PDF.")
    ] = False,
    config: ConfigOpt = None,
    sheet: SheetOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Balance âgée, DSO, clients à appeler et contentieux, dans rapport.xlsx (le classeur
    n'est jamais modifié).

    Exemple : relance report grand-livre.xlsx
    """
    settings, notes = settings_for(config, ledger, sheet)
    result = pipeline.report(
        ledger,
        settings,
        as_of=parse_day(as_of),
        out_dir=out_dir,
        pdf=not no_pdf,
        progress=Bar(not as_json),
    )
    if as_json:
        print_json(result.to_json())
        return
    display.render_report(result, notes)


@app.command(cls=FrenchCommand)
def dossier(
    ledger: LedgerArg,
    client: Annotated[str, typer.Argument(help="Le client, tel qu'il est écrit dans le classeur.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date du dossier (JJ/MM/AAAA ou AAAA-MM-JJ).", metavar="DATE"),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Dossier de sortie (par défaut relances/<date>/)."),
    ] = None,
    no_pdf: Annotated[
        bool, typer.Option("--no-pdf", help="Ne pas convertir le dossier en PDF.")
    ] = False,
    config: ConfigOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """Dossier de contentieux d'un client (créance détaillée, fondement, mise en demeure,
    chronologie, pièces, procédure), ou sa déclaration de créance s'il est en procédure
    collective, dans contentieux/<client>/ ; le classeur n'est jamais modifié.

    Exemple : relance dossier grand-livre.xlsx "Garage Bernard"
    """
    settings, notes = settings_for(config, ledger, sheet)
    for note in notes:
        say(f"Attention : {note}")
    refused: list[Any] = []
    written = pipeline.dossier(
        ledger, client, settings, as_of=parse_day(as_of), out_dir=out_dir, pdf=not no_pdf,
        problems=refused,
    )  # fmt: skip
    for problem in refused:  # an invoice file not copied into pieces/, on its row
        say(f"Attention : ligne {problem.row}, colonne « {problem.column} », valeur "
            f"« {problem.value} » : {problem.message}.")  # fmt: skip
    out.print(
        (
            "Déclaration de créance écrite : "
            if "declaration" in "".join(written)
            else "Dossier écrit : "
        )
        + ", ".join(written),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


__all__ = ["dossier", "report"]
