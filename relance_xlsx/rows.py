"""Raw ledger rows to one canonical row per invoice, with skips and problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .columns import normalise
from .config import Policy
from .levels import History, parse_level
from .problems import Problem, Skip
from .values import (
    Amount,
    Terms,
    convert_column,
    due_from_terms,
    parse_amount,
    parse_column,
    parse_date,
    parse_flag,
    parse_hold,
    parse_terms,
    parse_text,
    status_says_cancelled,
    status_says_paid,
)

LEGAL_MAX_DAYS = 60
_TOTAL_RE = re.compile(
    r"^(grand )?(total|totaux|sous total|subtotal|sub total|somme|sum|moyenne|average|avg|"
    r"max|min|cumul|report)\b"
)
_CREDIT_RE = re.compile(r"\bavoir\b|\bcredit note\b", re.I)
_FIELD_LABELS = {
    "invoice": "N° facture",
    "client": "Client",
    "invoice_date": "Date facture",
    "due_date": "Échéance",
    "amount": "Montant",
    "paid": "Montant réglé",
}

COLUMNS = (
    "row",
    "invoice",
    "client",
    "invoice_date",
    "due_date",
    "amount",
    "paid",
    "outstanding",
    "is_paid",
    "hold",
    "is_credit",
    "consumer",
    "object",
    "email",
    "address",
    "contact",
    "attachment",
    "language",
    "currency",
    "level",
    "last_date",
    "level_without_date",
    "thanked",
    "pre_due_sent",
    "valid",
    "problem",
    "level_text",
    "status_text",
)


class _Rows:
    """Column-wise access to the grid below the header."""

    def __init__(
        self,
        data: Sequence[Sequence[Any]],
        positions: dict[str, int],
        headers: Sequence[str],
        first_row: int,
    ) -> None:
        self.data, self.positions, self.headers = data, positions, headers
        self.numbers = np.arange(first_row, first_row + len(data))
        self.problems: list[Problem] = []
        self._columns: dict[int, list[Any]] = {}

    def raw(self, name: str) -> pd.Series:
        pos = self.positions.get(name)
        if pos is None:
            return pd.Series([None] * len(self.data), dtype=object)
        if pos not in self._columns:  # each column is cut out of the row grid once
            self._columns[pos] = [r[pos] if pos < len(r) else None for r in self.data]
        return pd.Series(self._columns[pos], dtype=object)

    def keep_only(self, keep: np.ndarray) -> None:
        """Drop the skipped rows (and the columns cut before)."""
        self.data = [r for r, k in zip(self.data, keep, strict=True) if k]
        self.numbers = self.numbers[keep]
        self._columns.clear()

    def header(self, name: str) -> str:
        pos = self.positions.get(name)
        return self.headers[pos] if pos is not None else _FIELD_LABELS.get(name, name)

    def parse(
        self, name: str, parser: Callable[[Any], Any], keep: np.ndarray, severity: str = "error"
    ) -> pd.Series:
        raw = self.raw(name)
        if name not in self.positions:
            return pd.Series([None] * len(raw), dtype=object)
        parsed, errors = parse_column(raw, parser)
        bad = errors.notna().to_numpy() & keep
        for i in np.flatnonzero(bad):
            self.problem(int(i), name, raw.iat[i], str(errors.iat[i]), severity)
        return parsed

    def problem(
        self, index: int, name: str | None, value: Any, message: str, severity: str = "error"
    ) -> None:
        self.problems.append(
            Problem(
                int(self.numbers[index]),
                self.header(name) if name else None,
                None if value is None else parse_text(value) or str(value),
                message,
                "warning" if severity == "warning" else "error",
            )
        )


def _empty_mask(series: pd.Series) -> np.ndarray:
    values = series.to_numpy(dtype=object)
    return np.fromiter(
        (
            v is None
            or v == ""
            or (isinstance(v, float) and v != v)
            or (isinstance(v, str) and not v.strip())
            for v in values
        ),
        dtype=bool,
        count=len(values),
    )


def _skip_rows(
    rows: _Rows, invoice_raw: pd.Series, amount_raw: pd.Series, status_raw: pd.Series
) -> tuple[np.ndarray, list[Skip]]:
    """Which rows are invoices; the others with the reason they are passed over."""
    n = len(rows.data)
    skips: list[Skip] = []
    keep = np.ones(n, dtype=bool)
    no_invoice, no_amount = _empty_mask(invoice_raw), _empty_mask(amount_raw)
    for i in np.flatnonzero(no_invoice | _looks_total(invoice_raw)):
        cells = rows.data[int(i)]
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            reason = "ligne vide"
        elif any(isinstance(c, str) and _TOTAL_RE.match(normalise(c)) for c in cells):
            reason = "ligne de total"
        elif no_amount[i]:
            reason = "ni numéro de facture ni montant"
        else:
            continue
        keep[i] = False
        skips.append(Skip(int(rows.numbers[i]), reason))
    statuses = status_raw.to_numpy(dtype=object)
    for i in np.flatnonzero(keep):
        if statuses[i] is not None and status_says_cancelled(statuses[i]):
            keep[i] = False
            skips.append(Skip(int(rows.numbers[i]), "facture annulée"))
    # Blank rows after the last invoice are the sheet's end, not rows to report.
    last = int(np.flatnonzero(keep)[-1]) if keep.any() else -1
    skips = [
        s
        for s in skips
        if not (
            s.reason == "ligne vide" and s.row > rows.numbers[last]
            if last >= 0
            else s.reason == "ligne vide"
        )
    ]
    return keep, sorted(skips, key=lambda s: s.row)


# First letters of the words _TOTAL_RE knows: most invoice numbers are ruled out by this alone.
_TOTAL_INITIALS = frozenset("gtsmacrGTSMACR")


def _looks_total(invoice_raw: pd.Series) -> np.ndarray:
    return np.fromiter(
        (
            isinstance(v, str)
            and v.lstrip()[:1] in _TOTAL_INITIALS
            and bool(_TOTAL_RE.match(normalise(v)))
            for v in invoice_raw
        ),
        dtype=bool,
        count=len(invoice_raw),
    )


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(
        convert_column(series, lambda d: d if isinstance(d, dt.date) else None), errors="coerce"
    )


def normalise_rows(
    data: Sequence[Sequence[Any]],
    first_row: int,
    positions: dict[str, int],
    headers: Sequence[str],
    policy: Policy,
    as_of: dt.date,
) -> tuple[pd.DataFrame, list[Problem], list[Skip]]:
    """Turn the grid below the header into canonical invoice rows, skips and problems."""
    rows = _Rows(data, positions, headers, first_row)
    everything = np.ones(len(data), dtype=bool)
    keep, skips = _skip_rows(rows, rows.raw("invoice"), rows.raw("amount"), rows.raw("status"))
    if not keep.all():
        rows.keep_only(keep)
    n = len(rows.data)
    ok = np.ones(n, dtype=bool)
    every = everything[:n]

    invoice = rows.parse("invoice", parse_text, every)
    client = rows.parse("client", parse_text, every)
    amounts = rows.parse("amount", parse_amount, every)
    paid_raw_amounts = _paid_amounts(rows, every)
    invoice_date = rows.parse("invoice_date", parse_date, every)
    due_cell = rows.parse("due_date", parse_date, every)
    payment_date = rows.parse("payment_date", parse_date, every)
    paid_flag = rows.parse("paid_flag", parse_flag, every, "warning")
    hold = rows.parse("hold", parse_hold, every)
    terms = rows.parse("terms", parse_terms, every, "warning")
    history = rows.parse("reminder_level", parse_level, every)
    last_date = rows.parse("reminder_date", parse_date, every)
    status = rows.raw("status")
    objects = rows.parse("object", parse_text, every)

    amount = _values(amounts, np.nan)
    currency = _objects(
        amounts, lambda a: a.currency if isinstance(a, Amount) and a.currency else None
    )
    paid = _values(paid_raw_amounts, 0.0)

    is_credit = (amount < 0).to_numpy() | np.fromiter(
        (
            bool(_CREDIT_RE.search(str(a or ""))) or bool(_CREDIT_RE.search(str(b or "")))
            for a, b in zip(invoice, objects, strict=True)
        ),
        dtype=bool,
        count=n,
    )
    amount = amount.where(~(is_credit & (amount > 0)), -amount)

    # Fully paid: amount covered, a payment date with no paid column, a flag or a status.
    flagged = convert_column(paid_flag, lambda v: v is True).to_numpy(dtype=bool)
    by_status = convert_column(status, status_says_paid).to_numpy(dtype=bool)
    by_date = payment_date.notna().to_numpy() & ("paid" not in positions)
    settled = flagged | by_status | by_date
    paid = paid.where(~settled, amount.clip(lower=0))
    outstanding = (amount - paid).round(2)
    outstanding = outstanding.where(~is_credit, amount)

    due = _due_dates(invoice_date, due_cell, terms, policy)
    levels = convert_column(history, lambda h: h.level if isinstance(h, History) else 0)
    levels = levels.astype(int)
    thanked = convert_column(history, lambda h: isinstance(h, History) and h.thanked).astype(bool)
    pre_due = convert_column(history, lambda h: isinstance(h, History) and h.pre_due).astype(bool)

    # Rows with a value that could not be read are kept out of the letters, never lost.
    bad_rows = {p.row for p in rows.problems if p.severity == "error"}
    ok &= ~np.isin(rows.numbers, [r for r in bad_rows if r is not None])
    _check_rows(
        rows,
        ok,
        invoice,
        client,
        amount,
        paid_raw_amounts,
        invoice_date,
        due,
        paid,
        is_credit,
        levels,
        last_date,
        as_of,
        policy,
    )

    address = _addresses(rows)
    frame = pd.DataFrame(
        {
            "row": rows.numbers.astype(int),
            "invoice": invoice.astype(object),
            "client": client.astype(object),
            "invoice_date": _dates(invoice_date),
            "due_date": _dates(due),
            "amount": amount.fillna(0.0),
            "paid": paid.fillna(0.0),
            "outstanding": outstanding.fillna(0.0),
            "is_paid": (outstanding.fillna(0.0) <= policy.tolerance).to_numpy() & ~is_credit,
            "hold": convert_column(hold, lambda v: v is True).astype(bool),
            "is_credit": is_credit,
            "consumer": _consumers(rows, policy),
            "object": objects.astype(object),
            "email": rows.parse("email", parse_text, every, "warning").astype(object),
            "address": address,
            "contact": rows.parse("contact", parse_text, every, "warning").astype(object),
            "attachment": _objects(rows.raw("attachment"), parse_text),
            "language": _objects(rows.raw("language"), _language),
            "currency": currency.astype(object),
            "level": levels,
            "last_date": _dates(last_date),
            "level_without_date": (levels > 0).to_numpy() & last_date.isna().to_numpy(),
            "thanked": thanked,
            "pre_due_sent": pre_due,
            "valid": ok,
            "problem": _first_problem(rows.numbers, rows.problems),
            "level_text": _objects(rows.raw("reminder_level"), parse_text),
            "status_text": _objects(rows.raw("reminder_status"), parse_text),
        },
        columns=list(COLUMNS),
    )
    return frame, rows.problems, skips


def _values(amounts: pd.Series, missing: float) -> pd.Series:
    """The numbers of parsed amounts (one per row: amounts rarely repeat)."""
    values = amounts.to_numpy(dtype=object)
    return pd.Series(
        np.fromiter(
            (a.value if isinstance(a, Amount) else missing for a in values),
            dtype=float,
            count=len(values),
        ),
        index=amounts.index,
    )


def _objects(series: pd.Series, convert: Callable[[Any], Any]) -> pd.Series:
    """Convert each distinct value once, keeping None as None (Series.map would give NaN)."""
    return convert_column(series, convert)


def _paid_amounts(rows: _Rows, every: np.ndarray) -> pd.Series:
    """Amounts paid; a 'paid' column holding oui/non is read as a paid flag instead."""
    raw = rows.raw("paid")
    if "paid" in rows.positions:
        texts = raw[raw.map(lambda v: isinstance(v, str) and bool(v.strip()))]
        if len(texts) and texts.map(_is_flag_word).mean() > 0.5:
            rows.positions.setdefault("paid_flag", rows.positions.pop("paid"))
            return pd.Series([None] * len(raw), dtype=object)
    return rows.parse("paid", parse_amount, every)


def _is_flag_word(value: Any) -> bool:
    try:
        parse_flag(value)
    except ValueError:
        return False
    return True


def _due_dates(
    invoice_date: pd.Series, due_cell: pd.Series, terms: pd.Series, policy: Policy
) -> pd.Series:
    default = Terms(policy.default_terms_days)

    def due(inv: dt.date | None, cell: dt.date | None, term: Terms | None) -> dt.date | None:
        if cell is not None:
            return cell
        if inv is None:
            return None
        return due_from_terms(inv, term or default, policy.end_of_month_method)

    return pd.Series(
        [due(a, b, c) for a, b, c in zip(invoice_date, due_cell, terms, strict=True)],
        dtype=object,
    )


def _check_rows(
    rows: _Rows,
    ok: np.ndarray,
    invoice: pd.Series,
    client: pd.Series,
    amount: pd.Series,
    paid_raw: pd.Series,
    invoice_date: pd.Series,
    due: pd.Series,
    paid: pd.Series,
    is_credit: np.ndarray,
    levels: pd.Series,
    last_date: pd.Series,
    as_of: dt.date,
    policy: Policy,
) -> None:
    """Row-level consistency checks; errors clear ok[i], warnings do not."""

    def error(mask: np.ndarray, name: str | None, values: pd.Series | None, message: str) -> None:
        for i in np.flatnonzero(mask & ok):
            rows.problem(int(i), name, None if values is None else values.iat[i], message)
            ok[i] = False

    def warn(mask: np.ndarray, name: str | None, values: pd.Series | None, message: str) -> None:
        for i in np.flatnonzero(mask):
            rows.problem(
                int(i), name, None if values is None else values.iat[i], message, "warning"
            )

    error(client.isna().to_numpy(), "client", None, "client manquant")
    error(amount.isna().to_numpy(), "amount", None, "montant manquant")
    error(
        due.isna().to_numpy(),
        "invoice_date",
        None,
        "ni date de facture ni échéance : impossible de savoir quand la facture est due",
    )
    inv_ts, due_ts = _dates(invoice_date), _dates(due)
    error(
        (due_ts < inv_ts).to_numpy(),
        "due_date",
        due,
        "l'échéance est antérieure à la date de facture",
    )
    error(
        (paid_raw.notna() & (paid > amount + policy.tolerance) & ~is_credit).to_numpy(),
        "paid",
        paid_raw.map(lambda a: a.value if isinstance(a, Amount) else None),
        "le montant réglé dépasse le montant de la facture",
    )
    dup = invoice.notna() & invoice.duplicated(keep=False)
    positions: dict[Any, list[int]] = {}
    for i in np.flatnonzero(dup.to_numpy()):
        positions.setdefault(invoice.iat[i], []).append(int(i))
    for i in np.flatnonzero(dup.to_numpy()):
        others = [int(rows.numbers[j]) for j in positions[invoice.iat[i]] if j != i]
        rows.problem(
            int(i),
            "invoice",
            invoice.iat[i],
            f"numéro de facture en double (aussi ligne {', '.join(map(str, others))})",
        )
        ok[i] = False
    limit = inv_ts + pd.Timedelta(days=LEGAL_MAX_DAYS)
    # "45 jours fin de mois", counted the longer way: + 45 days, then to the end of that month.
    eom_limit = (inv_ts + pd.Timedelta(days=45)) + pd.offsets.MonthEnd(0)
    long_terms = (due_ts > limit) & (due_ts > eom_limit)
    warn(
        long_terms.to_numpy(),
        "due_date",
        due,
        "délai de paiement supérieur au maximum légal (60 jours, ou 45 jours fin de mois)",
    )
    warn(
        (inv_ts > pd.Timestamp(as_of)).to_numpy(),
        "invoice_date",
        invoice_date,
        "date de facture dans le futur",
    )
    warn(
        ((levels > 0) & last_date.isna()).to_numpy(),
        "reminder_level",
        levels.astype(object),
        "niveau de relance sans date : traité comme envoyé il y a longtemps",
    )


def _address_lines(whole: Any) -> str | None:
    text = parse_text(whole)
    if not text:
        return None
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n") if ln.strip()]
    return "\n".join(lines) if lines else None


def _addresses(rows: _Rows) -> pd.Series:
    """One multi-line address per row, from one cell or street / postcode / city / country."""
    if not any(name in rows.positions for name in ("street", "postcode", "city", "country")):
        return convert_column(rows.raw("address"), _address_lines)  # one cell: per distinct value
    parts = [
        _objects(rows.raw(name), parse_text)
        for name in ("address", "street", "postcode", "city", "country")
    ]
    out = []
    for whole, street, postcode, city, country in zip(*parts, strict=True):
        if whole:
            lines = [ln.strip() for ln in str(whole).replace("\r", "").split("\n") if ln.strip()]
        else:
            town = " ".join(p for p in (postcode, city) if p)
            lines = [p for p in (street, town) if p]
        if lines and country and normalise(country) not in ("france", "fr"):
            lines.append(str(country).upper())
        out.append("\n".join(lines) if lines else None)
    return pd.Series(out, dtype=object)


def _consumers(rows: _Rows, policy: Policy) -> np.ndarray:
    default = policy.default_client_type == "particulier"
    if "client_type" not in rows.positions:
        return np.full(len(rows.data), default, dtype=bool)

    def consumer(v: Any) -> bool:
        text = normalise(v) if isinstance(v, str) else ""
        if not text:
            return default
        return text.startswith(
            ("particulier", "consommateur", "consumer", "individual", "b2c", "prive", "part")
        )

    return convert_column(rows.raw("client_type"), consumer).to_numpy(dtype=bool)


def _language(value: Any) -> str | None:
    text = normalise(value) if isinstance(value, str) else ""
    if text.startswith(("en", "ang", "gb", "uk", "us")):
        return "en"
    if text.startswith(("fr", "fra")):
        return "fr"
    return None


def _first_problem(numbers: np.ndarray, problems: list[Problem]) -> pd.Series:
    first: dict[int, str] = {}
    for p in problems:
        if p.severity == "error" and p.row is not None:
            first.setdefault(p.row, p.message)
    return pd.Series([first.get(int(r)) for r in numbers], dtype=object)


__all__ = ["COLUMNS", "normalise_rows"]
