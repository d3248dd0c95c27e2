"""`relance run --sauf`: the clients and invoices held back from the run, until a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from .. import HoldBack
from ..wording import DayOutOfRange, typed_day

SaufOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--sauf",
        help="Ne pas envoyer à ce client, ou pour cette facture (nom ou n° tel que dans le "
        "classeur) ; répétable. Noté dans le classeur (« Ne pas relancer avant ») et son "
        "journal : les exécutions suivantes le respectent.",
        metavar="CLIENT|FACTURE",
    ),
]
RaisonOpt = Annotated[
    str, typer.Option("--raison", help="Avec --sauf : pourquoi (noté dans le journal).")
]
JusquauOpt = Annotated[
    str | None,
    typer.Option(
        "--jusqu-au",
        help="Avec --sauf : pas de relance avant cette date (JJ/MM/AAAA), par défaut une "
        "semaine après la date du traitement.",
        metavar="DATE",
    ),
]


def holds_of(names: list[str], reason: str, until: str | None, day: dt.date) -> list[HoldBack]:
    """The --sauf targets, held back until --jusqu-au (a week after the run by default)."""
    if (reason or until) and not names:
        raise typer.BadParameter("--raison et --jusqu-au vont avec --sauf", param_hint="--sauf")
    try:
        end = typed_day(until) if until else day + dt.timedelta(days=7)
    except DayOutOfRange as exc:
        raise typer.BadParameter(str(exc), param_hint="--jusqu-au") from None
    except ValueError:
        raise typer.BadParameter(
            f"date attendue au format JJ/MM/AAAA, reçu « {until} »", param_hint="--jusqu-au"
        ) from None
    if end <= day:
        raise typer.BadParameter("la date doit suivre celle du traitement", param_hint="--jusqu-au")
    return [HoldBack(name, end, reason) for name in names if name.strip()]


__all__ = ["JusquauOpt", "RaisonOpt", "SaufOpt", "holds_of"]
