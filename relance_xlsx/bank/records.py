"""The frozen records of the bank domain: one bank entry, one proposal, one statement read."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

# What a proposal is: applied with --apply (sure), left to the office (to_decide), already
# imported by an earlier --apply (already).
SURE = "sure"
TO_DECIDE = "to_decide"
ALREADY = "already"
STATUSES = (SURE, TO_DECIDE, ALREADY)

# The rule that matched, strongest evidence first.
RULE_REFERENCE = "reference"  # the letter's RF creditor reference
RULE_NUMBER = "number"  # invoice numbers found in the label or remittance
RULE_AMOUNT = "amount"  # one open invoice, or the sum of several, of the payer's client
RULE_NONE = "none"


def fold(text: str) -> str:
    """Upper case, no accents, one space between words: how labels are compared."""
    if text.isascii():  # most labels and invoice numbers: no decomposition needed
        return " ".join(text.split()).upper()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().upper()


@dataclass(frozen=True)
class BankEntry:
    """One line of a bank statement: a credit (amount > 0) or a debit (amount < 0)."""

    source: str  # the statement's file name
    line: int  # its line (CSV), or its position in the file (OFX, CAMT), from 1
    date: dt.date  # booking date
    amount: float
    label: str  # what the bank prints: the name, the memo, the remittance, joined
    payer: str = ""  # the debtor's name, when the bank gives it apart from the label
    remittance: str = ""  # remittance information (unstructured, then structured reference)
    bank_ref: str = ""  # the bank's own reference of the entry (FITID, AcctSvcrRef, ID)
    currency: str = "EUR"
    occurrence: int = 1  # the n-th identical (date, amount, label) entry of its file

    @property
    def key(self) -> str:
        """What recognises this entry when the same statement is imported again: the bank's
        reference, else its date, amount and label (and its rank among identical ones)."""
        if self.bank_ref:
            return f"Banque {self.bank_ref.strip()}"
        rank = f" #{self.occurrence}" if self.occurrence > 1 else ""
        return f"{self.date:%d/%m/%Y} {self.amount:.2f} {fold(self.label)[:120]}{rank}"

    @property
    def text(self) -> str:
        """Everything the bank says of the entry, where invoice numbers are looked for."""
        return " ".join(p for p in (self.label, self.payer, self.remittance) if p)


@dataclass(frozen=True)
class Allocation:
    """What a credit pays of one invoice."""

    row: int  # the invoice's Excel row
    invoice: str
    client: str
    amount: float  # paid by this credit
    outstanding: float  # what was owed before it
    partial: bool
    position: int = field(default=-1, compare=False, repr=False)  # in the matcher's book

    @property
    def remaining(self) -> float:
        """What the invoice still owes after this credit."""
        return round(self.outstanding - self.amount, 2)


@dataclass(frozen=True)
class Proposal:
    """What to do with one credit: the invoices it pays, why, and how sure that is."""

    entry: BankEntry
    status: str  # SURE, TO_DECIDE or ALREADY
    rule: str
    confidence: float  # 0 to 1
    reason: str  # in French
    allocations: tuple[Allocation, ...] = ()
    candidates: tuple[str, ...] = ()  # invoices the office may choose among
    surplus: float = 0.0  # what the credit holds beyond the invoices it pays

    @property
    def paid(self) -> float:
        """What this proposal applies to invoices."""
        return round(sum(a.amount for a in self.allocations), 2)


@dataclass(frozen=True)
class Statement:
    """A statement file read: its format and entries, and what was set aside."""

    path: str
    format: str  # "csv", "ofx", "camt.053"
    entries: tuple[BankEntry, ...]
    skipped: tuple[str, ...] = field(default=())  # lines set aside, each said in French
    description: str = ""  # the columns found (CSV), the account (OFX, CAMT)

    @property
    def credits(self) -> tuple[BankEntry, ...]:
        """The credits: the only candidates for a payment."""
        return tuple(e for e in self.entries if e.amount > 0)

    @property
    def debits(self) -> int:
        """How many debits were read (and ignored)."""
        return sum(1 for e in self.entries if e.amount <= 0)


__all__ = [
    "ALREADY",
    "RULE_AMOUNT",
    "RULE_NONE",
    "RULE_NUMBER",
    "RULE_REFERENCE",
    "STATUSES",
    "SURE",
    "TO_DECIDE",
    "Allocation",
    "BankEntry",
    "Proposal",
    "Statement",
    "fold",
]
