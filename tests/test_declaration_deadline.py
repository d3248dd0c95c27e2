"""The deadline to declare a claim that ends on a Saturday, a Sunday or a public holiday runs to
the next working day (Code de procédure civile 642); the declaration sent to the mandataire
never says « Délai expiré … relevé de forclusion », the run's warning does (the lawyer's rare
cases, M4; Code de commerce R622-24, L622-26)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from rare_ledgers import text

import relance_xlsx
from relance_xlsx.ledger import next_working_day, public_holidays

D = dt.date
LYON = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2026, 12, 25), D(2026, 12, 28), id="christmas-friday-to-monday"),
        pytest.param(D(2026, 4, 6), D(2026, 4, 7), id="easter-monday-2026"),
        pytest.param(D(2026, 5, 14), D(2026, 5, 15), id="ascension-2026"),
        pytest.param(D(2026, 5, 25), D(2026, 5, 26), id="whit-monday-2026"),
        pytest.param(D(2027, 3, 29), D(2027, 3, 30), id="easter-monday-2027"),
        pytest.param(D(2027, 5, 6), D(2027, 5, 7), id="ascension-2027"),
        pytest.param(D(2026, 11, 14), D(2026, 11, 16), id="saturday"),
        pytest.param(D(2026, 5, 1), D(2026, 5, 4), id="1-may-friday"),
        pytest.param(D(2026, 7, 13), D(2026, 7, 13), id="a-working-monday"),
    ],
)
def test_the_next_working_day(day: dt.date, working: dt.date) -> None:
    assert next_working_day(day) == working
    assert len(public_holidays(day.year)) == 11


@pytest.mark.parametrize(
    ("notice", "as_of", "extended", "expired"),
    [
        # 25/10/2026 + 2 months = Friday 25/12 (Christmas), then a weekend: Monday 28/12.
        pytest.param(D(2026, 10, 25), D(2026, 12, 28), "le 28 décembre 2026 (Code de procédure "
                     "civile 642)", False, id="christmas-on-the-monday-still-on-time"),
        pytest.param(D(2026, 10, 25), D(2026, 12, 29), "le 28 décembre 2026 (Code de procédure "
                     "civile 642)", True, id="christmas-the-day-after-expired"),
        # 14/03/2026 + 2 months = Thursday 14/05, Ascension: Friday 15/05.
        pytest.param(D(2026, 3, 14), D(2026, 5, 15), "le 15 mai 2026 (Code de procédure civile "
                     "642)", False, id="ascension"),
        # 12/09/2026 + 2 months = Thursday 12/11/2026, a working day: expired on 13/11.
        pytest.param(D(2026, 9, 12), D(2026, 11, 13), None, True, id="working-day-expired"),
    ],
)  # fmt: skip
def test_the_declaration_runs_to_the_next_working_day_and_never_admits_foreclosure(
    tmp_path: Path, notice: dt.date, as_of: dt.date, extended: str | None, expired: bool
) -> None:
    judged = notice - dt.timedelta(days=10)
    issued, due = judged - dt.timedelta(days=90), judged - dt.timedelta(days=60)
    rows = [["J1", "Omega SAS", issued, due, 5000.0, LYON,
             "Redressement judiciaire", judged, notice]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=as_of, out_dir=tmp_path / "o", pdf=False
    )
    declaration = text(next((tmp_path / "o").rglob("*.docx")))
    assert "Déclaration de créance" in declaration
    assert "Délai expiré" not in declaration
    assert "forclusion" not in declaration
    if extended:
        assert extended in declaration
        last = next_working_day(notice.replace(month=notice.month + 2))
        assert f"le délai court jusqu'au {last:%d/%m/%Y}" in result.invoices[0].reason
    else:
        assert "Code de procédure civile 642" not in declaration
    warned = [w for w in result.warnings if "relevé de forclusion" in w]
    assert bool(warned) is expired
    if expired:
        assert "« Omega SAS » : délai expiré" in warned[0]
