"""Bank statements: reading the files French banks export (CSV, OFX, CAMT.053), matching
their credits to the ledger's open invoices, the letters' RF references and EPC QR codes."""

from __future__ import annotations

from .book import Book, LetterRef, allocate, cents
from .creditorref import (
    is_valid,
    letter_reference,
    make_reference,
    printed,
    references_in,
)
from .epc import bic_problem, epc_payload, iban_problem, qr_png, write_qr
from .files import MAX_STATEMENT_MB, checked_file, decode
from .kinds import other_kind
from .matching import distinct, match_entries
from .numbers import NumberIndex, canonical
from .outcome import MatchResult
from .reading import read_statement, read_statements
from .records import (
    ALREADY,
    FUTURE,
    OTHER,
    RULE_AMOUNT,
    RULE_NONE,
    RULE_NUMBER,
    RULE_REFERENCE,
    STATUSES,
    SURE,
    TO_DECIDE,
    Allocation,
    BankEntry,
    PenaltyShare,
    Proposal,
    Statement,
    fold,
)
from .reversals import is_reversal, reversal_warnings
from .review import NAME as REVIEW_NAME
from .review import write_review

__all__ = [
    "ALREADY",
    "FUTURE",
    "MAX_STATEMENT_MB",
    "OTHER",
    "REVIEW_NAME",
    "RULE_AMOUNT",
    "RULE_NONE",
    "RULE_NUMBER",
    "RULE_REFERENCE",
    "STATUSES",
    "SURE",
    "TO_DECIDE",
    "Allocation",
    "BankEntry",
    "Book",
    "LetterRef",
    "MatchResult",
    "NumberIndex",
    "PenaltyShare",
    "Proposal",
    "Statement",
    "allocate",
    "bic_problem",
    "canonical",
    "cents",
    "checked_file",
    "decode",
    "distinct",
    "epc_payload",
    "fold",
    "iban_problem",
    "is_reversal",
    "is_valid",
    "letter_reference",
    "make_reference",
    "match_entries",
    "other_kind",
    "printed",
    "qr_png",
    "read_statement",
    "read_statements",
    "references_in",
    "reversal_warnings",
    "write_qr",
    "write_review",
]
