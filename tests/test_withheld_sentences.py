"""The sentences of what a letter does not claim (a retention, a net to pay's gap) come from
one builder fed with two sets of sentences (review D8): their wording, pinned, one invoice or
past the list's limit, in French and in English. A refactoring: these pass on main too."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from relance_xlsx.letters.withheld import withheld_notes
from relance_xlsx.wording import LIST_LIMIT


def _money(x: float) -> str:
    return f"{x:.2f} €"


def _rows(n: int, retention: float, netted: float) -> list[dict]:
    return [
        {
            "invoice": f"F-{i}",
            "amount": 1200.0,
            "outstanding": 1200.0 - retention - netted,
            "retention": retention,
            "netted": netted,
        }
        for i in range(n)
    ]


MANY = LIST_LIMIT + 1
CASES = [
    pytest.param(1, 60.0, 0.0, "fr", ["Montant TTC de la facture n° F-0 : 1200.00 €, dont 60.00 € de retenue de garantie, non exigible avant sa levée, non réclamés."], id="fr-one-retention"),
    pytest.param(1, 60.0, 0.0, "en", ["Amount of invoice F-0: 1200.00 €, of which 60.00 € of retention money, not due before its release, not claimed."], id="en-one-retention"),
    pytest.param(MANY, 60.0, 0.0, "fr", [f"Les montants TTC de ces {MANY} factures comprennent {60.0 * MANY:.2f} € de retenues de garantie, non exigibles avant leur levée, non réclamés."], id="fr-many-retentions"),
    pytest.param(MANY, 60.0, 0.0, "en", [f"The amounts of these {MANY} invoices include {60.0 * MANY:.2f} € of retention money, not due before its release, not claimed."], id="en-many-retentions"),
    pytest.param(1, 0.0, 200.0, "fr", ["La somme réclamée au titre de la facture n° F-0 est son net à payer, 1000.00 €, et non son montant TTC de 1200.00 €."], id="fr-one-net"),
    pytest.param(1, 0.0, 200.0, "en", ["The sum claimed for invoice F-0 is its net amount payable, 1000.00 €, not its amount of 1200.00 €."], id="en-one-net"),
    pytest.param(MANY, 0.0, 200.0, "fr", [f"La somme réclamée pour ces {MANY} factures est leur net à payer, et non leur montant TTC."], id="fr-many-nets"),
    pytest.param(MANY, 0.0, 200.0, "en", [f"The sum claimed for these {MANY} invoices is their net amount payable."], id="en-many-nets"),
]  # fmt: skip


@pytest.mark.parametrize(("n", "retention", "netted", "lang", "said"), CASES)
def test_the_withheld_sentences_keep_their_wording(n, retention, netted, lang, said):
    notes = [
        x.replace("\xa0", " ").replace("\u202f", " ")
        for x in withheld_notes("relance_1", _rows(n, retention, netted), lang, _money)
    ]
    assert notes == said, notes
