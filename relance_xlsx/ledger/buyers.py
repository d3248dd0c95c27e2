"""Public buyers by kind, and the payment term the Code de la commande publique gives each.

30 days for the State, its établissements publics administratifs, the local authorities and
theirs (R2192-10); 50 days for the établissements publics de santé and the armed forces'
health service, 60 days for the entreprises publiques (R2192-11); counted from the receipt of
the invoice (R2192-12), or from its date when the ledger has no receipt date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np

from .coded import Coded, nones
from .columns import normalise
from .grid import Grid
from .problems import Problem

STATE, LOCAL, HEALTH, EPIC, PUBLIC_ENTERPRISE, PUBLIC = (
    "state", "local", "health", "epic", "public_enterprise", "public",
)  # fmt: skip
# What a « Type client » cell says, folded (case, accents, punctuation), plural or not.
_WORDS: dict[str, tuple[str, ...]] = {
    HEALTH: (
        "etablissement public de sante", "eps", "hopital", "hopitaux", "chu", "chr", "chru",
        "centre hospitalier", "centre hospitalier universitaire", "centre hospitalier regional",
        "aphp", "ap hp", "assistance publique hopitaux", "hospices civils",
        "service de sante des armees", "ssa", "hia", "hopital d instruction des armees",
    ),
    EPIC: (
        "epic", "etablissement public industriel et commercial",
        "etablissement public a caractere industriel et commercial",
    ),
    PUBLIC_ENTERPRISE: ("entreprise publique", "societe publique", "public enterprise"),
    LOCAL: (
        "collectivite", "collectivite territoriale", "collectivite locale", "commune", "mairie",
        "ville", "departement", "conseil departemental", "conseil general", "region",
        "conseil regional", "epci", "communaute de communes", "communaute d agglomeration",
        "communaute urbaine", "metropole", "syndicat intercommunal", "syndicat mixte", "ccas",
        "cias", "sdis", "etablissement public local", "eple", "college", "lycee",
        # A local EPIC is an établissement public local: 30 days (R2192-10), not 60.
        "epic local", "epic communal", "epic intercommunal", "epic departemental",
        "epic regional", "etablissement public local industriel et commercial",
        "office public de l habitat", "oph",
        "local authority",
    ),
    STATE: (
        "etat", "l etat", "ministere", "prefecture", "administration", "administration d etat",
        "service de l etat", "etablissement public administratif", "epa", "etablissement public",
        "universite", "rectorat", "state",
    ),
    PUBLIC: (
        "public", "publique", "acheteur public", "personne publique", "secteur public",
        "pouvoir adjudicateur", "public sector", "public buyer",
    ),
}  # fmt: skip
_PATTERNS = sorted(((w, k) for k, ws in _WORDS.items() for w in ws), key=lambda p: -len(p[0]))
_MATCH = re.compile(
    "^(?:" + "|".join(f"(?P<k{i}>{re.escape(w)})" for i, (w, _) in enumerate(_PATTERNS)) + ")s?\\b"
)

# Days of the legal term, and the article that sets it.
TERM_DAYS = {STATE: 30, LOCAL: 30, PUBLIC: 30, HEALTH: 50, EPIC: 60, PUBLIC_ENTERPRISE: 60}
TERM_ARTICLE = {
    STATE: "R2192-10", LOCAL: "R2192-10", PUBLIC: "R2192-10",
    HEALTH: "R2192-11", EPIC: "R2192-11", PUBLIC_ENTERPRISE: "R2192-11",
}  # fmt: skip
# How the status and the litigation file name each kind, in French.
KIND_NAMES = {
    STATE: "État ou établissement public administratif",
    LOCAL: "collectivité territoriale ou établissement public local",
    HEALTH: "établissement public de santé",
    EPIC: "établissement public industriel et commercial",
    PUBLIC_ENTERPRISE: "entreprise publique",
    PUBLIC: "acheteur public",
}
# The public persons: no injonction de payer nor seizure reaches them (CGPPP L2311-1), and a
# public contract they conclude is administrative (Code de la commande publique L6), an EPIC's
# too: the administrative court. An entreprise publique is a company.
PUBLIC_PERSONS = frozenset({STATE, LOCAL, HEALTH, EPIC, PUBLIC})
# The four-year lapse of loi n° 68-1250 covers the State, the local authorities and the
# établissements publics; an entreprise publique (a company) has the 5 years of L110-4.
LAPSING = frozenset({STATE, LOCAL, HEALTH, EPIC, PUBLIC})


def buyer_kind(value: Any) -> str | None:
    """The kind of public buyer a « Type client » cell names, or None (not a public buyer)."""
    text = normalise(value) if isinstance(value, str) else ""
    found = _MATCH.match(text) if text else None
    if found is None:
        return None
    index = int(next(k for k, v in found.groupdict().items() if v is not None)[1:])
    return _PATTERNS[index][1]


def legal_due_dates(
    kinds: np.ndarray, invoice_date: Coded, received: Coded, due: Coded, explicit: np.ndarray
) -> tuple[Coded, np.ndarray]:
    """Each public buyer's due date by its legal term, and the note its status carries.

    The term runs from the receipt date when the row has one, else from the invoice date.
    R2192-10 and R2192-11 set a maximum: a shorter due date or terms the ledger gives are a
    contractual term, kept. A longer one is replaced by the legal maximum when the receipt
    date is known; without it, the maximum from the invoice date is only an approximation
    and the ledger's date is kept.
    """
    notes = nones(len(kinds))
    rows = np.flatnonzero(kinds != None)  # noqa: E711
    if not len(rows):
        return due, notes
    days = due.array()
    for i in rows.tolist():
        kind, start, received_on = kinds[i], received.at(i), True
        if start is None:
            start, received_on = invoice_date.at(i), False
        if start is None:
            continue
        legal = start + dt.timedelta(days=TERM_DAYS[kind])
        given = days[i] if explicit[i] else None
        if given is not None and given < legal:
            notes[i] = _shorter(kind, given, legal)
            continue
        if given is not None and (given == legal or not received_on):
            continue
        days[i] = legal
        notes[i] = _note(kind, legal, start, received_on) + (
            f" ; échéance du classeur, le {given.strftime('%d/%m/%Y')}, au-delà du délai "
            "maximal, remplacée"
            if given is not None
            else ""
        )
    return Coded.of(days), notes


def _shorter(kind: str, given: dt.date, legal: dt.date) -> str:
    """The status of a due date the ledger gives before the legal maximum: kept."""
    return (
        f"échéance du classeur, le {given.strftime('%d/%m/%Y')}, conservée : délai contractuel "
        f"plus court que le maximum légal ({TERM_DAYS[kind]} jours, Code de la commande "
        f"publique {TERM_ARTICLE[kind]} : {legal.strftime('%d/%m/%Y')})"
    )


def say_no_receipt(grid: Grid, notes: np.ndarray) -> None:
    """One warning for `check`: public buyers' terms counted from the invoice date, because
    the ledger has no receipt date column."""
    if "receipt_date" in grid.positions:
        return
    count = sum(1 for n in notes.tolist() if n is not None)
    if count:
        grid.problems.append(
            Problem(
                None,
                grid.header("client_type"),
                None,
                f"{count} facture(s) d'acheteurs publics : délai légal de paiement compté depuis "
                "la date de facture, le classeur n'ayant pas de colonne « Date de réception » "
                "(il court de la réception, Code de la commande publique R2192-12)",
                "warning",
            )
        )


# A société d'économie mixte or a société publique locale is a company (5 years, L441-10);
# one that buys under a marché public as an entreprise publique has R2192-11 and R2192-31.
_MIXED = re.compile(
    r"^(sem|semop|saem|spl|spla|societe d economie mixte|societe anonyme d economie mixte)s?\b"
)


def _mixed(value: Any) -> bool:
    """A « Type client » naming a SEM or an SPL that no public kind reads."""
    text = normalise(value) if isinstance(value, str) else ""
    return bool(text and _MIXED.match(text)) and buyer_kind(value) is None


def say_mixed_economy(grid: Grid, types: Coded) -> None:
    """One warning for `check` and the run: a « Type client » naming a SEM or an SPL is read
    as a company, with the advice to type « Entreprise publique » for a marché public."""
    count = int(types.mask(_mixed).sum())
    if count:
        grid.problems.append(
            Problem(
                None,
                grid.header("client_type"),
                None,
                f"{count} facture(s) dont le « Type client » est une SEM ou une SPL (société "
                "d'économie mixte, société publique locale) : lue(s) comme une société "
                "commerciale (pénalités L441-10, prescription de 5 ans) ; si le contrat est un "
                "marché public, écrivez « Entreprise publique » dans « Type client » (délai de 60 "
                "jours, R2192-11 ; intérêts moratoires au taux BCE + 8 points, R2192-31)",
                "warning",
            )
        )


def _note(kind: str, legal: dt.date, start: dt.date, received_on: bool) -> str:
    """« échéance légale le … : 50 jours après la réception … », for the status."""
    days, article, name = TERM_DAYS[kind], TERM_ARTICLE[kind], KIND_NAMES[kind]
    head = f"échéance légale le {legal.strftime('%d/%m/%Y')} : {days} jours après"
    # An EPIC of the State is an entreprise publique; a local one is typed « EPIC local ».
    local = (
        " ; pour un EPIC local, 30 jours (R2192-10) : écrivez « EPIC local » dans « Type client »"
        if kind == EPIC
        else ""
    )
    if received_on:
        return (
            f"{head} la réception de la facture, le {start.strftime('%d/%m/%Y')} ({name}, "
            f"Code de la commande publique {article} et R2192-12){local}"
        )
    return (
        f"{head} la date de la facture, le {start.strftime('%d/%m/%Y')}, faute de date de "
        f"réception ({name}, Code de la commande publique {article} ; le délai court de la "
        f"réception, R2192-12){local}"
    )


__all__ = [
    "EPIC",
    "HEALTH",
    "KIND_NAMES",
    "LAPSING",
    "LOCAL",
    "PUBLIC",
    "PUBLIC_ENTERPRISE",
    "PUBLIC_PERSONS",
    "STATE",
    "TERM_ARTICLE",
    "TERM_DAYS",
    "buyer_kind",
    "legal_due_dates",
    "say_mixed_economy",
    "say_no_receipt",
]
