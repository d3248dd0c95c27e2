"""The journal read back: the timeline of a litigation file, the letters each invoice was
listed in (the dates a letter may cite: « malgré nos relances des … »), and what the bank
matcher needs (the letters' RF references and the bank entries already applied)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..bank import LetterRef, is_valid
from ..ledger import (
    ACTION_LABELS,
    CLAIMED_LABEL,
    FORMAL_NOTICE,
    LEVEL_LABELS,
    REMINDER_1,
    REMINDER_2,
)
from .journal import PAYMENT_ACTIONS, PENALTIES_PAID, JournalEntry
from .journalread import lines_by_client
from .recovered import RECOVERED

# A written demand for payment: a reminder or a formal notice, posted or e-mailed.
_DEMAND_LEVELS = {LEVEL_LABELS[n] for n in (REMINDER_1, REMINDER_2, FORMAL_NOTICE)}
_DEMAND_ACTIONS = (ACTION_LABELS["letter"], ACTION_LABELS["email"])
# What the journal's Level column says of each stage a letter can be sent at.
_LEVEL_OF = {label: level for level, label in LEVEL_LABELS.items() if label}
_LETTER = ACTION_LABELS["letter"]
# The letters whose amount (and QR code) holds the interest and the indemnity: the second
# reminder, the formal notice and the claim for penalties (letters' PENALTY_KINDS).
_PENALTY_LEVELS = {LEVEL_LABELS[REMINDER_2], LEVEL_LABELS[FORMAL_NOTICE], CLAIMED_LABEL}
_NOTICE = LEVEL_LABELS[FORMAL_NOTICE]
_BELOW_NOTICE = {LEVEL_LABELS[REMINDER_1], LEVEL_LABELS[REMINDER_2]}
_AR = re.compile(r"\bAR du (\d{2}/\d{2}/\d{4})")
# The line a run writes for an LRAR number with its date of posting.
_POSTED = re.compile(r"LRAR n° (.+) \(déposée le \d{2}/\d{2}/\d{4}\)")


def journal_lines(path: Path, sheet: str, client: str) -> list[JournalEntry]:
    """The journal's lines about one client, in the order written (for its litigation file)."""
    stat = Path(path).stat()
    return list(lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).get(client, ()))


def journal_demands(path: Path, sheet: str) -> dict[tuple[str, str], tuple[dt.date, ...]]:
    """The dates of the written demands (reminders, formal notices, by post or e-mail) the
    journal records, by (client, invoice): each interrupts a public debt's lapse."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    out: dict[tuple[str, str], set[dt.date]] = {}
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if e.level in _DEMAND_LEVELS and e.action.startswith(_DEMAND_ACTIONS):
                out.setdefault((client, e.invoice), set()).add(e.run_date)
    return {key: tuple(sorted(days)) for key, days in out.items()}


def journal_notices(
    path: Path, sheet: str
) -> dict[tuple[str, str], tuple[dt.date, dt.date | None]]:
    """Each invoice's first mise en demeure the journal records, by (client, invoice): its date
    and its avis de réception's when the line notes it (« AR du 19/05/2025 »)."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    out: dict[tuple[str, str], tuple[dt.date, dt.date | None]] = {}
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if not is_notice(e) or not e.invoice:
                continue
            known = out.get((client, e.invoice))
            if known is None or e.run_date < known[0]:
                out[(client, e.invoice)] = (e.run_date, received_on(e.action))
    return out


def notice_envelopes(
    path: Path, sheet: str
) -> dict[tuple[str, str], tuple[dt.date, dt.date | None]]:
    """The invoices listed below the notice's stage in a letter that gave a formal notice (a
    « Par ailleurs » part of its envelope), by (client, invoice): that letter's date and its
    avis de réception's when a line of it notes one. The letter asked for them within the
    notice's own delay: no other letter may ask for them before it is over."""
    out: dict[tuple[str, str], tuple[dt.date, dt.date | None]] = {}
    for key, day, ar in _envelopes(path, sheet):
        known = out.get(key)
        if known is None or known[0] < day:
            out[key] = (day, ar)
    return out


def envelope_days(path: Path, sheet: str) -> dict[tuple[str, str], tuple[dt.date, ...]]:
    """Every date an invoice was listed below the notice's stage in a letter that gave a formal
    notice, by (client, invoice): a letter's history names that letter as what it was (« notre
    lettre recommandée du … »), not as a mere reminder."""
    out: dict[tuple[str, str], set[dt.date]] = {}
    for key, day, _ in _envelopes(path, sheet):
        out.setdefault(key, set()).add(day)
    return {key: tuple(sorted(days)) for key, days in out.items()}


def _envelopes(path: Path, sheet: str) -> list[tuple[tuple[str, str], dt.date, dt.date | None]]:
    """Each (client, invoice) listed below the notice in a letter that gave one, with that
    letter's date and its avis de réception's when a line of it notes one."""
    if not Path(path).is_file():
        return []
    stat = Path(path).stat()
    out: list[tuple[tuple[str, str], dt.date, dt.date | None]] = []
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        # One letter: its file and date (a line recovered from the ledger names no file).
        by_letter: dict[tuple[dt.date, str], list[JournalEntry]] = {}
        for e in lines:
            if e.letter and e.invoice and e.action.startswith(_LETTER):
                by_letter.setdefault((e.run_date, e.letter), []).append(e)
        for (day, _), of in by_letter.items():
            notices = [e for e in of if is_notice(e)]
            if not notices:
                continue
            ar = next((d for d in map(received_on, (e.action for e in notices)) if d), None)
            out += [((client, e.invoice), day, ar) for e in of if e.level in _BELOW_NOTICE]
    return out


def is_notice(e: JournalEntry) -> bool:
    """A line that records a mise en demeure sent, whatever its action's wording (posted,
    e-mailed, recovered from the ledger): not a hold, nor a payment, at that stage."""
    return (
        e.level == _NOTICE
        and e.action not in PAYMENT_ACTIONS
        and not e.action.startswith(ACTION_LABELS["held"])
    )


def received_on(action: str) -> dt.date | None:
    """The avis de réception's date a journal line notes (« AR du 19/05/2025 »)."""
    found = _AR.search(action)
    if not found:
        return None
    try:
        return dt.datetime.strptime(found.group(1), "%d/%m/%Y").date()
    except ValueError:
        return None


def bank_history(path: Path, sheet: str) -> tuple[dict[str, LetterRef], frozenset[str]]:
    """The letters' RF references (which invoices each covers, and the penalties it
    claimed) and the keys of the bank entries already applied, from the journal."""
    stat = Path(path).stat()
    lines: dict[str, list[JournalEntry]] = {}
    applied: set[str] = set()
    for by_client in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).values():
        for line in by_client:
            if line.action in PAYMENT_ACTIONS and line.reference:
                applied.add(line.reference)
            elif line.reference.startswith("RF") and is_valid(line.reference):
                lines.setdefault(line.reference, []).append(line)
    return {ref: _letter(ref, of) for ref, of in lines.items()}, frozenset(applied)


def _letter(reference: str, lines: list[JournalEntry]) -> LetterRef:
    """A letter from its journal lines (one per invoice, an e-mail's repeating them)."""
    first: dict[str, JournalEntry] = {}
    for line in lines:
        first.setdefault(line.invoice, line)
    # Each invoice by its own stage: in one envelope, a part at the first reminder claims
    # no penalties (the journal still says what they come to), and the QR code holds none.
    penalties = tuple(
        (line.interest, line.indemnity) if line.level in _PENALTY_LEVELS else (0.0, 0.0)
        for line in first.values()
    )
    return LetterRef(reference, lines[0].run_date, lines[0].client, tuple(first), penalties)


def penalties_paid(path: Path, sheet: str) -> dict[tuple[str, str], tuple[float, float]]:
    """The interest and indemnity paid by bank transfer, by (client, invoice): the next run
    claims them no more."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if e.action == PENALTIES_PAID:
                interest, indemnity = out.get((client, e.invoice), (0.0, 0.0))
                out[(client, e.invoice)] = (interest + e.interest, indemnity + e.indemnity)
    return out


def letters_sent(path: Path, sheet: str) -> dict[tuple[str, str], tuple[tuple[dt.date, int], ...]]:
    """Each invoice's letters recorded in the journal, by (client, invoice): (date, stage).

    Only the lines of letters (« Courrier »), at a stage (Relance 1, Relance 2, Mise en
    demeure): thanks, claims, e-mails and litigation are not reminders.
    """
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    lines = lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns)
    out: dict[tuple[str, str], list[tuple[dt.date, int]]] = {}
    for client, entries in lines.items():
        for e in entries:
            level = _LEVEL_OF.get(e.level)
            if level is not None and e.action.startswith(_LETTER) and e.invoice:
                out.setdefault((client, e.invoice), []).append((e.run_date, level))
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def dated_numbers(path: Path, sheet: str) -> frozenset[tuple[str, str, str]]:
    """The LRAR numbers whose date of posting the journal already says (« LRAR n° …
    (déposée le …) »), as (client, invoice, number as written)."""
    if not Path(path).is_file():
        return frozenset()
    stat = Path(path).stat()
    found = set()
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            said = _POSTED.fullmatch(e.action)
            if said:
                found.add((client, e.invoice, said.group(1)))
    return frozenset(found)


def own_first_letters(path: Path, sheet: str) -> dict[tuple[str, str], dt.date]:
    """The invoices whose first letter the journal records is one the tool wrote (« Courrier »,
    not « repris du classeur »), by (client, invoice): that letter's date. Nothing was recorded
    before it, so a history that opens with it is complete, even when that first letter was a
    relance 2 (`start_at_days_late_level`)."""
    if not Path(path).is_file():
        return {}
    stat = Path(path).stat()
    first: dict[tuple[str, str], tuple[dt.date, bool]] = {}
    for client, lines in lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns).items():
        for e in lines:
            if e.level not in _LEVEL_OF or not e.action.startswith(_LETTER) or not e.invoice:
                continue
            own = not e.action.startswith(RECOVERED)
            known = first.get((client, e.invoice))
            # On one day a line recovered from the ledger wins: the ledger's letter came first.
            if known is None or (e.run_date, own) < known:
                first[(client, e.invoice)] = (e.run_date, own)
    return {key: day for key, (day, own) in first.items() if own}


# The lines a run writes for what it did that day: its letters, thanks, claims, litigation
# files and holds (« Ne pas envoyer »); not payments, e-mails or lines recovered from the ledger.
_RUN_ACTIONS = tuple(ACTION_LABELS[a] for a in ("letter", "thanks", "claim", "litigation", "held"))


def last_run_day(path: Path, sheet: str) -> dt.date | None:
    """The date of the last run the journal records (None: no run recorded, or no journal)."""
    if not Path(path).is_file():
        return None
    stat = Path(path).stat()
    lines = lines_by_client(str(path), sheet, stat.st_size, stat.st_mtime_ns)
    days = [
        e.run_date
        for entries in lines.values()
        for e in entries
        if e.action.startswith(_RUN_ACTIONS) and not e.action.startswith(RECOVERED)
    ]
    return max(days, default=None)


__all__ = [
    "bank_history",
    "dated_numbers",
    "envelope_days",
    "is_notice",
    "journal_demands",
    "journal_lines",
    "journal_notices",
    "last_run_day",
    "letters_sent",
    "notice_envelopes",
    "own_first_letters",
    "penalties_paid",
    "received_on",
]
