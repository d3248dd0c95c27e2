"""Two workbooks of one folder run the same day keep their own output folder: the second's
letters, bundle and report went over the first's in relances/<date>, and the page reopened
on the first linked the other's letters (review-clerk4 H1)."""

from __future__ import annotations

import datetime as dt

from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.pipeline import day_folder

D = dt.date
AS_OF = D(2026, 12, 8)
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance",
           "Montant TTC"]  # fmt: skip


def _ledger(path, number, client):
    row = [number, client, "professionnel", "1 rue Haute\n69001 Lyon", D(2026, 8, 1),
           D(2026, 9, 1), 500.0]  # fmt: skip
    return write_ledger(path, [row], HEADERS)


def test_two_workbooks_of_one_folder_keep_their_own_day_folder(tmp_path):
    first = _ledger(tmp_path / "clients.xlsx", "A-1", "Alpha SARL")
    second = _ledger(tmp_path / "adherents.xlsx", "B-1", "Beta SAS")
    settings = complete_settings()
    one = relance_xlsx.run(first, settings, as_of=AS_OF)
    two = relance_xlsx.run(second, settings, as_of=AS_OF)
    again = relance_xlsx.run(first, settings, as_of=AS_OF, write_workbook=False)
    home = tmp_path / "relances"
    assert one.out_dir == str(home / "2026-12-08") == again.out_dir
    assert two.out_dir == str(home / "2026-12-08 adherents")
    assert day_folder(first, AS_OF) == home / "2026-12-08"
    assert day_folder(second, AS_OF) == home / "2026-12-08 adherents"
    assert [p.name for p in (home / "2026-12-08").glob("*.docx") if "Relance" in p.name] == [
        "2026-12-08 Relance 1 - Alpha SARL.docx"
    ]
    assert [p.name for p in (home / "2026-12-08 adherents").glob("*Relance*.docx")] == [
        "2026-12-08 Relance 1 - Beta SAS.docx"
    ]
