"""Fixtures built by code: each ledger shows the trait it tests."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)
REAL_WORLD = ROOT.parent / "shared" / "real-world"

HEADERS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Montant réglé",
    "Adresse",
]


def _load_sample_builder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_sample", ROOT / "sample_workbooks" / "build_sample.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_sample"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A freshly built copy of the bundled sample ledger (never the repository's file).

    Beside it, the sample's relance.toml (a fictitious creditor), as in sample_workbooks/.
    """
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", tmp_path / "relance.toml")
    return _load_sample_builder().build(tmp_path / "grand_livre_clients.xlsx")


def write_ledger(
    path: Path,
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str] = HEADERS,
    *,
    title_rows: int = 0,
    first_col: int = 1,
    sheet: str = "Factures",
    extra: Callable[[Any], None] | None = None,
) -> Path:
    """A ledger with optional title rows above the header and columns starting later."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for i in range(title_rows):
        ws.cell(i + 1, first_col, f"Titre {i + 1}")
    header_row = title_rows + 1
    for j, h in enumerate(headers):
        ws.cell(header_row, first_col + j, h)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = ws.cell(header_row + 1 + i, first_col + j, value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    if extra:
        extra(wb)
    wb.save(path)
    return path


@pytest.fixture
def ledger_factory(tmp_path: Path) -> Callable[..., Path]:
    """Build a ledger in tmp_path from rows."""

    def make(rows: Sequence[Sequence[Any]], name: str = "ledger.xlsx", **kw: Any) -> Path:
        return write_ledger(tmp_path / name, rows, **kw)

    return make


def all_paragraphs(doc: Any) -> list[Any]:
    """Every paragraph of a Word document's body in reading order, those in tables too: a
    letter's end (from its ways to pay to its signature) is a table of one cell that no page
    breaks (letters/keeps.py)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


def convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert a document with real LibreOffice, in a private profile."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return outdir / f"{path.stem}.{fmt.split(':')[0]}"


def settings_near(ledger: Path) -> Any:
    """The settings the CLI would use for this ledger: relance.toml beside it, else defaults."""
    from relance_xlsx import find_config, load_settings

    return load_settings(find_config(None, ledger))


def complete_settings() -> Any:
    """Settings with the sample's fictitious creditor: every letter can be posted."""
    from relance_xlsx import load_settings

    return load_settings(ROOT / "sample_workbooks" / "relance.toml")


def settings_or_complete(ledger: Path) -> Any:
    """relance.toml beside the ledger if there is one, else the sample's complete creditor."""
    settings = settings_near(ledger)
    return settings if settings.config_path is not None else complete_settings()


@pytest.fixture
def memory_keyring(monkeypatch):
    """A keyring backend of the tests' own (this machine has no desktop keyring), put in
    place for one test; its secrets by (service, user)."""
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.secrets = {}

        def get_password(self, service, user):
            return self.secrets.get((service, user))

        def set_password(self, service, user, password):
            self.secrets[(service, user)] = password

        def delete_password(self, service, user):
            self.secrets.pop((service, user), None)

    backend = Backend()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("RELANCE_SMTP_PASSWORD", raising=False)
    yield backend
    keyring.set_keyring(previous)
