"""A litigation file redone after a payment or a credit note on an invoice already handed to
litigation (policy/incourt.py): the file handed over claims a principal paid since. The run
that warns writes a new, dated version in its own folder; the earlier file is kept as it is,
never written over: the lawyer or commissaire de justice is given the new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from ..ledger import Ledger
from ..policy import cancelled_by_credit, paid_in_court_rows, public_person, said_to, what_happened

NAME = "dossier.docx"


def changed_in_court(ledger: Ledger, as_of: dt.date) -> dict[str, list[str]]:
    """By client, what the file redone says first: each invoice in litigation paid or
    credited since its hand-over, and that the earlier file is replaced (none for a client in
    collective proceedings)."""
    frame = ledger.frame
    rows = paid_in_court_rows(frame, as_of)
    if not rows.any():  # none of a client in collective proceedings: its declaration
        return {}
    found: dict[str, list[str]] = {}
    public: dict[str, bool] = {}
    for i in np.flatnonzero(rows).tolist():
        r = frame.iloc[i]
        cancelled = " (annulée : plus rien n'est dû à son titre)" if cancelled_by_credit(r) else ""
        found.setdefault(str(r["client"]), []).append(what_happened(r) + cancelled)
        public[str(r["client"])] = public_person(r)
    return {
        client: [
            "Nouvelle version, après la remise au contentieux : "
            + " ; ".join(said)
            + ". Le principal réglé, soldé ou annulé par un avoir n'y est plus réclamé ; ce qui "
            f"reste dû ({_kept(public[client])}) y est maintenu. Elle remplace pour la suite le "
            "dossier remis auparavant, gardé tel quel : la demande déjà formée "
            f"({said_to(public[client])[1]}) doit être réduite ou retirée."
        ]
        for client, said in found.items()
    }


def _kept(public: bool) -> str:
    """What stays owed, in the words of the debtor's law: a public person's moratory interest
    and 40 € (Code de la commande publique L2192-13, R2192-32), no « entre professionnels »."""
    if public:
        return (
            "principal non réglé, intérêts moratoires et indemnité forfaitaire de 40 €, Code de "
            "la commande publique L2192-13 et R2192-32"
        )
    return "principal non réglé, intérêts et, entre professionnels, indemnité forfaitaire"


def new_version(folder: Path, as_of: dt.date) -> Path:
    """Where a redone file goes: dossier.docx of today's folder, or, when a file is there
    already (an --out folder shared by several runs), dossier-<date>.docx beside it."""
    target = folder / NAME
    return target if not target.exists() else folder / f"dossier-{as_of.isoformat()}.docx"


def say_redone(files: dict[str, list[str]], changed: dict[str, list[str]]) -> list[str]:
    """One warning per client whose file was redone: where the new version is, and to whom
    it goes (no commissaire de justice for a public person: its file names the
    référé-provision, changed_in_court)."""
    referee = said_to(True)[1]
    return [
        f"{client} : dossier de contentieux refait après un règlement ou un avoir sur une "
        f"facture déjà remise au contentieux : {files[client][0]} ; le dossier remis "
        "auparavant est gardé tel quel. Remettez cette nouvelle version à votre avocat"
        + ("." if referee in changed[client][0] else " ou au commissaire de justice.")
        for client in changed
        if files.get(client)
    ]


__all__ = ["NAME", "changed_in_court", "new_version", "say_redone"]
