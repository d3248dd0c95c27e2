"""`check --suggest-config` never proposes a bank's column as the client: a header « BQ » or
« Banque », or short capital codes repeated from row to row (« BMCI », « AWB », « CIH ») under
a header that does not name the client; « Nom du tiré » is the debtor of a bill or cheque that
bounced (review-pubwb5 H7: Hatimlk/Suivi-Impaye's register, rebuilt from its seed rows, had
its letters addressed to the banks)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from relance_xlsx.cli import app
from relance_xlsx.ledger.unfit import suggest_columns

D = dt.datetime
BANKS = ["BMCI", "BMCI", "BMCI", "BP", "BP", "AWB", "BMCE", "CIH", "AWB", "CAM"]
AMOUNTS = [107479.13, 63312.5, 5000, 1250, 36115.4, 8420.75, 17300, 2999.9, 45120, 6380.2]
NAMES = ["HAJAR BOIS", "COGEMAT", "AIT LAASRI IDDER", "RACHID IHIHI", "FREMBAL", "COGEMAT",
         "HAJAR BOIS", "SOMADEM", "FREMBAL", "BATIMAT SUD"]  # fmt: skip


def _sample(*columns):
    return [[D(2026, 1, 8 + i), *(c[i] for c in columns), AMOUNTS[i], f"LCN-{i:03}"]
            for i in range(len(BANKS))]  # fmt: skip


CASES = [
    # (headers between the date and the amount, their columns, the client suggested)
    pytest.param(["BQ", "Nom du tire"], (BANKS, NAMES), "Nom du tire", id="gadimat"),
    pytest.param(["Banque", "Souscripteur"], (NAMES, NAMES), "Souscripteur", id="banque-header"),
    pytest.param(["Domiciliation", "Souscripteur"], (BANKS, NAMES), "Souscripteur",
                 id="codes-under-another-header"),
    pytest.param(["Code", "Tireur"], (BANKS, [n.title() for n in NAMES]), "Tireur",
                 id="codes-then-names"),
    # Under a client's header, acronyms are the client's names all the same.
    pytest.param(["Client", "Agence"], (BANKS, NAMES), "Client", id="client-header-kept"),
]  # fmt: skip


@pytest.mark.parametrize(("headers", "columns", "client"), CASES)
def test_a_bank_column_is_never_the_client(headers, columns, client):
    row = ["Date", *headers, "Mt", "N Val"]
    guess, _, _ = suggest_columns(row, _sample(*columns), {})
    assert guess.get("client") == client
    assert guess.get("client") not in ("BQ", "Banque", "Domiciliation", "Code")


def test_suggest_config_never_writes_the_bank_as_the_client(tmp_path):
    """The review's case end to end: `check --suggest-config` on the register's layout."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IMPAYES"
    ws.append(["Date", "BQ", "Mt", "Val", "N Val", "Nom du tire", "Relation", "Statut"])
    for i, (bank, name) in enumerate(zip(BANKS, NAMES, strict=True)):
        ws.append([D(2026, 1, 8 + i), bank, AMOUNTS[i], "LCN", f"LCN-{i:03}", name, "C", None])
    wb.save(tmp_path / "gadimat.xlsx")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "gadimat.xlsx"), "--suggest-config"])
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert 'client = "Nom du tire"' in written, result.output
    assert 'client = "BQ"' not in written
