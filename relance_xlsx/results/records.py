"""What a run and a check return: frozen results, rendered as a table or JSON by the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

import numpy as np
import orjson
import pandas as pd

from .. import collector
from ..ledger import CLAIMED_LABEL, KIND_FORMAL_NOTICE, Ledger, Problem, Skip, round_cents
from ..letters import Letter, LetterRows, part_totals, total_due
from ..mailroom import RegisteredNumber
from ..policy import Decisions
from .decision import LetterLine, Summary


class InvoiceResult(NamedTuple):
    """One invoice in the JSON: what it owes, its level after the run, and why.

    A named tuple, immutable like the other results, because a run makes one per invoice:
    a frozen dataclass costs 5 µs each to build, 5 s at a million invoices.
    """

    row: int
    invoice: str
    client: str
    due: str | None
    days_late: int | None
    outstanding: float
    level: int
    action: str
    interest: float
    indemnity: float
    letter: str | None
    reason: str
    # The interest broken down (CPC 1407): from, to, days, rate, base, interest.
    interest_periods: tuple[Any, ...] = ()
    # Paid, within [policy] tolerance (a cent left is no debt to chase or to count).
    paid: bool = False
    # Penalties a bank transfer paid (the journal's): interest is its periods less these.
    interest_paid: float = 0.0
    indemnity_paid: float = 0.0


@dataclass(frozen=True)
class LetterResult:
    """One letter written (or, in a dry run, that would be written)."""

    path: str
    client: str
    kind: str
    invoices: list[str]
    total_due: float
    # What a letter that cannot be posted still lacks (empty for a letter that can).
    missing: list[str] = field(default_factory=list)
    # The letter's language (fr, en), whether it goes by registered post (a mise en
    # demeure), and each of its invoices with its amounts and one short reason.
    language: str = "fr"
    registered: bool = False
    lines: list[LetterLine] = field(default_factory=list)
    # Its parts, highest stage first: {"kind", "invoices", "total"} (one for a single stage).
    parts: list[dict[str, Any]] = field(default_factory=list)
    # With --pdf, the page of its PDF bundle on which the letter starts.
    bundle_page: int | None = None


@dataclass(frozen=True)
class PaidLate:
    """A client's invoices paid in full after their due date: what the law still gives."""

    client: str
    invoices: list[str]
    interest: float
    indemnity: float


_RECORD_LISTS = ("letters", "problems", "skipped", "to_complete", "paid_late", "registered_numbers")


@dataclass(frozen=True)
class RunResult:
    """Everything a run did; rendered as a table or as JSON by the CLI."""

    ledger: str
    sheet: str
    header_row: int
    as_of: str
    dry_run: bool
    invoices: list[InvoiceResult]
    letters: list[LetterResult]
    problems: list[Problem]
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    out_dir: str | None = None
    bundle: str | None = None
    pdfs: list[str] = field(default_factory=list)
    rows_written: int = 0
    journal_lines: int = 0
    backup: str | None = None
    config: str | None = None
    emails: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    # Letters written to a_completer/: not printed, not sent, their invoices left unchanged.
    to_complete: list[LetterResult] = field(default_factory=list)
    # The folder of the user's templates ([letters] template_dir), None: the bundled ones.
    templates: str | None = None
    # Per client, the interest and indemnities of invoices paid late (L441-10): due, not
    # claimed by any letter (the office decides).
    paid_late: list[PaidLate] = field(default_factory=list)
    # rapport.xlsx written beside the letters (None in a dry run).
    report: str | None = None
    # The litigation file (dossier.docx) of each client handed to litigation by this run.
    dossiers: list[str] = field(default_factory=list)
    # The declaration of claim (declaration_creance.docx) of each client in collective
    # proceedings, valued at the opening judgment.
    declarations: list[str] = field(default_factory=list)
    # The decision sheet: letters by kind, what they claim, what is not chased and why.
    summary: Summary = field(default_factory=Summary)
    # The settings the letters to complete lack ("creditor.bic"…), each once.
    missing_settings: list[str] = field(default_factory=list)
    # Journal lines already dated as_of before this run: the day's run was done already.
    done_before: int = 0
    # A dry run's verdict, for its headline: why a real run would stop (French), or None. Not
    # in the JSON, whose warnings say it (« Sans --dry-run, ce run s'arrêterait : … »).
    would_stop: str | None = None
    # The registered letters' Word and PDF bundles, their posting list (.xlsx, .pdf); the
    # ordinary letters' PDF bundle. The PDFs with --pdf only.
    registered_bundle: str | None = None
    registered_pdf: str | None = None
    posting_list: str | None = None
    posting_list_pdf: str | None = None
    bundle_pdf: str | None = None
    # The LRAR numbers read back from earlier posting lists into « N° recommandé ».
    registered_numbers: list[RegisteredNumber] = field(default_factory=list)
    # The invoices' JSON text instead of their records (invoices then empty), for a caller
    # that prints the document with orjson only (relance run --dry-run --json): made on the
    # other core while the run made its letters' results. Not a field of the document.
    invoices_json: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON document (fields are added over time, never renamed)."""
        # asdict() deep-copies every value: 10 s for a million invoices; these are flat.
        # The collector paused throughout: a collection set off by the letters' lines walked
        # every invoice's result (0.5 s at 200 000 invoices). The memory the run's frames
        # held is handed back first: the document is the dry run's peak (3.0 -> 2.5 GB at 1M).
        collector.give_back()
        with collector.paused():
            return self._json()

    def _json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        del data["invoices_json"], data["would_stop"]
        for name in _RECORD_LISTS:
            data[name] = [dict(vars(item)) for item in data[name]]
        for name in ("letters", "to_complete"):
            for item in data[name]:
                item["lines"] = [dict(vars(line)) for line in item["lines"]]
        data["summary"] = asdict(self.summary)
        if self.invoices_json is None:
            data["invoices"] = invoice_documents(self.invoices)
        else:  # written by orjson as it is
            data["invoices"] = orjson.Fragment(self.invoices_json)
        return data


def invoice_documents(invoices: list[InvoiceResult]) -> list[dict[str, Any]]:
    """The invoices as the JSON document lists them."""
    # zip without strict (fields and values of a named tuple match): 0.18 s at 1M
    out: list[dict[str, Any]] = list(map(dict, map(zip, repeat(InvoiceResult._fields), invoices)))
    # Only the invoices with periods visited, picked in C (compress): 0.1 s at 1M.
    for item in compress(out, map(attrgetter("interest_periods"), invoices)):
        item["interest_periods"] = [p._asdict() for p in item["interest_periods"]]
    return out


def invoices_json(documents: list[dict[str, Any]]) -> bytes:
    """The invoices' JSON text, as print_json writes it in the document."""
    try:
        return orjson.dumps(documents)
    except orjson.JSONEncodeError:
        return orjson.dumps(documents, option=orjson.OPT_NON_STR_KEYS)


def invoice_results(
    ledger: Ledger, decisions: Decisions, letter_of: dict[Any, str], rows: Any = None
) -> list[InvoiceResult]:
    """One result per invoice of the ledger (or of these rows), with the letter it went into."""
    f, d = ledger.frame, decisions.frame
    if rows is not None:
        f, d = f.loc[rows], d.loc[rows]
    periods = decisions.interest_periods
    # Whole columns into Python lists at once, then one tuple per invoice: per-cell access
    # and conversion cost seconds at a million rows.
    index = f.index.tolist()  # iterated twice, as Python values once
    due = f["due_date"].dt.strftime("%Y-%m-%d").astype(object)
    late = d["days_late"].to_numpy(dtype=float)
    return list(
        map(
            InvoiceResult,
            f["row"].to_numpy(dtype=int).tolist(),
            _texts(f["invoice"]),
            _texts(f["client"]),
            due.where(f["due_date"].notna(), None).tolist(),
            _with_none(np.nan_to_num(late).astype(int).tolist(), np.isnan(late)),
            round_cents(f["outstanding"].to_numpy(dtype=float)).tolist(),
            d["level"].to_numpy(dtype=int).tolist(),
            list(map(str, d["action"].tolist())),
            d["interest"].to_numpy(dtype=float).tolist(),
            d["indemnity"].to_numpy(dtype=float).tolist(),
            map(letter_of.get, index),
            list(map(str, d["reason"].tolist())),
            map(periods.get, index, repeat(())),
            f["is_paid"].to_numpy(dtype=bool).tolist(),
            *(
                f[k].tolist() if k in f else repeat(0.0)
                for k in ("interest_paid", "indemnity_paid")
            ),
        )
    )


def paid_late_by_client(ledger: Ledger, decisions: Decisions) -> list[PaidLate]:
    """The penalties of invoices paid late, totalled per client, the largest first."""
    f, d = ledger.frame, decisions.frame
    # Claimed penalties (today or before) are no longer "still to decide".
    mask = (
        f["is_paid"].to_numpy(dtype=bool)
        & ((d["interest"] > 0) | (d["indemnity"] > 0)).to_numpy(dtype=bool)
        & (d["label"] != CLAIMED_LABEL).to_numpy(dtype=bool)
    )
    if not mask.any():
        return []
    rows = f.loc[mask, ["client", "invoice"]].join(d.loc[mask, ["interest", "indemnity"]])
    out = [
        PaidLate(
            str(client),
            [str(v) for v in group["invoice"].tolist()],
            round(float(group["interest"].sum()), 2),
            round(float(group["indemnity"].sum()), 2),
        )
        for client, group in rows.groupby("client", sort=True)
    ]
    return sorted(out, key=lambda p: -(p.interest + p.indemnity))


def letter_result(
    letter: Letter,
    data: LetterRows,
    lines: dict[str, list[LetterLine]] | None = None,
    *,
    registered: bool | None = None,
    page: int | None = None,
) -> LetterResult:
    """What the JSON and the summary say of one letter: registered ([print] registered),
    else a mise en demeure; page, where it starts in its PDF bundle."""
    plan = letter.plan
    return LetterResult(
        str(letter.path),
        plan.client,
        plan.kind,
        list(map(str, map(itemgetter("invoice"), data.of(plan.rows)))),
        total_due(plan, data),
        [*letter.missing, *(f"refusée au contrôle : {r}" for r in letter.refused)],
        plan.language,
        plan.kind == KIND_FORMAL_NOTICE if registered is None else registered,
        (lines or {}).get(str(letter.path), []),
        parts=part_totals(plan, data),
        bundle_page=page,
    )


def _texts(column: pd.Series) -> list[str]:
    """A text column as str values, an empty cell as ''."""
    values = column.to_numpy(dtype=object)
    return [v if v.__class__ is str else str(v or "") for v in values.tolist()]


def _with_none(values: list[Any], missing: np.ndarray) -> list[Any]:
    """The values with None where missing is set."""
    for i in np.flatnonzero(missing).tolist():
        values[i] = None
    return values


__all__ = [
    "InvoiceResult",
    "LetterResult",
    "PaidLate",
    "RunResult",
    "invoice_documents",
    "invoice_results",
    "invoices_json",
    "letter_result",
    "paid_late_by_client",
]
