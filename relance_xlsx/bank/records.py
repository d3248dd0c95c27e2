"""The frozen records of the bank domain: one bank entry, one proposal, one statement read."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

# What a proposal is: applied with --apply (sure), left to the office (to_decide), already
# imported by an earlier --apply (already), dated after the day of the matching (future: it
# waits for its day), or no customer's payment (other: a card remittance, a cash deposit…).
SURE = "sure"
TO_DECIDE = "to_decide"
ALREADY = "already"
FUTURE = "future"
OTHER = "other"
STATUSES = (SURE, TO_DECIDE, ALREADY, FUTURE, OTHER)

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
    account: str = ""  # the account the statement is of, when it says (OFX, CAMT)
    kind: str = ""  # the bank's type of operation (« Credit Transfer », « CREDIT », PMNT-RCDT)

    @property
    def key(self) -> str:
        """What recognises this entry when the same statement is imported again: the bank's
        reference and the account (a bank numbers entries per account), else its date,
        amount (comma decimals, as the journal shows it), the start of its label and a
        digest of all it says (whole label, payer, remittance, account), and its rank among
        identical ones. Two real payments never share a key."""
        if self.bank_ref:
            account = fold(self.account)
            return f"Banque {self.bank_ref.strip()}" + (f" compte {account}" if account else "")
        amount = f"{self.amount:.2f}".replace(".", ",")
        rank = f" #{self.occurrence}" if self.occurrence > 1 else ""
        return f"{self.date:%d/%m/%Y} {amount} {fold(self.label)[:60]} [{self.digest}]{rank}"

    @property
    def digest(self) -> str:
        """All the entry says, but its date and amount, in 16 hex digits."""
        said = (fold(self.label), fold(self.payer), fold(self.remittance), fold(self.account))
        return hashlib.sha256("\n".join(said).encode("utf-8")).hexdigest()[:16]

    @property
    def legacy_keys(self) -> tuple[str, ...]:
        """The keys earlier versions wrote (the bank's reference alone; the label cut at 120
        characters, the amount « 1938,00 » or « 1938.00 »): a journal written then still
        recognises the entry."""
        if self.bank_ref:
            return (f"Banque {self.bank_ref.strip()}",)
        rank = f" #{self.occurrence}" if self.occurrence > 1 else ""
        return tuple(
            f"{self.date:%d/%m/%Y} {amount} {fold(self.label)[:120]}{rank}"
            for amount in (f"{self.amount:.2f}".replace(".", ","), f"{self.amount:.2f}")
        )

    @property
    def identity(self) -> tuple[str, str]:
        """One bank entry, whatever the file it comes in: two overlapping statements of one
        account give the same entry twice, one credit."""
        return (self.key, fold(self.account))

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
    # A difference within the bank tolerance, accepted (received − owed: −0,01 short,
    # +0,01 over): the invoice is settled all the same.
    gap: float = 0.0

    @property
    def remaining(self) -> float:
        """What the invoice still owes after this credit (nothing when a gap settled it)."""
        return 0.0 if self.gap else round(self.outstanding - self.amount, 2)


@dataclass(frozen=True)
class PenaltyShare:
    """What a credit pays of the penalties a letter claimed for one invoice (the QR code's
    amount is the principal, the interest and the 40 € indemnity)."""

    row: int
    invoice: str
    client: str
    interest: float
    indemnity: float
    reference: str  # the letter's RF reference

    @property
    def amount(self) -> float:
        """Interest and indemnity paid."""
        return round(self.interest + self.indemnity, 2)


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
    surplus: float = 0.0  # what the credit holds beyond the invoices (and penalties) it pays
    penalties: tuple[PenaltyShare, ...] = ()  # the letter's penalties it pays (RF only)
    reversed_on: dt.date | None = None  # a credit a later debit takes back (bounced): its day

    @property
    def paid(self) -> float:
        """What this proposal applies to invoices."""
        return round(sum(a.amount for a in self.allocations), 2)

    @property
    def penalties_paid(self) -> float:
        """What this proposal applies to the penalties a letter claimed."""
        return round(sum(p.amount for p in self.penalties), 2)


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
    "FUTURE",
    "OTHER",
    "RULE_AMOUNT",
    "RULE_NONE",
    "RULE_NUMBER",
    "RULE_REFERENCE",
    "STATUSES",
    "SURE",
    "TO_DECIDE",
    "Allocation",
    "BankEntry",
    "PenaltyShare",
    "Proposal",
    "Statement",
    "fold",
]
