"""Read a statement file, whatever its format: CSV, OFX or CAMT.053, told by its content."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import StatementError
from .camt import looks_like_camt, read_camt
from .csvread import read_csv
from .files import decode, read_bytes
from .ofx import looks_like_ofx, read_ofx
from .records import Statement

MAX_ENTRIES = 100_000  # entries (lines of a CSV) in one statement
MAX_LINE = 1 << 20  # a CSV line: a bank's is a few hundred characters
_LONG_LINE = re.compile(rb"[^\n]{%d}" % (MAX_LINE + 1))


def read_statement(path: Path) -> Statement:
    """The entries of one statement file (its format told by its content, not its name)."""
    data = read_bytes(path)
    if not data.strip():
        raise StatementError(f"Le relevé {path.name} est vide.")
    if looks_like_ofx(data):
        _refuse_oversized(path, data.upper().count(b"<STMTTRN>"), "opérations")
        return read_ofx(path, data)
    if looks_like_camt(data):
        _refuse_oversized(path, data.count(b"Ntry>") // 2, "écritures")
        return read_camt(path, data)
    if data[:2] == b"PK" or data[:5] == b"%PDF-":
        raise StatementError(
            f"{path.name} est un classeur ou un PDF, pas un relevé : téléchargez depuis la "
            "banque l'export CSV, OFX (« Money », « Quicken ») ou CAMT.053 du compte."
        )
    if data.lstrip()[:1] == b"<":
        raise StatementError(
            f"{path.name} est un fichier XML qui n'est pas un relevé CAMT.053 ; "
            "téléchargez l'export CSV, OFX ou CAMT.053 du compte."
        )
    _refuse_oversized(path, data.count(b"\n"), "lignes")
    long = _LONG_LINE.search(data)
    if long is not None:
        line = data.count(b"\n", 0, long.start()) + 1
        raise StatementError(
            f"Le relevé {path.name} a une ligne de plus de {MAX_LINE // (1 << 20)} Mo (ligne "
            f"{line}), ce qu'aucun export bancaire ne fait ; téléchargez à nouveau l'export "
            "CSV du compte."
        )
    return read_csv(path, decode(data))


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _refuse_oversized(path: Path, count: int, what: str) -> None:
    """A statement of more than MAX_ENTRIES entries is refused before it is parsed: a small
    office's account has a few thousand a year; millions would cost minutes and gigabytes."""
    if count > MAX_ENTRIES:
        raise StatementError(
            f"Le relevé {path.name} compte {_grouped(count)} {what}, plus que la limite de "
            f"{_grouped(MAX_ENTRIES)} par relevé ; exportez-le par période (un mois, un "
            "trimestre) depuis l'espace bancaire, puis rapprochez chaque fichier."
        )


def read_statements(paths: list[Path]) -> list[Statement]:
    """Every statement named, in order (one that cannot be read stops with its sentence)."""
    return [read_statement(p) for p in paths]


__all__ = ["MAX_ENTRIES", "read_statement", "read_statements"]
