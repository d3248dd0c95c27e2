"""Read a statement file, whatever its format: CSV, OFX or CAMT.053, told by its content."""

from __future__ import annotations

from pathlib import Path

from ..errors import StatementError
from .camt import looks_like_camt, read_camt
from .csvread import read_csv
from .files import decode, read_bytes
from .ofx import looks_like_ofx, read_ofx
from .records import Statement


def read_statement(path: Path) -> Statement:
    """The entries of one statement file (its format told by its content, not its name)."""
    data = read_bytes(path)
    if not data.strip():
        raise StatementError(f"Le relevé {path.name} est vide.")
    if looks_like_ofx(data):
        return read_ofx(path, data)
    if looks_like_camt(data):
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
    return read_csv(path, decode(data))


def read_statements(paths: list[Path]) -> list[Statement]:
    """Every statement named, in order (one that cannot be read stops with its sentence)."""
    return [read_statement(p) for p in paths]


__all__ = ["read_statement", "read_statements"]
