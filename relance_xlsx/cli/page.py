"""The local page: `relance ui`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import LedgerError
from .boundary import FrenchCommand, say
from .commands import app


@app.command(cls=FrenchCommand)
def ui(
    ledger: Annotated[
        Path | None,
        typer.Argument(
            help="Le classeur des factures à ouvrir d'emblée (facultatif).", show_default=False
        ),
    ] = None,
    no_browser: Annotated[
        bool,
        typer.Option(
            "--sans-navigateur", help="Ne pas ouvrir le navigateur (l'adresse est affichée)."
        ),
    ] = False,
    shortcut: Annotated[
        bool,
        typer.Option(
            "--raccourci",
            help="Poser sur le bureau un raccourci vers la page (on peut y déposer un classeur).",
        ),
    ] = False,
) -> None:
    """La page de relance dans le navigateur, sur ce poste seulement (une adresse 127.x.y.z).

    Exemple : relance ui grand-livre.xlsx
    """
    from .. import web  # the web stack loads only for this command

    if ledger is not None and not ledger.is_file():
        raise LedgerError(f"Le fichier {ledger} est introuvable ; vérifiez le chemin.")
    if shortcut:
        made = web.make_shortcut()
        say(f"Raccourci créé : {made}")
        return
    web.serve(ledger.resolve() if ledger else None, open_browser=not no_browser, say=say)
