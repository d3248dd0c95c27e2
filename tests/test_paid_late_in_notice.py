"""With claim_after_payment = "letter", the penalties of an invoice paid late go into the
client's next letter, a formal notice too, when it was paid within claim_within_days (90);
paid earlier, they are not claimed and the status still says what is owed, never just
« règlement accusé » (the second legal review, N9, case c24 Ups SAS)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
# UP2: 2 000 €, due 31/08/2026, Relance 2 on 20/11/2026: the notice goes today.
UP2 = ["UP2", "Ups SAS", "professionnel", D(2026, 8, 1), D(2026, 8, 31), 2000.0, None, None, ADDRESS, "Relance 2", D(2026, 11, 20)]  # fmt: skip


@pytest.mark.parametrize(
    ("due", "paid_on", "claimed"),
    [
        # Paid 20/11, 17 days ago: 01/09–20/11 = 30 + 31 + 20 = 81 d,
        # 1 000 × 12,15 % × 81 / 365 = 26,96 € (legal-fr §4, 2026 H2), + 40 €: claimed.
        pytest.param(D(2026, 8, 31), D(2026, 11, 20), True, id="paid-17-days-ago"),
        # c24: paid 20/06, 170 days ago (> 90): 01/04–20/06 = 30 + 31 + 20 = 81 d,
        # 1 000 × 12,15 % × 81 / 365 = 26,96 € (2026 H1), + 40 €: not claimed, still said.
        pytest.param(D(2026, 3, 31), D(2026, 6, 20), False, id="c24-paid-170-days-ago"),
    ],
)  # fmt: skip
def test_paid_late_beside_a_notice(tmp_path, due, paid_on, claimed):
    up1 = ["UP1", "Ups SAS", "professionnel", due - dt.timedelta(days=30), due, 1000.0, 1000.0, paid_on, ADDRESS, "Relance 1", due + dt.timedelta(days=15)]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", [up1, UP2], HEADERS)
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, claim_after_payment="letter"))
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    [letter] = result.letters
    assert letter.kind == "mise_en_demeure"
    inv = {i.invoice: i for i in result.invoices}
    assert (inv["UP1"].interest, inv["UP1"].indemnity) == (26.96, 40.0)
    said = inv["UP1"].reason.replace("\u00a0", " ")
    if claimed:
        assert "UP1" in letter.invoices
        assert "pénalités 26,96 € et indemnité 40,00 € réclamées" in said, said
    else:
        assert (
            "pénalités 26,96 € et indemnité 40,00 € restent dues (Code de commerce L441-10), à réclamer si vous le décidez"
            in said
        ), said
