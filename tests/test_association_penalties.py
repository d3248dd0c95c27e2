"""An association charged the business penalties (the lawyer's review of the ordinary
letters, finding 2, for counsel): the L441-10 penalties and the 40 € (D441-5) assume it acts
as a professional, else only the legal interest from the notice is owed (Code civil 1231-6).
No column says which: the run warns once per association whose letter claims them, and the
figures stay as they are."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Niveau de relance", "Date de relance"]  # fmt: skip
ADDRESS = "2 place Saint-Jean\n69005 Lyon"
NOTICE = ("Relance 2", D(2026, 11, 20))


@pytest.mark.parametrize(
    ("rows", "warned"),
    [
        # The review's F601: 300 € due 04/11/2026, 33 days at 12,15 % = 3,30 € and 40 €.
        pytest.param([["F601", "Les Amis du Vieux Lyon", "Association", *NOTICE]], ["F601 (ligne 2)"], id="type-client-association"),
        pytest.param([["F601", "Association Les Amis du Vieux Lyon", None, *NOTICE]], ["F601 (ligne 2)"], id="name-says-association"),
        pytest.param([["F601", "Association Les Amis du Vieux Lyon", None, *NOTICE],
                      ["F602", "Association Les Amis du Vieux Lyon", None, *NOTICE]], ["F601 (ligne 2), F602 (ligne 3)"], id="one-warning-per-association"),
        pytest.param([["F601", "Boulangerie Martin SARL", None, *NOTICE]], [], id="business-no-warning"),
        # A first reminder claims no penalties: nothing to warn about yet.
        pytest.param([["F601", "Les Amis du Vieux Lyon", "Association", None, None]], [], id="first-reminder-claims-nothing"),
    ],
)  # fmt: skip
def test_an_association_s_penalties_are_flagged_for_counsel(tmp_path, rows, warned):
    cells = [
        [n, c, t, ADDRESS, D(2026, 10, 5), D(2026, 11, 4), 300.0, lv, on]
        for n, c, t, lv, on in rows
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", cells, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    said = [w for w in result.warnings if "est une association" in w]
    assert len(said) == len(warned), said
    for w, invoices in zip(said, warned, strict=True):
        assert invoices in w and "L441-10" in w and "1231-6" in w and "votre conseil" in w, w
    # The figures are not changed: 300 × 12,15 % × 33 / 365 = 3,30 €, and the 40 €.
    for invoice in result.invoices:
        assert invoice.interest == pytest.approx(3.30) and invoice.indemnity == 40.0
