"""A letter that asked for payment « au plus tard le 30 novembre » is not contradicted before
that day: an invoice it listed is neither escalated nor listed in another letter with a
deadline of its own until its deadline has passed (the 29/11 relance 2 of the sample, one
week after a 22/11 relance 1 that gave until 30/11)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Niveau de relance", "Date de relance"]  # fmt: skip
ADDRESS = "1 rue A\n69001 Lyon"
LETTER_DAY = D(2026, 11, 22)
# Rho: R1 reminded on 09/11 (its relance 2 falls due 15 days later, on 24/11); R2 falls due
# on 21/11 and gets a first reminder on 22/11, which lists R1 again with « au plus tard le
# 30 novembre 2026 ». R3 falls due on 27/11: the client's next letter is for it alone.
ROWS = [
    ["R1", "Rho SARL", ADDRESS, D(2026, 6, 1), D(2026, 7, 1), 1000.0, 0, "Relance 1", D(2026, 11, 9)],
    ["R2", "Rho SARL", ADDRESS, D(2026, 10, 22), D(2026, 11, 21), 300.0, 0, None, None],
    ["R3", "Rho SARL", ADDRESS, D(2026, 10, 28), D(2026, 11, 27), 200.0, 0, None, None],
]  # fmt: skip


@pytest.fixture(scope="module")
def after_letter(tmp_path_factory):
    """The ledger after the run of 22/11: one relance 1 listing R1 (reminded before) and R2."""
    tmp = tmp_path_factory.mktemp("deadline")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    settings = complete_settings()
    first = relance_xlsx.run(ledger, settings, as_of=LETTER_DAY, out_dir=tmp / "first")
    stages = {n: p["kind"] for x in first.letters for p in x.parts for n in p["invoices"]}
    assert stages == {"R1": "relance_1", "R2": "relance_1"}
    return ledger, settings


@pytest.mark.parametrize(
    ("day", "letters"),
    [
        # Before and on the deadline of 30/11: R1 waits, R3 gets its first reminder alone.
        pytest.param(D(2026, 11, 29), {"R3": "relance_1"}, id="29-11-before-the-deadline"),
        pytest.param(D(2026, 11, 30), {"R3": "relance_1"}, id="30-11-the-deadline-itself"),
        # The deadline passed: R1 goes on to its relance 2, R2 and R3 are listed again.
        pytest.param(
            D(2026, 12, 1),
            {"R1": "relance_2", "R2": "relance_1", "R3": "relance_1"},
            id="01-12-after-it",
        ),
    ],
)
def test_no_step_before_the_letter_s_deadline(after_letter, tmp_path, day, letters):
    ledger, settings = after_letter
    result = relance_xlsx.run(ledger, settings, as_of=day, out_dir=tmp_path / "out", dry_run=True)
    stages = {n: p["kind"] for x in result.letters for p in x.parts for n in p["invoices"]}
    assert stages == letters
    if "R1" not in letters:
        [r1] = [r for r in result.invoices if r.invoice == "R1"]
        assert r1.reason == (
            "En attente : listée dans le courrier du 22/11/2026, qui en demande le règlement "
            "au plus tard le 30/11/2026 ; rien de plus avant cette date"
        )


def test_a_rerun_the_same_day_changes_nothing(after_letter, tmp_path):
    """The letter of today is the one a rerun already wrote: its deadline holds nothing."""
    ledger, settings = after_letter
    again = relance_xlsx.run(
        ledger, settings, as_of=LETTER_DAY, out_dir=tmp_path / "out", dry_run=True
    )
    stages = {n: p["kind"] for x in again.letters for p in x.parts for n in p["invoices"]}
    assert stages in ({}, {"R1": "relance_1", "R2": "relance_1"})
    [r1] = [r for r in again.invoices if r.invoice == "R1"]
    assert "au plus tard le" not in r1.reason
