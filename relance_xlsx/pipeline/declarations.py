"""Declarations of claim: one per client in collective proceedings, in contentieux/<client>/,
valued at the opening judgment (Code de commerce L622-24 to L622-28, R622-23, R622-24)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..config import Settings
from ..figures import Declaration, write_declaration
from ..ledger import ACTION_LABELS, LITIGATION, Ledger
from ..policy import (
    AtJudgment,
    Decisions,
    at_judgment,
    declared_penalties,
    forbidden_payment,
    late_payments,
    rate_caveat,
    rate_tables_for,
)
from ..progress import Progress, step
from ..wording import date_short, day_long, join_list, money
from ..workbook import JournalEntry, journal_lines
from .casefile import debtor_of, notices, text
from .dossiers import FOLDER, by_client, claimed, client_folders, pdfs_beside, records
from .undated import undated_notes

NAME = "declaration_creance.docx"
# The invoices a declaration lists: frozen by the proceedings, or disputed (declared all the
# same, the dispute said: R622-23, 3°).
_DECLARED = ("insolvency", "hold")


def insolvent_clients(decisions: Decisions, ledger: Ledger) -> list[str]:
    """The clients in collective proceedings with an invoice still to declare, or the
    penalties of one paid late before the judgment (policy/declared.py)."""
    frozen = (decisions.frame["action"] == "insolvency").to_numpy()
    owed = (decisions.frame["interest"] + decisions.frame["indemnity"] > 0.005).to_numpy()
    frozen = frozen | (declared_penalties(ledger.frame) & owed)
    return sorted(set(ledger.frame.loc[frozen, "client"].astype(str)))


def _latest(rows: list[dict[str, Any]], name: str) -> dt.date | None:
    days = [r[name] for r in rows if isinstance(r[name], dt.date)]
    return max(days) if days else None


def build_declaration(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    client: str,
    rows: list[dict[str, Any]],
) -> tuple[Declaration, tuple[str, ...]]:
    """The client's declaration from its open invoices, and the warnings of its rates."""
    mine = [r for r in rows if r["valid"] and not r["is_credit"]]
    judgment = _latest(rows, "judgment_date")
    # A payment received on or after the judgment for an earlier debt is not deducted (L622-7).
    late = dict(zip(ledger.frame.index, late_payments(ledger.frame), strict=True))
    mine = [_at_judgment(r, late.get(r["index"], ())) for r in mine]
    open_ = [
        r for r in mine
        if (r["late_paid"] or not r["is_paid"]) and r["outstanding"] > 0
        and r["action"] in _DECLARED
    ]  # fmt: skip
    credits = [r for r in rows if r["valid"] and r["is_credit"] and r["outstanding"] < 0]
    paid_late = _paid_late(ledger, mine)
    valued = _owed(at_judgment(
        ledger.frame, [r["index"] for r in [*open_, *paid_late]], judgment, settings.policy,
        rate_tables_for(settings),
    ), {r["index"] for r in paid_late})  # fmt: skip
    by_index = {r["index"]: r for r in [*open_, *paid_late]}

    def listed(indexes: list[Any], valued_at: bool) -> list[Any]:
        return [
            claimed(
                by_index[i],
                valued.periods.get(i, ()) if valued_at else (),
                valued.interest.get(i, 0.0) if valued_at else 0.0,
                valued.indemnity.get(i, 0.0) if valued_at else 0.0,
            )
            for i in indexes
        ]

    first = open_ or mine or rows
    journal = journal_lines(ledger.path, settings.writeback.journal_sheet, client)
    declaration = Declaration(
        client,
        as_of,
        settings.creditor,
        debtor_of(client, first),
        next((r["proceedings"] for r in rows if isinstance(r["proceedings"], str)), None),
        judgment,
        _latest(rows, "bodacc_date"),
        next((text(r["mandataire"]) for r in rows if text(r["mandataire"])), ""),
        next((text(r["court"]) for r in rows if text(r["court"])), ""),
        listed(valued.due, True),
        listed(valued.not_due, False),
        listed(valued.later, False),
        [claimed(r, ()) for r in credits],
        notices(journal, mine),
        [text(by_index[i]["invoice"]) for i in valued.due if by_index[i]["hold"]],
        settings.policy.interest_rate,
        _rate_notes([{**by_index[i], "periods": valued.periods.get(i, ())} for i in valued.due],
                    settings),
        [*(_late_note(r) for r in open_ if r["late_paid"]), *undated_notes(open_)],
        fixed_indemnity=settings.policy.indemnity,
        in_court=_in_court(journal, [by_index[i] for i in valued.due], judgment),
        paid_late=[(text(r["invoice"]), r["payment_date"]) for r in paid_late
                   if r["index"] in valued.due and judgment],
    )  # fmt: skip
    forbidden = tuple(
        f"{client}, facture {text(r['invoice'])} : "
        + forbidden_payment(r["late_payments"])
        + "."
        for r in open_ if r["late_paid"]
    )  # fmt: skip
    return declaration, (*forbidden, *_interrupted(client, declaration), *valued.warnings)


def _paid_late(ledger: Ledger, mine: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The client's invoices paid late before the judgment (every one paid late while its day
    is unknown): their penalties, born before it, are declared (L622-24; policy/declared.py)."""
    declared = pd.Series(declared_penalties(ledger.frame), index=ledger.frame.index)
    return [r for r in mine if r["is_paid"] and declared.at[r["index"]]]


def _owed(valued: AtJudgment, paid: set[Any]) -> AtJudgment:
    """The valuation without the invoices paid before the judgment that owe nothing more
    (their penalties paid by transfer, or none due). Without the judgment's day nothing is
    valued: each is listed, its interest and indemnity to compute once the day is given."""
    if valued.judgment is None:
        return valued
    kept = [
        i for i in valued.due
        if i not in paid or valued.interest.get(i, 0.0) + valued.indemnity.get(i, 0.0) > 0.005
    ]  # fmt: skip
    return replace(valued, due=kept)


def _in_court(
    journal: list[JournalEntry], rows: list[dict[str, Any]], judgment: dt.date | None
) -> list[tuple[str, dt.date | None]]:
    """The invoices handed to litigation before the judgment, each with the hand-over's day:
    the journal's first « Contentieux » line, else the ledger's date at that level."""
    handed: dict[str, list[dt.date]] = {}
    for e in journal:
        if e.action == ACTION_LABELS["litigation"]:
            handed.setdefault(e.invoice, []).append(e.run_date)
    out = []
    for r in rows:
        number = text(r["invoice"])
        days = handed.get(number, [])
        at = int(r["level"] or 0) >= LITIGATION
        if at and isinstance(r["last_date"], dt.date):
            days = [*days, r["last_date"]]
        day = min(days, default=None)
        if (at or days) and (judgment is None or day is None or day < judgment):
            out.append((number, day))
    return out


def _interrupted(client: str, d: Declaration) -> list[str]:
    """The warning on each invoice handed to litigation before the judgment."""
    return [
        f"{client}, facture {number} : remise au contentieux"
        + (f" le {date_short(day)}" if day else "")
        + (", avant le jugement d'ouverture" if d.judgment else "")
        + " ; l'instance éventuellement engagée (injonction de "
        "payer, assignation) est interrompue jusqu'à la déclaration (Code de commerce "
        "L622-22) : ne formez ni ne poursuivez aucune demande en justice, indiquez la "
        "juridiction saisie dans la déclaration (R622-23, 3°) et prévenez votre avocat ou le "
        "commissaire de justice."
        for number, day in d.in_court
    ]


def _at_judgment(r: dict[str, Any], payments: Any) -> dict[str, Any]:
    """The invoice as it stood on the judgment: what was paid on or after it for a debt born
    before it (L622-7 forbids it; policy.late_payments) put back into what is due, as
    "late_paid", each such payment as "late_payments"."""
    late = round(sum(a for _, a in payments), 2)
    if late <= 0:
        return {**r, "late_paid": 0.0, "late_payments": ()}
    return {
        **r,
        "late_paid": late,
        "late_payments": tuple(payments),
        "paid": round(float(r["paid"]) - late, 2),
        "outstanding": round(r["outstanding"] + late, 2),
    }


def _late_note(r: dict[str, Any]) -> str:
    """What the declaration says of the payments received after the judgment: each one."""
    payments = r["late_payments"]
    if len(payments) == 1:
        return (
            f"Facture {text(r['invoice'])} : {money(r['late_paid'])} reçus le "
            f"{_long(payments[0][0])}, postérieurement au jugement d'ouverture, non déduits "
            "(paiement d'une créance antérieure interdit par l'article L622-7 du Code de "
            "commerce), sous réserve de restitution."
        )
    each = join_list([f"{money(a)} le {_long(d)}" for d, a in payments])
    return (
        f"Facture {text(r['invoice'])} : {money(r['late_paid'])} reçus postérieurement au "
        f"jugement d'ouverture, en {len(payments)} paiements ({each}), non déduits (paiements "
        "d'une créance antérieure interdits par l'article L622-7 du Code de commerce), sous "
        "réserve de restitution."
    )


def _long(day: Any) -> str:
    """« 20 juillet 2024 » of a date or a Timestamp."""
    return day_long(pd.Timestamp(day).date())


def _rate_notes(rows: list[dict[str, Any]], settings: Settings) -> list[str]:
    """What the declaration says of a rate its interest used that the table does not confirm."""
    note = rate_caveat(rows, settings, "fr", "declaration")
    return [note] if note else []


def write_declarations(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    out: Path,
    clients: list[str],
    pdf: bool,
) -> tuple[dict[str, list[str]], list[str]]:
    """declaration_creance.docx (and its PDF) for each client; the files by client, and
    the warnings of the rates used."""
    groups = by_client(ledger, clients)
    every = records(ledger, decisions, np.concatenate(list(groups.values())) if groups else [])
    rows: dict[str, list[dict[str, Any]]] = {}
    for r in every:
        rows.setdefault(str(r["client"]), []).append(r)
    written: dict[str, list[Path]] = {}
    warnings: list[str] = []
    folders = client_folders(out, ledger)
    for client in groups:
        built, more = build_declaration(ledger, decisions, settings, as_of, client, rows[client])
        warnings += more
        written[client] = [write_declaration(built, folders[client] / NAME)]
    if pdf and written:
        pdfs_beside(list(written.values()), settings)
    files = {client: [str(p) for p in paths] for client, paths in written.items()}
    return files, list(dict.fromkeys(warnings))


def declare_all(
    ledger: Ledger,
    decisions: Decisions,
    settings: Settings,
    as_of: dt.date,
    out: Path,
    pdf: bool,
    progress: Progress,
    warnings: list[str],
) -> list[str]:
    """The declaration of each client in collective proceedings, written by every run: the
    files, and a warning saying where they are."""
    clients = insolvent_clients(decisions, ledger)
    if not clients:
        return []
    with step(progress, "Déclarations de créance"):
        files, more = write_declarations(ledger, decisions, settings, as_of, out, clients, pdf)
    warnings += [w for w in more if w not in warnings]
    warnings.append(
        f"{len(clients)} client(s) en procédure collective : leur déclaration de créance, à "
        "adresser au mandataire judiciaire (au liquidateur en liquidation judiciaire) dans le "
        f"délai, est dans {out / FOLDER} (par "
        f"exemple « {clients[0]} »)."
    )
    return [written[0] for written in files.values() if written]


__all__ = ["NAME", "build_declaration", "declare_all", "insolvent_clients", "write_declarations"]
